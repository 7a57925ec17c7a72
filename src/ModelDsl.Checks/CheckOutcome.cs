using ModelDsl.Text;

namespace ModelDsl.Checks;

/// <summary>One line of a check report: which check, which item (coefficient or term), the verdict, the value, where.</summary>
public sealed record CheckOutcome(string Check, string Item, Verdict Verdict, string Value, TextSpan? Span);
