using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Views;

namespace BugTrail.Core.Tests.Scenarios;

public class ScenarioParserTests
{
    [Fact]
    public void The_worked_interview_carries_the_guides_numbers()
    {
        var s = ScenarioFixture.Valid.Load();
        Assert.Equal(Difficulty.Medium, s.Difficulty);
        Assert.Equal(EvidenceKind.LossHistory, s.OpeningMetrics.Kind);
        Assert.Equal("8.231", s.OpeningMetrics.Rows[^2][1].ToString());
        Assert.True(double.IsNaN(s.OpeningMetrics.Rows[^1][1].Number!.Value));
        var grads = s.EvidenceOf(EvidenceKind.GradNorms)!;
        Assert.Equal(["2.3", "8.7", "45.2", "327.8", "NaN"],
            grads.Rows.Where(r => r[0].Number is >= 2143 and <= 2147).Select(r => r[1].ToString()));
        Assert.Equal([EvidenceKind.GradNorms], s.EvidenceOf(EvidenceKind.LayerGradNorms)!.Requires);
    }

    [Fact]
    public void A_scenario_carries_the_hash_of_its_files_so_a_session_names_its_version()
    {
        var original = ScenarioFixture.Valid.Load().ContentHash;
        Assert.Matches("^[0-9a-f]{16}$", original);
        Assert.Equal(original, ScenarioFixture.Valid.Load().ContentHash);
        var edited = ScenarioFixture.Valid.WithYaml("title: Loss turns NaN", "title: Loss becomes NaN").Load().ContentHash;
        Assert.NotEqual(original, edited);
    }

    [Fact]
    public void Environment_keeps_its_written_order()
    {
        var s = ScenarioFixture.Valid.Load();
        Assert.Equal(["hardware", "model", "batch", "precision", "optimizer"], s.Environment.Select(e => e.Key));
    }

    [Fact]
    public void Empty_cells_and_quoted_numbers_stay_text()
    {
        var s = ScenarioFixture.Valid.Load();
        var layers = s.EvidenceOf(EvidenceKind.LayerGradNorms)!;
        Assert.Equal("", layers.Rows[0][2].ToString());
        Assert.Null(layers.Rows[0][2].Number);
        Assert.Equal("embedding", layers.Rows[0][0].Text);
    }

    [Fact]
    public void Per_layer_gradient_norms_never_exceed_the_global_norm()
    {
        var s = ScenarioFixture.Valid.Load();
        var global = s.EvidenceOf(EvidenceKind.GradNorms)!.Rows.ToDictionary(r => (int)r[0].Number!.Value, r => r[1].Number!.Value);
        var layers = s.EvidenceOf(EvidenceKind.LayerGradNorms)!;
        foreach (var (step, attn, mlp) in new[] { (2143, 1, 2), (2144, 3, 4), (2145, 5, 6) })
        {
            var sumOfSquares = layers.Rows.Sum(r => Math.Pow(r[attn].Number ?? 0, 2) + Math.Pow(r[mlp].Number ?? 0, 2));
            Assert.InRange(Math.Sqrt(sumOfSquares), global[step] * 0.95, global[step] * 1.05);
        }
    }

    [Fact]
    public void The_candidate_opening_of_production_debugging_has_no_code()
    {
        var s = ScenarioFixture.Valid.Load();
        Assert.Null(CandidateOpening.Of(s, InterviewFormat.ProductionDebugging).Code);
        var review = CandidateOpening.Of(s, InterviewFormat.CodeReview);
        Assert.NotNull(review.Code);
        Assert.DoesNotContain("sqrt", review.Code!.Text, StringComparison.Ordinal);
    }
}
