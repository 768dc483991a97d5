using BugTrail.Core.Evaluation;
using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Policy;

/// <summary>
/// The conversation failures new users met (issue 9's "Why"), replayed in new words: silence, check-ins on top of the
/// candidate, hints after the bug is named, praise after a cut, a wrong fix praised, questions about what was never
/// shown, a patch graded as an answer.
/// </summary>
public class ConversationTests
{
    private static readonly DateTimeOffset Start = ReplayRunner.Origin;

    private static Interview Open(string scenario, InterviewFormat format, Level level = Level.Mid) =>
        Interview.Start(InterviewPlan.Single(ShippedBank.Scenario(scenario), format, level, TimeSpan.FromMinutes(40)), Start, ShippedBank.Scenario, Readers.Meaning);

    [Fact]
    public void Three_hypotheses_and_a_plan_always_get_a_reply()
    {
        var i = Open("ddp-loss-averaging", InterviewFormat.ProductionDebugging, Level.Senior);
        var reply = i.Say(
            "Three things could explain eight GPUs learning slower than one. (a) The effective step is smaller, for instance something rescales " +
            "the gradient by the number of ranks. (b) The data each rank sees overlaps, so the run sees fewer distinct samples. (c) The " +
            "learning-rate schedule was set for a different global batch. I'd compare the size of the update at step 0 between the two runs first, " +
            "since that separates (a) from the other two right away.", Start.AddMinutes(2));
        Assert.NotEmpty(reply);
        Assert.DoesNotContain(reply, a => a.Kind is ActionKind.Acknowledge or ActionKind.Hint);
    }

    [Fact]
    public void No_check_in_comes_within_three_minutes_of_the_candidates_last_message_in_any_replay()
    {
        foreach (var file in Directory.GetFiles(RepoFiles.Path("tests", "BugTrail.Core.Tests", "Replays"), "*.yaml"))
        {
            var log = ShippedBank.Replay(Path.GetFileName(file)).Interview.Log;
            foreach (var (checkIn, index) in log.Select((e, n) => (e, n)).Where(x => x.e is InterviewerActed { Action.Kind: ActionKind.CheckIn }))
                if (log.Take(index).OfType<CandidateSaid>().LastOrDefault() is { } last)
                    Assert.True(checkIn.At - last.At >= HintSchedule.SilenceCheckIn, $"{Path.GetFileName(file)}: a check-in {checkIn.At - last.At} after the candidate spoke");
        }
    }

    [Fact]
    public void A_candidate_who_has_named_the_cause_gets_no_hint_while_they_go_quiet_to_check_it()
    {
        var i = Open("attention-scaling-missing", InterviewFormat.ProductionDebugging);
        i.Say("My guess: the gradients exploded, maybe from the attention logits overflowing in half precision. Can I see the gradient norms?", Start.AddMinutes(1));
        var named = i.Say("I'm fairly confident the query-key products are never divided by the square root of the head size, so the logits grow until fp16 overflows.", Start.AddMinutes(2));
        Assert.DoesNotContain(named, a => a.Kind == ActionKind.Acknowledge);          // not before they have checked (guide B.4)
        var quiet = i.AdvanceTo(Start.AddMinutes(20));
        Assert.DoesNotContain(quiet, a => a.Kind == ActionKind.Hint);
    }

    [Theory]
    [InlineData("silent-candidate.yaml")]
    [InlineData("gives-up.yaml")]
    public void The_close_after_a_cut_or_a_give_up_is_neutral(string file)
    {
        var r = ShippedBank.Replay(file);
        var close = r.Actions.Last(a => a.Action.Kind is ActionKind.WrapUp or ActionKind.Present && a.At > TimeSpan.Zero);
        Assert.True(r.Actions.Any(a => a.Action.Kind == ActionKind.Cut), file);
        Assert.DoesNotMatch("(?i)excellent|great|well done", close.Action.Text);
    }

    [Fact]
    public void A_wrong_fix_is_never_praised()
    {
        var i = Open("loss-accumulation-memory-leak", InterviewFormat.CodeReview);
        var reply = i.Say("To fix it I'd add del loss after each validation batch and call torch.cuda.empty_cache() at the end of the epoch.", Start.AddMinutes(3));
        Assert.DoesNotContain(reply, a => a.Kind == ActionKind.Acknowledge);
        Assert.All(reply, a => Assert.DoesNotMatch("(?i)excellent|great|correct|right", a.Text));
    }

    [Fact]
    public void Code_review_never_asks_about_evidence_the_candidate_was_never_shown()
    {
        var i = Open("attention-scaling-missing", InterviewFormat.CodeReview);
        var ack = i.Say("Line 30: the scores are Q times K transposed with no division by sqrt(d_head); they should be divided by math.sqrt(self.d_head).", Start.AddMinutes(3));
        Assert.Contains(ack, a => a.Kind == ActionKind.Acknowledge);
        i.Say("The Q and K weights keep growing, so at some step the products cross fp16's maximum of 65504 and turn into inf.", Start.AddMinutes(5));
        i.Say("In bf16 the range is the same as fp32, so it would not overflow; the softmax would still saturate.", Start.AddMinutes(7));
        Assert.DoesNotContain("why-layer-11", i.State.Active!.FollowUpsAsked);
    }

    [Fact]
    public void A_patch_sent_while_a_question_waits_is_not_graded_as_its_answer()
    {
        var i = Open("missing-zero-grad", InterviewFormat.CodeReview, Level.Junior);
        i.Say("The loop never calls optimizer.zero_grad(), so every backward() adds to the gradients left from all the steps before.", Start.AddMinutes(3));
        var buggy = ShippedBank.Scenario("missing-zero-grad").Code.Buggy;
        i.Say("/patch\n" + buggy, Start.AddMinutes(4));
        i.Say("At first .grad is empty, so step one is a plain SGD step; the sum only grows large after many steps.", Start.AddMinutes(5));
        var grades = Evaluator.Evaluate(i.Log, ShippedBank.Scenario, Readers.Meaning).Scenarios[0].FollowUps;
        Assert.NotEmpty(grades);
        Assert.All(grades, g => Assert.DoesNotContain("/patch", g.Answer, StringComparison.Ordinal));
    }
}
