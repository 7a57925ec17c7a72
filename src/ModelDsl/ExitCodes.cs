namespace ModelDsl;

/// <summary>Process exit codes of <c>modeldsl</c> (and of the F# entry points that mirror it): the one set, used by every command.</summary>
public static class ExitCodes
{
    /// <summary>Every check holds.</summary>
    public const int Success = 0;

    /// <summary>The spec (or card) has errors; diagnostics were printed.</summary>
    public const int SpecErrors = 1;

    /// <summary>The command line was wrong (unknown option, missing file, ...).</summary>
    public const int Usage = 2;

    /// <summary>A check fails, or holds only under conditions on symbolic charges.</summary>
    public const int CheckFailed = 3;

    /// <summary>
    /// A result is not finite (NaN or infinite): an <c>eval</c> kernel (without <c>--allow-nonfinite</c>; MDL0317 names the
    /// kernel and its first input that is not finite), or a <c>plot</c> whose kernel has no finite value (no positive value on a
    /// log axis) to draw.
    /// </summary>
    public const int NonFinite = 4;

    /// <summary><c>merge</c>: the merged results miss points of the grid (the missing chunks are named).</summary>
    public const int Incomplete = 5;

    /// <summary>A bug in ModelDsl: the message asks to report it.</summary>
    public const int InternalError = 70;
}
