using ModelDsl.Diagnostics;

namespace ModelDsl.Cli.Commands;

/// <summary>What <c>modeldsl fmt FILE [--write]</c> does: print (or rewrite) a spec in canonical layout.</summary>
public static class FormatCommand
{
    /// <summary>
    /// Formats a spec. With errors nothing is written and the diagnostics are printed. With
    /// <paramref name="write"/> the file is replaced only when the text changes, through a
    /// temporary file, so the original is never left half-written.
    /// </summary>
    public static int Run(string path, bool write, TextWriter output, TextWriter error)
    {
        var compilation = ModelCompilation.FromFile(path);
        if (compilation.HasErrors)
        {
            error.Write(DiagnosticPrinter.FormatAll(compilation.Diagnostics));
            return ExitCodes.SpecErrors;
        }
        var formatted = compilation.Format();
        if (!write)
        {
            output.Write(formatted);
            return ExitCodes.Success;
        }
        if (formatted == compilation.SyntaxTree.Text.Text) return ExitCodes.Success;
        var temporary = path + ".fmt-tmp";
        try
        {
            File.WriteAllText(temporary, formatted);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"modeldsl: cannot rewrite {path}: {e.Message} (the file is unchanged)");
            if (File.Exists(temporary)) File.Delete(temporary);
            return ExitCodes.Usage;
        }
        return ExitCodes.Success;
    }
}
