namespace ModelDsl.Symbolics.Expressions;

/// <summary>Names and arities of the built-in functions, shared by printers, parser and compiler.</summary>
public static class FunctionInfo
{
    private static readonly Dictionary<string, FunctionKind> ByName = new(StringComparer.Ordinal)
    {
        ["exp"] = FunctionKind.Exp, ["log"] = FunctionKind.Log, ["abs"] = FunctionKind.Abs,
        ["conj"] = FunctionKind.Conj, ["re"] = FunctionKind.Re, ["im"] = FunctionKind.Im,
        ["sin"] = FunctionKind.Sin, ["cos"] = FunctionKind.Cos, ["atan"] = FunctionKind.Atan,
        ["sign"] = FunctionKind.Sign, ["theta"] = FunctionKind.Theta, ["min"] = FunctionKind.Min,
        ["max"] = FunctionKind.Max, ["ifpos"] = FunctionKind.IfPos,
    };

    /// <summary>The name used in infix text, e.g. <c>theta</c>.</summary>
    public static string Name(FunctionKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>All infix names, including <c>sqrt</c> (which builds a power 1/2).</summary>
    public static IEnumerable<string> Names => ByName.Keys.Append("sqrt");

    /// <summary>Looks up a function by its infix name (<c>sqrt</c> is not a kind: it is a power).</summary>
    public static bool TryLookup(string name, out FunctionKind kind) => ByName.TryGetValue(name, out kind);

    /// <summary>Minimum number of arguments (min and max take two or more, the rest one).</summary>
    public static int MinArity(FunctionKind kind) => kind switch
    {
        FunctionKind.Min or FunctionKind.Max => 2,
        FunctionKind.IfPos => 3,
        _ => 1,
    };

    /// <summary>Maximum number of arguments.</summary>
    public static int MaxArity(FunctionKind kind) => kind switch
    {
        FunctionKind.Min or FunctionKind.Max => int.MaxValue,
        FunctionKind.IfPos => 3,
        _ => 1,
    };

    /// <summary>True for functions whose value is real for every argument (abs, re, im, sign, theta, min, max).</summary>
    public static bool IsAlwaysReal(FunctionKind kind) =>
        kind is FunctionKind.Abs or FunctionKind.Re or FunctionKind.Im or FunctionKind.Sign
            or FunctionKind.Theta or FunctionKind.Min or FunctionKind.Max;

    /// <summary>True for functions that require real arguments (atan, sign, theta, min, max).</summary>
    public static bool NeedsRealArguments(FunctionKind kind) =>
        kind is FunctionKind.Atan or FunctionKind.Sign or FunctionKind.Theta or FunctionKind.Min or FunctionKind.Max or FunctionKind.IfPos;
}
