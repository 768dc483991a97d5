using DiffPlex;

namespace BugTrail.Core.Scenarios;

/// <summary>Derives the bug's location from the diff of the buggy file against the reference fix.</summary>
public static partial class CodeDiff
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

    /// <summary>The code the fix adds, without its comments (a comment explaining the fix is not the fix).</summary>
    public static IReadOnlyList<string> AddedCode(BugLocation bug) =>
        bug.Hunks.Where(h => !IsImportOnly(h)).SelectMany(h => h.Added)
            .Select(WithoutComment).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Identifiers (4+ characters) that the fix's code uses and the buggy file never does.</summary>
    public static IReadOnlyList<string> FixOnlyIdentifiers(CodeListing code)
    {
        var buggy = Identifier().Matches(code.Buggy.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return AddedCode(code.Bug).SelectMany(l => Identifier().Matches(l.ToLowerInvariant()).Select(m => m.Value))
            .Where(w => w.Length >= 4 && !buggy.Contains(w)).Distinct().ToList();
    }

    private static string WithoutComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#') return line[..i];
        }
        return line;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[a-z_][a-z0-9_]*")]
    private static partial System.Text.RegularExpressions.Regex Identifier();

    private static IEnumerable<int> LinesOf(DiffHunk hunk, int buggyLineCount)
    {
        if (hunk.Removed.Count > 0) return Enumerable.Range(hunk.BuggyStart, hunk.Removed.Count);
        // A pure insertion: the bug is the absence between these two lines.
        return new[] { hunk.BuggyStart - 1, hunk.BuggyStart }.Where(l => l >= 1 && l <= buggyLineCount);
    }
}
