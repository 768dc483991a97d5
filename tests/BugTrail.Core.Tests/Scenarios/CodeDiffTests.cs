using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Tests.Scenarios;

public class CodeDiffTests
{
    [Fact]
    public void The_bug_lines_of_the_worked_interview_come_from_the_diff()
    {
        var scenario = ScenarioFixture.Valid.Load();
        Assert.Equal([30], scenario.Code.Bug.Lines);
        Assert.Equal("        scores = Q @ K.transpose(-2, -1)", scenario.Code.BuggyLines[29]);
    }

    [Fact]
    public void Import_only_hunks_are_not_the_bug()
    {
        var bug = ScenarioFixture.Valid.Load().Code.Bug;
        Assert.Equal(2, bug.Hunks.Count);
        Assert.True(CodeDiff.IsImportOnly(bug.Hunks[0]));
        Assert.False(CodeDiff.IsImportOnly(bug.Hunks[1]));
    }

    [Fact]
    public void A_missing_line_is_located_between_its_neighbours()
    {
        const string buggy = "for x, y in loader:\n    loss = f(x, y)\n    loss.backward()\n    opt.step()\n";
        const string fixedText = "for x, y in loader:\n    opt.zero_grad()\n    loss = f(x, y)\n    loss.backward()\n    opt.step()\n";
        var bug = CodeDiff.Locate(buggy, fixedText);
        Assert.Equal([1, 2], bug.Lines);
        Assert.Equal(["    opt.zero_grad()"], Assert.Single(bug.Hunks).Added);
    }

    [Fact]
    public void Windows_line_endings_do_not_count_as_changes()
    {
        const string buggy = "a = 1\nb = 2\n";
        var bug = CodeDiff.Locate(buggy.Replace("\n", "\r\n", StringComparison.Ordinal), "a = 1\nb = 3\n");
        Assert.Equal([2], bug.Lines);
    }
}
