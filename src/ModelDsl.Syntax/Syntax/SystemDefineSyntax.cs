using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>define NAME(args) = EXPR</c> inside a system block: a define that may use the variable, the states and earlier local defines.</summary>
public sealed record SystemDefineSyntax(TextSpan Span, DefinitionDeclarationSyntax Definition) : SystemItemSyntax(Span, Definition.Keyword);
