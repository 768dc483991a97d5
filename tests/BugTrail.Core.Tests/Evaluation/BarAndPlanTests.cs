using BugTrail.Core.Evaluation;
using BugTrail.Core.Reports;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Evaluation;

public class BarAndPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static BarEntry Entry(int overall, double? minutes, int daysAgo = 1, Level level = Level.Mid, string scenarios = "attention-scaling-missing") =>
        new(level, scenarios, Now.AddDays(-daysAgo), overall, minutes is { } m ? TimeSpan.FromMinutes(m) : null);

    [Fact]
    public void With_too_few_earlier_sessions_the_bar_says_so()
    {
        var c = Bar.Compare(Entry(80, 6, daysAgo: 0), [Entry(70, 8), Entry(60, 9)]);
        Assert.Null(c.OverallPercentile);
        Assert.Contains("Only 2 earlier mid-level candidates on attention-scaling-missing: too few to compare", c.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_candidate_is_placed_among_earlier_candidates_of_the_same_level_and_scenario()
    {
        var earlier = new[] { Entry(40, 14), Entry(55, 12), Entry(60, 10), Entry(70, 9), Entry(90, 5), Entry(99, 4, level: Level.Senior), Entry(10, null, scenarios: "other") };
        var c = Bar.Compare(Entry(75, 6, daysAgo: 0), earlier);
        Assert.Equal(5, c.Earlier);
        Assert.Equal(80.0, c.OverallPercentile);           // above 4 of 5
        Assert.Equal(80.0, c.TimePercentile);              // faster than 4 of 5
        Assert.Equal(60, c.MedianOverall);
        Assert.StartsWith("Overall 75 is above 80% of 5 earlier mid-level candidates", c.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_sessions_are_not_part_of_a_candidates_bar()
    {
        var c = Bar.Compare(Entry(75, 6, daysAgo: 10), Enumerable.Range(0, 6).Select(_ => Entry(50, 9, daysAgo: 1)));
        Assert.Equal(0, c.Earlier);
    }

    [Theory]
    [InlineData(Level.Junior)]
    [InlineData(Level.Mid)]
    [InlineData(Level.Senior)]
    public void A_45_minute_plan_is_one_easy_medium_and_one_medium_hard_or_a_single_hard(Level level)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var plan = PlanProposer.Propose(ShippedBank.Value.Scenarios, level, TimeSpan.FromMinutes(45), new Random(seed));
            Assert.Equal(TimeSpan.FromMinutes(45), plan.Length);
            var tiers = plan.Scenarios.Select(s => ShippedBank.Scenario(s.ScenarioId).Difficulty).ToList();
            if (tiers.Count == 1) Assert.Equal(Difficulty.Hard, tiers[0]);
            else
            {
                Assert.Contains(tiers[0], new[] { Difficulty.Easy, Difficulty.Medium });
                Assert.Contains(tiers[1], new[] { Difficulty.Medium, Difficulty.Hard });
                Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(18)], plan.Scenarios.Select(s => s.Opens));
                Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(35)], plan.Scenarios.Select(s => s.SolveBy));
            }
            Assert.All(plan.Scenarios, s => Assert.Contains(s.Format, ShippedBank.Scenario(s.ScenarioId).Formats));
        }
    }

    [Fact]
    public void About_60_percent_of_planned_scenarios_are_code_review()
    {
        var formats = Enumerable.Range(0, 400)
            .SelectMany(seed => PlanProposer.Propose(ShippedBank.Value.Scenarios, Level.Mid, TimeSpan.FromMinutes(45), new Random(seed)).Scenarios)
            .Select(s => s.Format).ToList();
        var share = formats.Count(f => f == InterviewFormat.CodeReview) / (double)formats.Count;
        Assert.InRange(share, 0.55, 0.65);
    }

    [Fact]
    public void A_seed_makes_a_plan_repeatable()
    {
        var a = PlanProposer.Propose(ShippedBank.Value.Scenarios, Level.Senior, TimeSpan.FromMinutes(45), new Random(7));
        var b = PlanProposer.Propose(ShippedBank.Value.Scenarios, Level.Senior, TimeSpan.FromMinutes(45), new Random(7));
        Assert.Equal(a.Scenarios, b.Scenarios);
    }

    [Fact]
    public void The_markdown_report_follows_the_guides_template()
    {
        var run = ShippedBank.Replay("part1-worked-interview.yaml");
        var md = MarkdownReport.Write(new ReportInput(Evaluator.Evaluate(run.Interview.Log, ShippedBank.Scenario, Readers.Meaning), run.Interview.Log, null));
        string[] headings =
        [
            "Candidate:", "Position: Mid-level", "Date:", "## Scenario 1: Loss turns NaN at step 2147", "Time to solve: 5.5 minutes", "Hints needed: None",
            "### Debugging Process", "- [x] Formed clear hypotheses", "- [x] Systematic information gathering", "- [x] Logical narrowing approach",
            "- [x] Recovered from wrong paths", "### Technical Depth", "- [x] Found bug correctly", "- [x] Explained root cause", "- [x] Proposed correct fix",
            "- [x] Understood implications", "### Communication", "- [x] Clear explanation", "- [x] Good questions", "- [x] Organized thinking",
            "## Overall recommendation", "- [x] Strong Hire - Excellent debugging, would hire immediately", "- [ ] Hire - Solid performance, meets bar",
            "## Specific feedback", "Strengths:", "Areas for Improvement:", "## Comparison to bar",
        ];
        var at = 0;
        foreach (var h in headings)
        {
            var found = md.IndexOf(h, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{h}' missing or out of order in:\n{md}");
            at = found;
        }
    }

    [Fact]
    public void Reports_quote_the_candidate_and_never_let_their_text_become_markup()
    {
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        var plan = InterviewPlan.Single(scenario, InterviewFormat.CodeReview, Level.Mid);
        var interview = Interview.Start(plan, Now, ShippedBank.Scenario, Readers.Meaning, candidate: "<script>alert('x')</script>");
        interview.Say("My hypotheses: 1. <img src=x onerror=alert(1)> overflow 2. a bad batch", Now.AddMinutes(1));
        interview.Say("Found it: the attention scores are not scaled by sqrt(d_head) **bold** [link](http://evil)", Now.AddMinutes(3));
        var input = new ReportInput(Evaluator.Evaluate(interview.Log, ShippedBank.Scenario, Readers.Meaning), interview.Log, null);
        var html = HtmlReport.Write(input);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var md = MarkdownReport.Write(input);
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.DoesNotContain("[link](http://evil)", md, StringComparison.Ordinal);
        Assert.Contains("the attention scores are not scaled", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_change_the_final_values_and_keep_the_computed_ones()
    {
        var run = ShippedBank.Replay("middling-candidate.yaml");
        var log = run.Interview.Log.ToList();
        var computed = Evaluator.Evaluate(log, ShippedBank.Scenario, Readers.Meaning);
        log.Add(new EvaluationOverridden(Now, new ChecklistOverride("logical_information_order", true, "the code request was a clarification"), "rita"));
        log.Add(new EvaluationOverridden(Now, new ScoreOverride(RubricArea.Communication, 90, "explained well on the call"), "rita"));
        log.Add(new EvaluationOverridden(Now, new RecommendationOverride(Recommendation.Hire, "strong on the whiteboard follow-up"), "rita"));
        var final = Evaluator.Evaluate(log, ShippedBank.Scenario, Readers.Meaning);

        var item = final.Checklist.Single(i => i.Id == "logical_information_order");
        Assert.True(item.Met);
        Assert.False(item.ComputedMet);
        Assert.Equal("the code request was a clarification", item.OverrideReason);
        Assert.Equal(90, final.Scores.Communication);
        Assert.Equal(computed.Scores.Communication, final.ComputedScores.Communication);
        Assert.True(final.Scores.DebuggingProcess > computed.Scores.DebuggingProcess);  // the ticked item counts in the final score
        Assert.Equal(Recommendation.Hire, final.Recommendation);
        Assert.Equal(computed.Recommendation, final.ComputedRecommendation);
        Assert.Equal(3, final.Overrides.Count);
    }
}
