using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>fermion NAME { entry, ... }</c> or <c>scalar NAME { ... }</c>.</summary>
public sealed record FieldDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, IReadOnlyList<FieldEntrySyntax> Entries) : DeclarationSyntax(Span, Keyword);
