using ModelDsl;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// <c>modeldsl check FILE [--json]</c>: compile, print diagnostics or the check table (or JSON), return
/// the exit code (0 every check holds, 1 errors, 3 a check fails or holds only under conditions).
/// </summary>
public static class CheckCommand
{
    /// <summary>Runs the checks of a spec file (the facade's <see cref="CheckReportWriter.Run"/>, which the F# layer shares).</summary>
    public static int Run(string path, bool json, TextWriter output, TextWriter error) => CheckReportWriter.Run(path, json, output, error);
}
