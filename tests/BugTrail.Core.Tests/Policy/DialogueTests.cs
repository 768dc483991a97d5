using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Policy;

/// <summary>
/// After the bug is found the interviewer keeps a dialogue state: one question at a time, each waiting for its answer;
/// requests, commands and thinking aloud do not count as answers; nothing is asked twice; the wrap-up comes last.
/// </summary>
public class DialogueTests
{
    private static readonly DateTimeOffset Start = ReplayRunner.Origin;

    private static Interview CodeReview(string scenario = "missing-zero-grad") =>
        Interview.Start(InterviewPlan.Single(ShippedBank.Scenario(scenario), InterviewFormat.CodeReview, Level.Junior, TimeSpan.FromMinutes(20)), Start, ShippedBank.Scenario, Readers.Meaning);

    private static List<ActionKind> Say(Interview i, double minute, string text) =>
        [.. i.Say(text, Start.AddMinutes(minute)).Select(a => a.Kind)];

    private const string Found =
        "Got it: the loop never clears the gradients. There's no optimizer.zero_grad() anywhere, so each backward() adds onto .grad from every earlier step and step() applies the running sum.";

    [Fact]
    public void Follow_ups_come_one_at_a_time_and_each_waits_for_its_answer()
    {
        var i = CodeReview();
        Assert.Equal([ActionKind.Acknowledge, ActionKind.FollowUp], Say(i, 3, Found));
        Assert.Single(i.State.Active!.PendingFollowUps);

        // A request in place of an answer is served; the question stays open and nothing new is asked.
        var asked = Say(i, 4, "Before I answer, could you show me the gradient norm over the first steps?");
        Assert.DoesNotContain(ActionKind.FollowUp, asked);
        Assert.DoesNotContain(ActionKind.AskFix, asked);
        Assert.Single(i.State.Active!.PendingFollowUps);

        // Thinking aloud is not an answer either: the interviewer waits.
        Assert.Empty(Say(i, 4.5, "Hmm, let me think."));

        // The answer moves on to the second question, on its own.
        Assert.Equal([ActionKind.FollowUp], Say(i, 6,
            "At the start .grad is empty, so the first update is a normal SGD step. The sum only gets big once many steps have piled up, so early on the loss still goes down."));
        Assert.Equal(2, i.State.Active!.FollowUpsAsked.Count);

        // A patch is not an answer to a question on the mechanism.
        var patch = Say(i, 7, "/patch\nimport torch\n");
        Assert.Equal([ActionKind.Clarify], patch);
        Assert.Single(i.State.Active!.PendingFollowUps);

        Assert.Equal([ActionKind.AskFix], Say(i, 8,
            "At step t the weights move by lr times the sum of all gradients so far, g1 through gt. Momentum 0.9 would also sum them but shrink the old ones by 0.9 per step; here nothing decays."));
        Assert.Equal([ActionKind.FollowUp], Say(i, 9,
            "Call optimizer.zero_grad() at the top of every iteration, before backward(). Then rerun and check the gradient norm stays flat and the loss keeps falling past step 500."));
        Assert.Equal(Stage.Probe, i.State.Active!.Stage);
        Assert.Equal([ActionKind.WrapUp], Say(i, 10,
            "In bf16 the sum would hit the limits of the format at about the same point since the range matches fp32, but the rounding is coarser, so it would look noisier before it blew up."));
        Assert.Equal([ActionKind.Clarify, ActionKind.End], Say(i, 11, "Just one: how do you catch bugs like this before they reach a long run?"));
    }

    [Fact]
    public void A_bare_no_answers_a_yes_or_no_question_and_a_bare_ok_does_not()
    {
        var i = CodeReview();
        Say(i, 3, Found);
        Assert.Empty(Say(i, 4, "OK."));
        Assert.Empty(Say(i, 4.2, "Good question!"));
        Assert.Equal([ActionKind.FollowUp], Say(i, 5, "No."));
    }

    [Fact]
    public void The_fix_and_its_verification_are_each_asked_once_even_when_the_answers_miss_them()
    {
        var i = CodeReview();
        Say(i, 3, Found);
        Say(i, 5, "Because the early gradients are small and all point roughly the same way, so adding them up looks like a bigger learning rate at first.");
        Assert.Equal([ActionKind.AskFix], Say(i, 6, "It would be the plain sum of every gradient so far, like momentum without the decay."));
        // An answer with no fix in it: verification is asked next, and the fix is not asked again.
        Assert.Equal([ActionKind.AskVerify], Say(i, 7, "I'm honestly not sure what I'd change."));
        var after = Say(i, 8, "No idea, sorry.");
        Assert.DoesNotContain(ActionKind.AskFix, after);
        Assert.DoesNotContain(ActionKind.AskVerify, after);
    }

    [Fact]
    public void Questions_asked_together_are_one_numbered_pair_and_a_half_answer_gets_the_other_asked_again()
    {
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        Assert.Equal("why-this-step", scenario.FollowUps.Single(f => f.Id == "why-layer-11").AskedWith);
        var r = ShippedBank.Replay("part1-worked-interview.yaml");
        var ack = r.First(ActionKind.Acknowledge).At;
        Assert.Equal(2, r.Of(ActionKind.FollowUp).Count(f => f.At == ack));
    }

    [Fact]
    public void No_hint_goes_to_a_candidate_who_has_found_the_bug_whatever_they_say_next()
    {
        var i = CodeReview();
        Say(i, 3, Found);
        var later = i.Say("I'm stuck on this question, I give up.", Start.AddMinutes(4)).ToList();
        later.AddRange(i.AdvanceTo(Start.AddMinutes(14)));
        Assert.DoesNotContain(later, a => a.Kind is ActionKind.Hint or ActionKind.Cut);
    }

    [Fact]
    public void A_request_the_reader_is_unsure_of_is_asked_back_and_a_yes_releases_it()
    {
        var i = Interview.Start(InterviewPlan.Single(ShippedBank.Scenario("attention-scaling-missing"), InterviewFormat.ProductionDebugging, Level.Mid, TimeSpan.FromMinutes(30)),
            Start, ShippedBank.Scenario, Readers.Meaning);
        Say(i, 1, "Could be the gradients blowing up, or an overflow somewhere in fp16. Can I see the gradient norms?");
        var asked = i.Say("Anything on how peaked the attention was?", Start.AddMinutes(2));
        var back = Assert.Single(asked);
        Assert.Equal(ActionKind.Clarify, back.Kind);
        Assert.Equal("Do you mean the attention statistics?", back.Text);
        Assert.DoesNotContain(i.State.Active!.Released, k => k == EvidenceKind.AttentionStats);
        var yes = i.Say("Yes, please.", Start.AddMinutes(2.5));
        Assert.Contains(yes, a => a.Kind == ActionKind.Release && a.Evidence == EvidenceKind.AttentionStats);
    }

    [Fact]
    public void A_yes_long_after_the_offer_releases_nothing()
    {
        var i = Interview.Start(InterviewPlan.Single(ShippedBank.Scenario("attention-scaling-missing"), InterviewFormat.ProductionDebugging, Level.Mid, TimeSpan.FromMinutes(30)),
            Start, ShippedBank.Scenario, Readers.Meaning);
        Say(i, 1, "Could be the gradients blowing up, or an overflow somewhere in fp16. Can I see the gradient norms?");
        Say(i, 2, "Anything on how peaked the attention was?");
        i.AdvanceTo(Start.AddMinutes(9));     // a check-in comes in between: the offer lapses
        Assert.DoesNotContain(i.Say("Yes.", Start.AddMinutes(9.5)), a => a.Kind == ActionKind.Release);
    }
}
