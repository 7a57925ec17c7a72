using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A <c># comment</c> and where it stands; kept so that formatting loses nothing.</summary>
public sealed record SyntaxComment(TextSpan Span, string Text);
