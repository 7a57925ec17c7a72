using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A whole .mdl file: its declarations in order.</summary>
public sealed record CompilationUnitSyntax(TextSpan Span, IReadOnlyList<DeclarationSyntax> Declarations) : SyntaxNode(Span);
