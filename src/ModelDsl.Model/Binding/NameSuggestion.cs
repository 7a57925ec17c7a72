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
        return best.Candidate is not null && best.Folded > 0 && best.Folded <= Math.Max(2, (name.Length + 2) / 3) ? best.Candidate : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
