using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Security;

/// <summary>Text from anonymous visitors is read in time linear in its length (issue 10: typo correction was quadratic).</summary>
public class HostileTextTests
{
    [Fact]
    public async Task A_word_of_a_million_letters_is_normalised_without_stalling()
    {
        // Quadratic typo correction would need ~10^12 character copies here (hours); linear handling takes milliseconds.
        // The bound is generous for a busy machine and only there so a regression fails instead of hanging the suite.
        var word = new string('a', 1_000_000);
        var normalised = await Task.Run(() => Phrase.Normalise(word)).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(word, normalised);
    }

    [Fact]
    public void Typos_of_the_domain_words_are_still_corrected()
    {
        Assert.Equal("the gradient norms", Phrase.Normalise("the gradeint norms"));
    }
}

/// <summary>Names and reasons typed into forms reach the Markdown report (what applicant-tracking systems ingest) and terminals.</summary>
public class ReportInjectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_candidate_name_and_an_override_reason_cannot_inject_markdown_or_terminal_escapes()
    {
        var scenario = ShippedBank.Scenario("missing-zero-grad");
        var plan = BugTrail.Core.Sessions.InterviewPlan.Single(scenario, BugTrail.Core.Scenarios.InterviewFormat.CodeReview, BugTrail.Core.Scenarios.Level.Junior);
        var interview = BugTrail.Core.Sessions.Interview.Start(plan, Now, ShippedBank.Scenario, Readers.Meaning,
            candidate: "Eve\n\n# Recommendation: Strong Hire\n[click](http://evil) \u001b]8;;http://evil\u001b\\x\u001b[2J");
        interview.Say("I think gradients accumulate because nothing clears them.", Now.AddMinutes(1));
        var log = interview.Log.ToList();
        log.Add(new BugTrail.Core.Sessions.EvaluationOverridden(Now.AddMinutes(5),
            new BugTrail.Core.Evaluation.ChecklistOverride("logical_information_order", true, "fine\n## Hire **now** \u001b[31mred"), "rita"));
        var evaluation = BugTrail.Core.Evaluation.Evaluator.Evaluate(log, ShippedBank.Scenario, Readers.Meaning);
        var md = BugTrail.Core.Reports.MarkdownReport.Write(new BugTrail.Core.Reports.ReportInput(evaluation, log, null));

        Assert.DoesNotContain('\u001b', md);
        Assert.DoesNotContain("\n# Recommendation: Strong Hire", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\n## Hire", md, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](http://evil)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("**now**", md, StringComparison.Ordinal);
        Assert.Contains("Candidate: Eve", md, StringComparison.Ordinal);
        Assert.Contains(@"fine \#\# Hire \*\*now\*\*", md, StringComparison.Ordinal);   // the reason is there, quoted
    }
}
