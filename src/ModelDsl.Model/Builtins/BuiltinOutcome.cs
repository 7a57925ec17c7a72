namespace ModelDsl.Model;

/// <summary>
/// What a builtin gives at a point: its record, or why it cannot be evaluated there (a user-facing message that becomes
/// the located MDL0315 at the let; no exception). A value with a failure is a rejected value (e.g. a fit that does not
/// reproduce the data): it counts as a failure everywhere, and a command may show it next to the reason.
/// </summary>
public sealed record BuiltinOutcome(BuiltinRecord? Value, string? Failure)
{
    /// <summary>A value.</summary>
    public static BuiltinOutcome Of(BuiltinRecord value) => new(value, null);

    /// <summary>A plain matrix value.</summary>
    public static BuiltinOutcome Of(System.Numerics.Complex[,] matrix) => new(BuiltinRecord.OfMatrix(matrix), null);

    /// <summary>A value computed but rejected, with the reason (a failure that commands can still show).</summary>
    public static BuiltinOutcome Rejected(BuiltinRecord value, string reason) => new(value, reason);

    /// <summary>A failure with its reason.</summary>
    public static BuiltinOutcome Fail(string reason) => new(null, reason);
}
