using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding;

/// <summary>
/// Judges a fix proposed as edited code: it is right when it changes the bug's lines and its new code
/// names every fix concept, or when it is the reference fix itself (whitespace aside).
/// </summary>
public static class PatchJudge
{
    public static ProposesFix Judge(Scenario scenario, string edited)
    {
        var proposal = CodeDiff.Locate(scenario.Code.Buggy, edited);
        if (Squash(edited) == Squash(scenario.Code.Fixed)) return new ProposesFix(Correct: true);
        // A missing line can often go in more than one place (zero_grad before backward or after step): a few lines' leeway.
        var insertion = scenario.Code.Bug.Hunks.Where(h => !CodeDiff.IsImportOnly(h)).All(h => h.Removed.Count == 0);
        var touchesBug = proposal.Hunks.Any(h => Covers(h, scenario.Code.Bug.Lines, insertion ? 4 : 1));
        var added = Phrase.Normalise(string.Join('\n', CodeDiff.AddedCode(proposal)));
        var namesFix = scenario.Fix.Concepts.All(c => Phrase.HasAny(added, c.Terms));
        return new ProposesFix(touchesBug && namesFix);
    }

    /// <summary>The unified diff of a proposal against the code the candidate was shown, for people to read.</summary>
    public static string Diff(Scenario scenario, string edited)
    {
        var proposal = CodeDiff.Locate(scenario.Code.Buggy, edited);
        return string.Join('\n', proposal.Hunks.SelectMany(h =>
            h.Removed.Select(l => "- " + l).Concat(h.Added.Select(l => "+ " + l)).Prepend($"@@ line {h.BuggyStart}")));
    }

    private static bool Covers(DiffHunk hunk, IReadOnlyList<int> bugLines, int leeway)
    {
        var first = hunk.BuggyStart - leeway;
        var last = hunk.BuggyStart + Math.Max(hunk.Removed.Count, 1) + leeway - 1;
        return bugLines.Any(l => l >= first && l <= last);
    }

    private static string Squash(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c)));
}
