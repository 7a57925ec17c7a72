namespace ModelDsl.Text;

/// <summary>The text of a spec or card file with its path and line table (as minsk's <c>SourceText</c>).</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    private SourceText(string text, string path)
    {
        Text = text;
        Path = path;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    /// <summary>Wraps text; <paramref name="path"/> is shown in diagnostics.</summary>
    public static SourceText From(string text, string path = "<text>") => new(text, path);

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The file path as given.</summary>
    public string Path { get; }

    /// <summary>Number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>Character at a position.</summary>
    public char this[int index] => Text[index];

    /// <summary>Number of lines.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 0-based line that contains a position.</summary>
    public int GetLineIndex(int position)
    {
        var i = Array.BinarySearch(_lineStarts, position);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The text of a 0-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        while (end > start && Text[end - 1] is '\n' or '\r') end--;
        return Text[start..end];
    }

    /// <summary>Start offset of a 0-based line.</summary>
    public int GetLineStart(int line) => _lineStarts[line];

    /// <summary>1-based (line, column) of a position.</summary>
    public (int Line, int Column) GetLineColumn(int position)
    {
        var line = GetLineIndex(position);
        return (line + 1, position - _lineStarts[line] + 1);
    }

    /// <summary>The text of a span.</summary>
    public string ToString(TextSpan span) => Text.Substring(span.Start, Math.Min(span.Length, Text.Length - span.Start));
}
