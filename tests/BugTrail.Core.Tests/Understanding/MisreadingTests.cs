using BugTrail.Core.Scenarios;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Understanding;

/// <summary>
/// The misreadings that made round 1's interviewer untrustworthy (issue 8's "Why"), each in new words:
/// the embedded reader must get them right.
/// </summary>
public class MisreadingTests
{
    private static Utterance Read(string scenario, string text, bool codeVisible = true) =>
        Readers.Meaning.Read(text, ShippedBank.Scenario(scenario), new ReadingContext(codeVisible));

    [Fact]
    public void A_root_cause_in_words_no_table_lists_is_recognised()
    {
        var said = Read("grad-accum-scaling",
            "Each micro-batch loss is handed to backward() as it is; nothing scales it by the number of accumulation steps, so the summed gradient is eight times the mean.");
        Assert.True(said.Find<ClaimsRootCause>() is { Correct: true }, string.Join(", ", said.Intents));
    }

    [Fact]
    public void A_right_claim_is_not_vetoed_by_a_wrong_one_that_calls_the_same_thing_fine()
    {
        // The scenario's wrong answers include "the softmax is correct, cross-entropy needs probabilities": same words, opposite sense.
        var said = Read("softmax-before-cross-entropy",
            "The network's last layer is a softmax, and that's the bug: CrossEntropyLoss already contains one, so the softmax is applied twice.");
        Assert.True(said.Find<ClaimsRootCause>() is { Correct: true }, string.Join(", ", said.Intents));
    }

    [Theory]
    [InlineData("I don't know how I'd test that without running it. I'm a bit stuck, could you give me a nudge?")]
    [InlineData("I'm stuck, to be honest; can you point me in some direction?")]
    public void Asking_for_a_pointer_when_stuck_asks_for_no_diagnostic(string text)
    {
        var said = Read("loss-accumulation-memory-leak", text, codeVisible: false);
        Assert.True(said.Has<SaysStuck>(), string.Join(", ", said.Intents));
        Assert.Empty(said.Intents.OfType<RequestsEvidence>());
    }

    [Fact]
    public void A_diagnostic_per_block_is_asked_for_not_the_blocks_code()
    {
        var said = Read("batchnorm-eval-during-training", "Could I look at the activation statistics of every block?", codeVisible: false);
        Assert.Contains(said.Intents.OfType<RequestsEvidence>(), r => r.Kind == EvidenceKind.ActivationStats);
        Assert.False(said.Has<RequestsCode>(), string.Join(", ", said.Intents));
    }

    [Fact]
    public void A_confident_wrong_claim_is_never_acknowledged()
    {
        var said = Read("batchnorm-eval-during-training", "Dropout isn't tied to eval mode here, so random units vanish at inference time and the predictions are noisy.");
        Assert.False(said.Find<ClaimsRootCause>() is { Correct: true }, string.Join(", ", said.Intents));
    }

    [Theory]
    [InlineData("attention-scaling-missing", "Line 30 multiplies Q by K transposed and nothing ever divides the result by sqrt(d_head), so the logits come out eight times too big.")]
    [InlineData("ddp-loss-averaging", "The loss gets divided by world_size before backward, but DDP already averages gradients across ranks, so every update is eight times too small.")]
    public void A_diagnosis_that_says_what_is_missing_proposes_no_fix(string scenario, string text)
    {
        // The fix is then still to be asked for (guide: "How would you fix this?"), however near the diagnosis sits to it in meaning.
        var said = Read(scenario, text);
        Assert.True(said.Find<ClaimsRootCause>() is { Correct: true }, string.Join(", ", said.Intents));
        Assert.False(said.Has<ProposesFix>(), string.Join(", ", said.Intents));
    }

    [Theory]
    [InlineData("attention-scaling-missing", "Divide the scores by math.sqrt(self.d_head) right after the matmul.")]
    [InlineData("loss-accumulation-memory-leak", "it is line 41: accumulate loss.item() there, then the graph of each batch can be freed")]
    [InlineData("kv-cache-position", "pos += 1 after every decode call")]
    public void A_change_proposed_in_any_form_is_a_fix(string scenario, string text)
    {
        var said = Read(scenario, text);
        Assert.True(said.Find<ProposesFix>() is { Correct: true }, string.Join(", ", said.Intents));
    }

