namespace ModelDsl.Model;

/// <summary>Finds the nearest declared name to an unknown one (Levenshtein distance).</summary>
public static class NameSuggestion
{
    /// <summary>
    /// The closest candidate by case-insensitive edit distance (ties: the closer in exact case,
    /// then ordinal order), if within max(2, (length + 2)/3); otherwise null.
    /// </summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Candidate: c, Folded: Distance(name.ToLowerInvariant(), c.ToLowerInvariant()), Exact: Distance(name, c)))
            .OrderBy(x => x.Folded).ThenBy(x => x.Exact).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Candidate is not null && best.Exact > 0 && best.Folded <= Math.Max(2, (name.Length + 2) / 3) ? best.Candidate : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
