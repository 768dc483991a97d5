using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Understanding;

public class PatchJudgeTests
{
    private static readonly BugTrail.Core.Scenarios.Scenario Attention = ShippedBank.Scenario("attention-scaling-missing");

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Attention.Code.Buggy, StringComparison.Ordinal);
        return Attention.Code.Buggy.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_fix_is_right() => Assert.True(PatchJudge.Judge(Attention, Attention.Code.Fixed).Correct);

    [Fact]
    public void Scaling_the_bug_line_another_way_is_right() =>
        Assert.True(PatchJudge.Judge(Attention, Edit("scores = Q @ K.transpose(-2, -1)\n", "scores = (Q @ K.transpose(-2, -1)) * self.d_head ** -0.5\n")).Correct);

    [Fact]
    public void A_change_elsewhere_is_wrong_even_if_it_names_the_fix() =>
        Assert.False(PatchJudge.Judge(Attention, Edit("attn = F.softmax(scores, dim=-1)", "attn = F.softmax(scores, dim=-1)  # TODO sqrt?\n        attn = attn / 1.0")).Correct);

    [Fact]
    public void A_mitigation_on_the_bug_line_is_wrong() =>
        Assert.False(PatchJudge.Judge(Attention, Edit("scores = Q @ K.transpose(-2, -1)\n", "scores = (Q @ K.transpose(-2, -1)).clamp(-1e4, 1e4)\n")).Correct);

    [Fact]
    public void The_policy_acknowledges_a_right_patch_when_the_code_is_visible()
    {
        var said = Reader.Read(Commands.Patch + "\n" + Attention.Code.Fixed, Attention, new ReadingContext(CodeVisible: true));
        Assert.Equal(new ProposesFix(true), Assert.Single(said.Intents));
        Assert.Contains("+         scores = Q @ K.transpose(-2, -1) / math.sqrt(self.d_head)", PatchJudge.Diff(Attention, Attention.Code.Fixed), StringComparison.Ordinal);
    }
}