    [Theory]
    [InlineData("causal-mask-diagonal", "Before anything else I'd like to rule out the mask letting tokens look at the future.")]
    [InlineData("grad-accum-scaling", "I wonder whether the loss is never divided by the accumulation steps - let me check the loop.")]
    [InlineData("attention-scaling-missing", "Could it be that the attention scores are never scaled down by sqrt(d_head)?")]
    public void A_cause_held_open_is_a_hypothesis_not_a_finding(string scenario, string text)
    {
        var said = Read(scenario, text);
        Assert.False(said.Find<ClaimsRootCause>() is { Correct: true }, string.Join(", ", said.Intents));
    }

    [Theory]
    [InlineData("attention-scaling-missing", "How large do the query-key products get before the softmax?", EvidenceKind.AttentionStats)]
    [InlineData("grad-accum-scaling", "Could you break the gradient down by layer at step 0?", EvidenceKind.LayerGradNorms)]
    [InlineData("loss-accumulation-memory-leak", "How does the allocated memory develop over the epochs?", EvidenceKind.MemoryUsage)]
    public void Evidence_asked_for_in_new_words_is_understood(string scenario, string text, EvidenceKind kind)
    {
        var said = Read(scenario, text, codeVisible: false);
        Assert.Contains(said.Intents.OfType<RequestsEvidence>(), r => r.Kind == kind);
    }

    [Fact]
    public void Naming_an_api_in_a_diagnosis_is_not_blaming_the_framework()
    {
        var said = Read("causal-mask-diagonal", "With torch.tril(..., diagonal=1) every position keeps the next token visible, so the model learns to copy it.");
        Assert.False(said.Has<BlamesFramework>(), string.Join(", ", said.Intents));
    }

    [Fact]
    public void A_walk_through_that_says_answer_is_not_giving_up()
    {
        var said = Read("causal-mask-diagonal", "So the mask keeps the next token visible, which means the model can read off the answer instead of predicting it.");
        Assert.False(said.Has<GivesUp>(), string.Join(", ", said.Intents));
    }

    [Theory]
    [InlineData("loss-accumulation-memory-leak", "The validation function reads fine to me, eval mode and all. My best guess is that the DataLoader workers are holding on to memory.")]
    [InlineData("missing-zero-grad", "Everything in this loop looks normal to me at first glance. I suspect the learning rate is simply too high for these features.")]
    [InlineData("loss-accumulation-memory-leak", "Over the epochs the free memory gets chopped into small pieces until a large request cannot find room and it dies.")]
    public void Moving_on_from_code_that_looks_fine_or_talking_about_the_system_is_not_being_stuck(string scenario, string text) =>
        Assert.DoesNotContain(Read(scenario, text).Intents, i => i is SaysStuck);

    [Theory]
    [InlineData("causal-mask-diagonal", "Such a low loss means the network is being given the answer one way or another. I'd look at the loader first.")]
    [InlineData("attention-scaling-missing", "No honest fp16 run can keep the solution this stable, so I'd compare against bf16 next.")]
    public void Talking_about_the_answer_is_not_giving_up(string scenario, string text) =>
        Assert.DoesNotContain(Read(scenario, text, codeVisible: false).Intents, i => i is GivesUp);

    [Theory]
    [InlineData("loss-accumulation-memory-leak", "The block under torch.no_grad() is the culprit here, the graph is kept alive around it.")]
    public void Blaming_a_call_in_our_code_is_not_blaming_the_framework(string scenario, string text) =>
        Assert.DoesNotContain(Read(scenario, text).Intents, i => i is BlamesFramework);

    [Theory]
    [InlineData("kv-cache-position", "Is there a known bug where the fused attention kernel misbehaves with a one-token query?")]
    [InlineData("loss-accumulation-memory-leak", "Is there any known leak in the CUDA caching allocator of this release?")]
    public void Asking_about_a_known_issue_asks_whether_the_framework_is_at_fault(string scenario, string text) =>
        Assert.Contains(Read(scenario, text, codeVisible: false).Intents, i => i is AsksIfFrameworkIsBuggy);

