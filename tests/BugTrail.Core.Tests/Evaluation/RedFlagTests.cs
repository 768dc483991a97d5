using BugTrail.Core.Evaluation;

namespace BugTrail.Core.Tests.Evaluation;

public class RedFlagTests
{
    public static TheoryData<string, Severity, string, string> Cases() => new()
    {
        // flag, severity, a replay where it fires, one where it does not
        { "silent_over_3_min", Severity.Major, "weak-candidate.yaml", "part1-worked-interview.yaml" },
        { "cannot_explain_fix", Severity.Major, "weak-candidate.yaml", "part1-worked-interview.yaml" },
        { "gives_up", Severity.Major, "gives-up.yaml", "part1-worked-interview.yaml" },
        { "blames_external", Severity.Major, "weak-candidate.yaml", "part1-worked-interview.yaml" },
        { "cannot_read_code", Severity.Major, "slow-easy.yaml", "part1-worked-interview.yaml" },
        { "over_15_min_on_easy", Severity.Minor, "slow-easy.yaml", "code-review-easy.yaml" },
        { "multiple_hints", Severity.Minor, "silent-candidate.yaml", "code-review-easy.yaml" },
        { "misses_obvious", Severity.Minor, "wrong-claim.yaml", "part1-worked-interview.yaml" },
        { "no_verification", Severity.Minor, "steady-progress-hard.yaml", "part1-worked-interview.yaml" },
        { "shallow_answer_pattern_matching", Severity.Minor, "weak-candidate.yaml", "part1-worked-interview.yaml" },
        { "shallow_answer_appeal_to_docs", Severity.Minor, "weak-candidate.yaml", "middling-candidate.yaml" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_red_flag_fires_in_one_session_and_not_in_another(string id, Severity severity, string fires, string quiet)
    {
        var flag = Assert.Single(Evaluations.Of(fires).RedFlags, f => f.Id == id);
        Assert.Equal(severity, flag.Severity);
        Assert.NotEmpty(flag.Evidence);
        Assert.DoesNotContain(Evaluations.Of(quiet).RedFlags, f => f.Id == id);
    }

    [Fact]
    public void A_major_red_flag_caps_the_recommendation_at_weak_hire()
    {
        var e = Evaluations.Of("slow-easy.yaml");
        Assert.Contains(e.RedFlags, f => f.Severity == Severity.Major);
        Assert.NotEqual(Recommendation.Hire, e.Recommendation);
        Assert.NotEqual(Recommendation.StrongHire, e.Recommendation);
    }

    [Theory]
    [InlineData("I just noticed the pattern from similar code.", "pattern_matching")]
    [InlineData("Honestly, that's what the docs say.", "appeal_to_docs")]
    [InlineData("I'd have to test it to know.", "would_have_to_test")]
    [InlineData("It explodes because the gradients are too large.", "circular")]
    public void The_guides_red_flag_answers_are_recognised_and_capped(string answer, string flag)
    {
        var followUp = ShippedBank.Scenario("attention-scaling-missing").FollowUps[0];
        var grade = FollowUpGrading.GradeAnswer(followUp, answer + " The weights grow until the scores overflow fp16's 65504.", TimeSpan.Zero);
        Assert.Equal([flag], grade.RedFlagPhrases);
        Assert.True(grade.Score <= 0.25);
    }

    [Fact]
    public void A_strong_answer_makes_its_key_points_and_raises_no_flag()
    {
        var followUp = ShippedBank.Scenario("attention-scaling-missing").FollowUps[0];
        var grade = FollowUpGrading.GradeAnswer(followUp,
            "The W_q and W_k weights grow with training, so the raw scores grow until one passes fp16's max of 65504 and becomes inf; just before, the softmax saturates to one-hot and the updates feed on themselves.",
            TimeSpan.Zero);
        Assert.Empty(grade.RedFlagPhrases);
        Assert.Equal(1.0, grade.Score);
    }

    [Fact]
    public void A_weak_point_lowers_the_grade()
    {
        var followUp = ShippedBank.Scenario("attention-scaling-missing").FollowUps.Single(f => f.Id == "dtype-effect");
        var grade = FollowUpGrading.GradeAnswer(followUp, "bf16 overflows sooner than fp16, fp32 has a much larger range of 3.4e38.", TimeSpan.Zero);
        Assert.NotEmpty(grade.WeakPointsMade);
        Assert.True(grade.Score < 0.34);
    }
}
