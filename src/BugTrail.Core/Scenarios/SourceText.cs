namespace BugTrail.Core.Scenarios;

public static class SourceText
{
    /// <summary>Splits text into lines, normalising line endings and dropping trailing blank lines.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
