using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>A <c>define</c> of an included definitions file: its syntax, the file's text (its spans' source) and the include that brought it.</summary>
internal sealed record IncludedDefine(DefinitionDeclarationSyntax Define, SourceText Text, IncludeDeclarationSyntax Include);
