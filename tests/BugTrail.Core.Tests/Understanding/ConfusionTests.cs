using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Tests.Understanding;

/// <summary>Authoring aid: a scenario's facts and evidence that mean nearly the same are reported, so one can be reworded.</summary>
public class ConfusionTests
{
    [Fact]
    public void The_shipped_scenarios_have_no_items_too_close_to_tell_apart()
    {
        foreach (var scenario in ShippedBank.Value.Scenarios)
            Assert.Empty(Readers.Meaning.Confusions(scenario));
    }

    [Fact]
    public void A_fact_that_restates_an_evidence_title_is_reported()
    {
        var s = ShippedBank.Scenario("grad-accum-scaling");
        var title = s.Evidence.First(e => e.Kind == EvidenceKind.GradNorms).Title;
        var confusing = s with { Facts = [.. s.Facts, new Fact($"What is the {title.ToLowerInvariant()}?", [], "It is in the logs.")] };
        var found = Readers.Meaning.Confusions(confusing);
        Assert.Contains(found, c => c.First.Contains(title, StringComparison.OrdinalIgnoreCase) || c.Second.Contains(title, StringComparison.OrdinalIgnoreCase));
    }
}
