using BugTrail.Core.Evaluation;

namespace BugTrail.Core.Tests.Evaluation;

public class RubricTests
{
    [Fact]
    public void Strong_middling_and_weak_candidates_order_correctly_and_land_in_sensible_bands()
    {
        var strong = Evaluations.Of("part1-worked-interview.yaml");
        var middling = Evaluations.Of("middling-candidate.yaml");
        var weak = Evaluations.Of("weak-candidate.yaml");
        Assert.True(strong.Scores.Overall > middling.Scores.Overall, $"{strong.Scores.Overall} vs {middling.Scores.Overall}");
        Assert.True(middling.Scores.Overall > weak.Scores.Overall, $"{middling.Scores.Overall} vs {weak.Scores.Overall}");
        Assert.Contains(strong.Recommendation, new[] { Recommendation.StrongHire, Recommendation.Hire });
        Assert.Contains(middling.Recommendation, new[] { Recommendation.WeakHire, Recommendation.Hire });
        Assert.Equal(Recommendation.NoHire, weak.Recommendation);
    }

    [Fact]
    public void The_part_1_candidate_is_a_hire_or_better_with_no_hints_needed()
    {
        var e = Evaluations.Of("part1-worked-interview.yaml");
        Assert.Contains(e.Recommendation, new[] { Recommendation.StrongHire, Recommendation.Hire });
        Assert.Equal(HintsNeeded.None, e.HintsNeeded);
        Assert.Equal(TimeSpan.FromSeconds(330), e.TimeToSolve);
        Assert.Empty(e.RedFlags);
    }

    [Fact]
    public void Overall_weighs_the_areas_40_30_20_10()
    {
        var s = new AreaScores(100, 50, 0, 0);
        Assert.Equal(55, s.Overall);
        Assert.Equal(10, new AreaScores(0, 0, 0, 100).Overall);
    }

    [Fact]
    public void Evidence_names_the_moment_that_proves_it()
    {
        Assert.Equal("formed 5 hypotheses before the first request, 02:00", Evaluations.Item("part1-worked-interview.yaml", "forms_hypotheses").Evidence);
        Assert.Equal("asked for code before any hypothesis, 00:30", Evaluations.Item("impatient-candidate.yaml", "no_jumping_to_conclusions").Evidence);
        Assert.StartsWith("requested the layer-wise breakdown only after global norms (03:30)", Evaluations.Item("part1-worked-interview.yaml", "narrows_down").Evidence, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> ChecklistCases() => new()
    {
        // item, a replay where it is met, one where it is not
        { "forms_hypotheses", "part1-worked-interview.yaml", "weak-candidate.yaml" },
        { "logical_information_order", "part1-worked-interview.yaml", "middling-candidate.yaml" },
        { "narrows_down", "part1-worked-interview.yaml", "silent-candidate.yaml" },
        { "no_jumping_to_conclusions", "part1-worked-interview.yaml", "weak-candidate.yaml" },
        { "adapts_when_wrong", "part1-worked-interview.yaml", "wrong-claim.yaml" },
        { "found_bug", "part1-worked-interview.yaml", "silent-candidate.yaml" },
        { "explains_root_cause", "part1-worked-interview.yaml", "middling-candidate.yaml" },
        { "correct_fix", "impatient-candidate.yaml", "silent-candidate.yaml" },
        { "understands_implications", "part1-worked-interview.yaml", "middling-candidate.yaml" },
        { "reads_code_fluently", "part1-worked-interview.yaml", "silent-candidate.yaml" },
        { "thinks_out_loud", "part1-worked-interview.yaml", "weak-candidate.yaml" },
        { "explains_reasoning", "part1-worked-interview.yaml", "weak-candidate.yaml" },
        { "asks_good_questions", "part1-worked-interview.yaml", "wrong-claim.yaml" },
        { "organized_thinking", "part1-worked-interview.yaml", "weak-candidate.yaml" },
        { "reasonable_time", "part1-worked-interview.yaml", "middling-candidate.yaml" },
        { "no_dead_ends", "part1-worked-interview.yaml", "wrong-claim.yaml" },
        { "recovers_quickly", "part1-worked-interview.yaml", "weak-candidate.yaml" },
    };

    [Theory]
    [MemberData(nameof(ChecklistCases))]
    public void Every_checklist_item_is_met_in_one_session_and_not_in_another(string id, string met, string notMet)
    {
        Assert.True(Evaluations.Item(met, id).Met, $"{id} in {met}: {Evaluations.Item(met, id).Evidence}");
        Assert.False(Evaluations.Item(notMet, id).Met, $"{id} in {notMet}: {Evaluations.Item(notMet, id).Evidence}");
    }

    [Fact]
    public void The_checklist_covers_the_guides_four_areas()
    {
        var areas = Evaluations.Of("part1-worked-interview.yaml").Checklist.GroupBy(i => i.Area).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, areas[RubricArea.DebuggingProcess]);
        Assert.Equal(5, areas[RubricArea.TechnicalKnowledge]);
        Assert.Equal(4, areas[RubricArea.Communication]);
        Assert.Equal(3, areas[RubricArea.Speed]);
    }

    [Fact]
    public void Scoring_a_stored_session_again_gives_identical_results()
    {
        var run = ShippedBank.Replay("middling-candidate.yaml");
        var first = EvaluationView.Of(Evaluator.Evaluate(run.Interview.Log, ShippedBank.Scenario, Readers.Meaning));
        var second = EvaluationView.Of(Evaluator.Evaluate(run.Interview.Log.ToList(), ShippedBank.Scenario, Readers.Meaning));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first), System.Text.Json.JsonSerializer.Serialize(second));
    }

    [Theory]
    [InlineData(0, HintsNeeded.None)]
    [InlineData(1, HintsNeeded.Light)]
    [InlineData(2, HintsNeeded.Moderate)]
    [InlineData(3, HintsNeeded.Heavy)]
    public void Hints_needed_follow_the_count_and_tier(int count, HintsNeeded expected)
    {
        var at = DateTimeOffset.UnixEpoch;
        var hints = Enumerable.Range(0, count).Select(i => new BugTrail.Core.Sessions.HintGiven((BugTrail.Core.Scenarios.HintTier)i, at)).ToList();
        Assert.Equal(expected, Evaluator.HintsFor(hints));
    }

    [Fact]
    public void A_single_direct_or_strong_hint_counts_by_its_tier()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Equal(HintsNeeded.Moderate, Evaluator.HintsFor([new(BugTrail.Core.Scenarios.HintTier.Direct, at)]));
        Assert.Equal(HintsNeeded.Heavy, Evaluator.HintsFor([new(BugTrail.Core.Scenarios.HintTier.Strong, at)]));
    }
}
