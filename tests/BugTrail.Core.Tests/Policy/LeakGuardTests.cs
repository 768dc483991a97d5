using BugTrail.Core.Policy;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Policy;

/// <summary>The guide's good and bad answers to clarifying questions (section C.2) as test cases.</summary>
public class LeakGuardTests
{
    public static TheoryData<string, string> BadAnswers() => new()
    {
        { "kv-cache-position", "Long-range dependencies means the model's ability to relate tokens that are far apart in the sequence. This suggests the model isn't effectively using positional information, which could explain the poor generation quality." },
        { "attention-scaling-missing", "bfloat16 can overflow around 10^38, which is relevant when values grow unbounded during training." },
        { "ddp-loss-averaging", "It accumulates gradients across micro-batches. Without proper scaling, this can cause gradients to be too large." },
        { "attention-scaling-missing", "It normalizes Q and K vectors. Missing this can cause attention score instability, especially in deeper layers." },
        { "kv-cache-position", "Positional embeddings encode position information in the sequence. Without them, the model can't distinguish between positions, which could explain why your model isn't learning position-dependent patterns." },
        { "missing-zero-grad", "Gradients accumulate their effects over time. If gradients are too large, the weights grow until they cross the overflow threshold. That's why you see delayed explosion." },
    };

    public static TheoryData<string, string> GoodAnswers() => new()
    {
        { "kv-cache-position", "Long-range dependencies means the model's ability to relate tokens that are far apart in the sequence, like understanding that a pronoun in position 50 refers to a name in position 5." },
        { "attention-scaling-missing", "bfloat16 has a maximum value of approximately 3.4 × 10^38, the same exponent range as fp32 but with less precision." },
        { "ddp-loss-averaging", "grad_accum_steps splits a large batch into smaller micro-batches. You accumulate gradients across micro-batches before doing one optimizer step." },
        { "attention-scaling-missing", "QK normalization normalizes the query and key vectors before computing attention scores. It's a technique to improve training stability." },
        { "kv-cache-position", "Positional embeddings encode position information in the sequence. Common approaches include sinusoidal embeddings (absolute position), learned embeddings, or rotary embeddings (relative position through rotation)." },
        { "missing-zero-grad", "When training is unstable, problems can manifest after some steps rather than immediately because: (1) Weights start small from initialization and grow over time, (2) Numerical issues compound across steps, (3) Mixed precision formats have specific overflow thresholds that get crossed at specific values. Many instabilities show this delayed pattern." },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void The_guides_bad_answers_are_blocked(string scenario, string answer) =>
        Assert.NotNull(LeakGuard.Problem(answer, ShippedBank.Scenario(scenario)));

    [Theory]
    [MemberData(nameof(GoodAnswers))]
    public void The_guides_good_answers_pass(string scenario, string answer) =>
        Assert.Null(LeakGuard.Problem(answer, ShippedBank.Scenario(scenario)));

    [Fact]
    public void The_bug_line_and_the_fixed_code_are_blocked()
    {
        var s = ShippedBank.Scenario("attention-scaling-missing");
        Assert.Contains("line", LeakGuard.Problem("Have a careful read around line 30.", s, aboutThisRun: true), StringComparison.Ordinal);
        Assert.NotNull(LeakGuard.Problem("scores = Q @ K.transpose(-2, -1) / math.sqrt(self.d_head)", s, aboutThisRun: true));
        Assert.NotNull(LeakGuard.Problem("Attention scores are usually divided by the square root of the head size.", s, aboutThisRun: true));
    }

    [Fact]
    public void Figures_of_the_scenario_do_not_appear_in_textbook_answers()
    {
        var s = ShippedBank.Scenario("attention-scaling-missing");
        Assert.Contains("figure", LeakGuard.Problem("Gradient norms near 327.8 are large.", s), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_glossary_answer_is_a_plain_definition()
    {
        // Textbook answers pass in a scenario whose bug they do not touch.
        var unrelated = ShippedBank.Scenario("batchnorm-eval-during-training");
        foreach (var entry in Glossary.Entries.Where(e => e.Id is not ("batch_norm" or "dropout")))
            Assert.True(LeakGuard.IsSafe(entry.Answer, unrelated), $"{entry.Id}: {LeakGuard.Problem(entry.Answer, unrelated)}");
    }

    [Fact]
    public void Every_fact_of_the_shipped_bank_passes_the_guard()
    {
        foreach (var s in ShippedBank.Value.Scenarios)
            foreach (var fact in s.Facts)
                Assert.True(LeakGuard.IsSafe(fact.Answer, s, aboutThisRun: true), $"{s.Id}: {fact.Question} → {LeakGuard.Problem(fact.Answer, s, aboutThisRun: true)}");
    }
}
