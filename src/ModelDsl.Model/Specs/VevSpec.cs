using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary><c>vev FIELD -&gt; NAME</c>: the scalar's vacuum expectation value, a real symbol.</summary>
public sealed record VevSpec(FieldSpec Field, SymbolExpr Value, TextSpan Span);