    [Theory]
    [InlineData("ddp-loss-averaging", "The batch size per GPU is the culprit. Double it to 64 and rerun.")]
    [InlineData("normalization-leakage", "The network just overfits the old years. Cut the epochs to 500 and add dropout.")]
    [InlineData("attention-scaling-missing", "The optimizer is simply too aggressive for this model. Try clipping the gradients to 1.0.")]
    public void A_wrong_change_is_read_as_a_wrong_fix(string scenario, string text)
    {
        var said = Read(scenario, text);
        Assert.True(said.Find<ProposesFix>() is { Correct: false }, string.Join(", ", said.Intents));
        Assert.False(said.Find<ClaimsRootCause>() is { Correct: true });
    }

    [Theory]
    [InlineData("grad-accum-scaling", "The division by ACCUM_STEPS in the logging is perfectly fine; the momentum is what blows up. Lower it to 0.5.")]
    public void Calling_the_real_bug_fine_is_not_finding_it(string scenario, string text) =>
        Assert.False(Read(scenario, text).Find<ClaimsRootCause>() is { Correct: true });

    [Theory]
    [InlineData("attention-scaling-missing", "Remind me, what's the biggest finite number a float16 can hold?", "fp16")]
    [InlineData("loss-accumulation-memory-leak", "Conceptually, when does autograd let go of the activations it saved for backward?", "autograd")]
    public void A_textbook_question_is_answered_as_one(string scenario, string text, string topic) =>
        Assert.Contains(Read(scenario, text, codeVisible: false).Intents.OfType<AsksConcept>(), c => c.Entry.Id == topic);

    [Fact]
    public void The_same_message_is_always_read_the_same_way()
    {
        const string text = "My guess: the loss isn't divided by the micro-batch count. Can I see the per-layer norms at step 0?";
        var first = Read("grad-accum-scaling", text, codeVisible: false);
        var second = Read("grad-accum-scaling", text, codeVisible: false);
        Assert.Equal(Describe(first), Describe(second));
    }

    private static string Describe(Utterance u) =>
        string.Join("; ", u.Intents.Select(i => $"{i.GetType().Name} {System.Text.Json.JsonSerializer.Serialize(i, i.GetType())}"));

    [Fact]
    public void The_reader_is_deterministic_across_fresh_model_instances()
    {
        const string text = "Where in the network does the spike start? I suspect the attention logits.";
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        var fresh = new BugTrail.Core.Understanding.Meaning.MeaningReader(new BugTrail.Meaning.MiniLmEncoder());
        Assert.Equal(Describe(Readers.Meaning.Read(text, scenario, new ReadingContext(false))), Describe(fresh.Read(text, scenario, new ReadingContext(false))));
    }
}

/// <summary>Issue 8: a scenario written without trigger words is understood from what it says about itself.</summary>
public class NoTriggerWordsTests
{
    private static Scenario WithoutTerms(string id)
    {
        var s = ShippedBank.Scenario(id);
        static Concept Bare(Concept c) => c with { Terms = [] };
        return s with
        {
            Code = s.Code with { NarrowingTerms = [] },
            Facts = [.. s.Facts.Select(f => f with { Terms = [] })],
            RootCause = s.RootCause with { Concepts = [.. s.RootCause.Concepts.Select(Bare)] },
            Fix = s.Fix with { Concepts = [.. s.Fix.Concepts.Select(Bare)] },
            FollowUps = [.. s.FollowUps.Select(f => f with { StrongPoints = [.. f.StrongPoints.Select(Bare)], WeakPoints = [.. f.WeakPoints.Select(Bare)] })],
        };
    }

    [Fact]
    public void A_root_cause_is_recognised_without_concept_terms()
    {
        // (A sentence that differs from a known wrong claim only by its negation — "never divided" / "is divided" — is the
        // model's blind spot; docs/understanding.md lists it. This one states the mechanism in other words.)
        var said = Readers.Meaning.Read("Nothing scales the micro-batch losses down before backward(), so the summed gradient is eight times what it should be.",
            WithoutTerms("grad-accum-scaling"), new ReadingContext(CodeVisible: true));
        Assert.True(said.Find<ClaimsRootCause>() is { Correct: true }, string.Join(", ", said.Intents));
    }

    [Fact]
    public void A_fact_is_answered_without_fact_terms()
    {
        var said = Readers.Meaning.Read("Do you clip the gradients in this job?", WithoutTerms("grad-accum-scaling"), new ReadingContext(CodeVisible: false));
        Assert.Contains(said.Intents.OfType<AsksFact>(), f => f.Fact.Question == "Is gradient clipping on?");
    }
}
