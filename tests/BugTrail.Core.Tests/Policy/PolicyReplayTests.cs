using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using static BugTrail.Core.Tests.Policy.ReplayAssertions;

namespace BugTrail.Core.Tests.Policy;

/// <summary>Each rule of the guide's Part 2, driven by a replay file of a scripted candidate.</summary>
public class PolicyReplayTests
{
    [Fact]
    public void Impatient_candidate_is_redirected_to_hypotheses_then_to_narrowing_before_any_code()
    {
        var r = ShippedBank.Replay("impatient-candidate.yaml");
        var redirects = r.Of(ActionKind.Redirect);
        Assert.Equal(TimeSpan.FromSeconds(30), redirects[0].At);
        Assert.Contains("hypotheses", redirects[0].Action.Text, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(90), redirects[1].At);
        Assert.Contains("narrow", redirects[1].Action.Text, StringComparison.Ordinal);
        Assert.True(r.First(ActionKind.ShowCode).At > r.First(ActionKind.Release).At, Dump(r));
        Assert.Equal(TimeSpan.FromSeconds(270), r.First(ActionKind.Acknowledge).At);
    }

    [Fact]
    public void Silent_candidate_gets_a_check_in_at_three_minutes_then_hints_then_the_cut()
    {
        var r = ShippedBank.Replay("silent-candidate.yaml");
        Assert.Equal(TimeSpan.FromSeconds(10) + M(3), r.First(ActionKind.CheckIn).At);
        var hints = r.Of(ActionKind.Hint);
        Assert.Equal([HintTier.Gentle, HintTier.Direct, HintTier.Strong], hints.Select(h => h.Action.Tier!.Value));
        Assert.True(hints[0].At <= M(5.5), Dump(r));
        Assert.All(hints.Zip(hints.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= HintSchedule.Spacing));
        Assert.Equal(M(15), r.First(ActionKind.Cut).At);
        Assert.Equal(ActionKind.WrapUp, r.Actions[^1].Action.Kind);
    }

    [Fact]
    public void Steady_progress_on_a_hard_bug_gets_no_hint_even_past_twenty_minutes()
    {
        var r = ShippedBank.Replay("steady-progress-hard.yaml");
        Assert.Empty(r.Of(ActionKind.Hint));
        Assert.Equal(M(21.5), r.First(ActionKind.Acknowledge).At);
        Assert.Equal(M(16), r.First(ActionKind.ShowCode).At);
    }

    [Fact]
    public void A_wrong_claim_gets_a_neutral_question_never_praise_or_denial()
    {
        var r = ShippedBank.Replay("wrong-claim.yaml");
        Assert.Empty(r.Of(ActionKind.Acknowledge));
        var replies = r.Actions.Where(a => a.At > TimeSpan.Zero).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal("How would you verify that?", replies[0].Action.Text);
        Assert.NotEqual(replies[0].Action.Text, replies[1].Action.Text);     // never the same redirect twice in a row
        foreach (var reply in replies)
            Assert.DoesNotMatch("(?i)correct|right|wrong|excellent|good|no,|not it", reply.Action.Text);
    }

