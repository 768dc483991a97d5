using BugTrail.Core.Evaluation;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Evaluation;

/// <summary>A red flag quotes the sentence that raised it, so whoever reads the report can judge it (and dismiss it if false).</summary>
public class RedFlagSpanTests
{
    [Fact]
    public void Blaming_the_framework_is_quoted_by_the_sentence_that_does_it()
    {
        var start = ReplayRunner.Origin;
        var i = Interview.Start(InterviewPlan.Single(ShippedBank.Scenario("attention-scaling-missing"), InterviewFormat.ProductionDebugging, Level.Mid, TimeSpan.FromMinutes(30)),
            start, ShippedBank.Scenario, Readers.Meaning);
        i.Say("The loss curve was smooth for two thousand steps and then went to NaN within three steps, and nothing in the data changed around then. " +
              "Honestly I think this is a bug in PyTorch's fp16 kernels, not something in our code.", start.AddMinutes(2));
        var flag = Assert.Single(Evaluator.Evaluate(i.Log, ShippedBank.Scenario, Readers.Meaning).RedFlags, f => f.Id == "blames_external");
        Assert.StartsWith("\"Honestly I think this is a bug in PyTorch", flag.Evidence, StringComparison.Ordinal);
    }
}
