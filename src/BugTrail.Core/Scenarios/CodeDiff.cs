using DiffPlex;

namespace BugTrail.Core.Scenarios;

/// <summary>Derives the bug's location from the diff of the buggy file against the reference fix.</summary>
public static class CodeDiff
{
    public static BugLocation Locate(string buggy, string fixedText)
    {
        var before = SourceText.Lines(buggy);
        var after = SourceText.Lines(fixedText);
        var diff = Differ.Instance.CreateLineDiffs(string.Join('\n', before), string.Join('\n', after), ignoreWhitespace: false);
        var hunks = diff.DiffBlocks
            .Select(b => new DiffHunk(
                b.DeleteStartA + 1,
                before.Skip(b.DeleteStartA).Take(b.DeleteCountA).ToList(),
                after.Skip(b.InsertStartB).Take(b.InsertCountB).ToList()))
            .ToList();
        var lines = hunks.Where(h => !IsImportOnly(h)).SelectMany(h => LinesOf(h, before.Count)).Distinct().Order().ToList();
        return new BugLocation(lines, hunks);
    }

    /// <summary>A hunk that only adds imports (and blank lines) is bookkeeping, not the bug.</summary>
    public static bool IsImportOnly(DiffHunk hunk) =>
        hunk.Removed.Count == 0 &&
        hunk.Added.Any(l => !string.IsNullOrWhiteSpace(l)) &&
        hunk.Added.All(l => string.IsNullOrWhiteSpace(l) || l.TrimStart().StartsWith("import ", StringComparison.Ordinal)
                                                        || l.TrimStart().StartsWith("from ", StringComparison.Ordinal));

    private static IEnumerable<int> LinesOf(DiffHunk hunk, int buggyLineCount)
    {
        if (hunk.Removed.Count > 0) return Enumerable.Range(hunk.BuggyStart, hunk.Removed.Count);
        // A pure insertion: the bug is the absence between these two lines.
        return new[] { hunk.BuggyStart - 1, hunk.BuggyStart }.Where(l => l >= 1 && l <= buggyLineCount);
    }
}