    [Fact]
    public void Hint_seeking_clarifications_get_facts_and_textbook_answers_that_pass_the_leak_guard()
    {
        var r = ShippedBank.Replay("hint-seeking-clarifications.yaml");
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        var answers = r.Actions.Where(a => a.At > TimeSpan.Zero).ToList();
        Assert.Contains("3.4 × 10^38", answers[0].Action.Text, StringComparison.Ordinal);
        Assert.StartsWith("QK normalization", answers[1].Action.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("√", answers[2].Action.Text, StringComparison.Ordinal);     // the textbook answer states the fix, so it is withheld
        Assert.Equal("No, gradient clipping is not enabled in this run.", answers[3].Action.Text);
        Assert.Equal("Assume PyTorch and the hardware are working correctly.", answers[4].Action.Text);
        Assert.Equal(ActionKind.Redirect, answers[5].Action.Kind);                      // the whole codebase: focus
        Assert.Equal(ActionKind.Redirect, answers[6].Action.Kind);                      // layer-wise before global
        Assert.Equal("There's no throughput logged for this run.", answers[7].Action.Text);
        Assert.All(answers, a => Assert.True(LeakGuard.IsSafe(a.Action.Text, scenario, aboutThisRun: true), a.Action.Text));
        Assert.Empty(r.Of(ActionKind.Release));
        Assert.Empty(r.Of(ActionKind.ShowCode));
    }

    [Fact]
    public void A_45_minute_plan_cuts_each_scenario_at_its_time_box_and_wraps_up()
    {
        var r = ShippedBank.Replay("forty-five-minute-plan.yaml");
        var presents = r.Of(ActionKind.Present);
        Assert.Equal(["missing-zero-grad", "ddp-loss-averaging"], presents.Select(p => p.Action.ScenarioId));
        Assert.Equal(TimeSpan.Zero, presents[0].At);                                    // the introduction and the first scenario at once
        var cuts = r.Of(ActionKind.Cut);
        Assert.Equal([M(15), M(35)], cuts.Select(c => c.At));
        Assert.Equal(M(15), presents[1].At);
        Assert.Equal(M(35), r.First(ActionKind.WrapUp).At);
        Assert.True(r.First(ActionKind.End).At <= M(45));
        Assert.True(presents[0].Action.ShowsCode);                                      // scenario 1 is code review
        Assert.False(presents[1].Action.ShowsCode);                                     // scenario 2 is production debugging
    }

    [Fact]
    public void Code_review_shows_the_code_up_front_and_hints_only_after_eight_minutes_on_an_easy_bug()
    {
        var r = ShippedBank.Replay("code-review-easy.yaml");
        Assert.True(r.First(ActionKind.Present).Action.ShowsCode);
        var hint = Assert.Single(r.Of(ActionKind.Hint));
        Assert.Equal(M(8), hint.At);
        Assert.Equal(HintTier.Gentle, hint.Action.Tier);
        Assert.Equal(M(9.5), r.First(ActionKind.Acknowledge).At);
    }

    [Fact]
    public void Being_stuck_brings_hints_forward_and_giving_up_after_the_ladder_moves_on()
    {
        var r = ShippedBank.Replay("gives-up.yaml");
        var hints = r.Of(ActionKind.Hint);
        Assert.Equal([M(2), M(4), M(6)], hints.Select(h => h.At));
        Assert.Equal([HintTier.Gentle, HintTier.Direct, HintTier.Strong], hints.Select(h => h.Action.Tier!.Value));
        Assert.Equal(M(8), r.First(ActionKind.Cut).At);
    }

    [Fact]
    public void Hints_never_name_a_line_or_contain_the_fix_in_any_replay()
    {
        foreach (var file in Directory.GetFiles(RepoFiles.Path("tests", "BugTrail.Core.Tests", "Replays"), "*.yaml"))
        {
            var r = ShippedBank.Replay(Path.GetFileName(file));
            foreach (var hint in r.Of(ActionKind.Hint))
            {
                var scenario = ShippedBank.Scenario(hint.Action.ScenarioId);
                Assert.True(LeakGuard.IsSafe(hint.Action.Text, scenario, aboutThisRun: true), $"{file}: {hint.Action.Text}");
            }
        }
    }

    [Theory]
    [InlineData("missing-zero-grad")]
    [InlineData("causal-mask-diagonal")]
    [InlineData("kv-cache-position")]
    [InlineData("ddp-loss-averaging")]
    [InlineData("batchnorm-eval-during-training")]
    [InlineData("attention-scaling-missing")]
    public void In_production_debugging_nothing_gated_is_released_unasked(string id)
    {
        var scenario = ShippedBank.Scenario(id);
        var plan = BugTrail.Core.Sessions.InterviewPlan.Single(scenario, InterviewFormat.ProductionDebugging, Level.Mid);
        var interview = BugTrail.Core.Sessions.Interview.Start(plan, BugTrail.Core.Replay.ReplayRunner.Origin, ShippedBank.Scenario, Readers.Meaning);
        interview.AdvanceTo(BugTrail.Core.Replay.ReplayRunner.Origin + M(40));
        var acted = interview.Log.OfType<BugTrail.Core.Sessions.InterviewerActed>().Select(e => e.Action).ToList();
        Assert.DoesNotContain(acted, a => a.Kind is ActionKind.Release or ActionKind.ShowCode);
        Assert.False(acted[0].ShowsCode);
    }
}
