using System.Text;
using ModelDsl.Diagnostics;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// Reads the files of a spec's <c>include "path"</c> declarations (paths relative to the spec). An included file is a
/// definitions file: the header <c>definitions NAME "title"</c>, then only <c>define</c>s; it includes nothing itself
/// (nesting is MDL0348). Its parse errors are reported in its own file; a file that cannot be read, the spec itself or a
/// file included twice is MDL0347 at the include's path. The defines of a file with an error are not included: their
/// names are poisoned, so their uses say nothing more.
/// </summary>
internal static class IncludeLoader
{
    /// <summary>What a definitions file may declare besides its header.</summary>
    internal const string Contents = "A definitions file holds its header 'definitions NAME \"title\"' and 'define' declarations only";

    /// <summary>
    /// The defines of the includes, in order; names of failed includes are added to <paramref name="poisoned"/>, and
    /// <paramref name="failed"/> says whether any include failed (reported).
    /// </summary>
    public static IReadOnlyList<IncludedDefine> Load(SourceText text, IEnumerable<IncludeDeclarationSyntax> includes, DiagnosticBag diagnostics, ISet<string> poisoned, out bool failed)
    {
        var result = new List<IncludedDefine>();
        var before = diagnostics.Count;
        var directory = Path.GetDirectoryName(text.Path) ?? "";
        var seen = new HashSet<string>(StringComparer.Ordinal) { FullPath(text.Path) };
        foreach (var include in includes.Where(i => !i.Path.IsMissing))
        {
            var relative = include.Path.Text.Trim('"');
            var shown = Path.Combine(directory, relative);
            var full = FullPath(shown);
            if (!seen.Add(full))
            {
                diagnostics.ReportIncludeFile(text, include.Path.Span, full == FullPath(text.Path)
                    ? $"A file cannot include itself ('{relative}')."
                    : $"'{relative}' is included already: each file is included once.");
                continue;
            }
            if (Read(full) is not { } content)
            {
                diagnostics.ReportIncludeFile(text, include.Path.Span, $"The included file '{relative}' cannot be read ({full}: no such file, or not readable).");
                continue;
            }
            var tree = SyntaxTree.Parse(SourceText.From(content, shown));
            var defines = tree.Root.Declarations.OfType<DefinitionDeclarationSyntax>().Where(d => d.Keyword.Kind == SyntaxKind.DefineKeyword).ToList();
            diagnostics.AddRange(tree.Diagnostics);
            if (tree.Diagnostics.Any(d => d.IsError) || !IsDefinitionsFile(tree, diagnostics))
            {
                poisoned.UnionWith(defines.Select(d => d.Name.Text).Concat(tree.Root.BrokenNames.Select(t => t.Text)));
                continue;
            }
            result.AddRange(defines.Select(d => new IncludedDefine(d, tree.Text, include)));
        }
        failed = diagnostics.Skip(before).Any(d => d.IsError);
        return result;
    }

    /// <summary>Whether the path of <paramref name="include"/> names a file beside <paramref name="text"/>.</summary>
    public static bool NamesFile(SourceText text, IncludeDeclarationSyntax include) =>
        !include.Path.IsMissing && File.Exists(FullPath(Path.Combine(Path.GetDirectoryName(text.Path) ?? "", include.Path.Text.Trim('"'))));

    /// <summary>False after reporting (MDL0348, in the included file) a missing header or the first declaration other than a define.</summary>
    private static bool IsDefinitionsFile(SyntaxTree tree, DiagnosticBag diagnostics)
    {
        var declarations = tree.Root.Declarations;
        if (declarations.FirstOrDefault() is not ModelDeclarationSyntax { Keyword.Kind: SyntaxKind.DefinitionsKeyword })
        {
            var at = declarations.FirstOrDefault()?.Keyword.Span ?? new TextSpan(0, 0);
            diagnostics.ReportIncludedDeclaration(tree.Text, at, $"An included file starts with 'definitions NAME \"title\"'. {Contents}.");
            return false;
        }
        if (declarations.Skip(1).FirstOrDefault(d => d.Keyword.Kind != SyntaxKind.DefineKeyword) is { } other)
        {
            diagnostics.ReportIncludedDeclaration(tree.Text, other.Keyword.Span, Misplaced(other));
            return false;
        }
        return true;
    }

    /// <summary>The message for a declaration a definitions file may not hold.</summary>
    internal static string Misplaced(DeclarationSyntax d) => d.Keyword.Kind == SyntaxKind.IncludeKeyword
        ? $"A definitions file includes nothing: include the files it needs from the model or library. {Contents}."
        : $"{Contents}, not '{d.Keyword.Text}'.";

    private static string FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    private static string? Read(string full)
    {
        try { return File.ReadAllText(full, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
    }
}
