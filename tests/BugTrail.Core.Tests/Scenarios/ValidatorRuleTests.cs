using BugTrail.Core.Scenarios.Loading;

namespace BugTrail.Core.Tests.Scenarios;

/// <summary>Each rule of the validator, proven to fire on a fixture broken in exactly one way.</summary>
public class ValidatorRuleTests
{
    private static readonly ScenarioFixture Valid = ScenarioFixture.Valid;

    private static void AssertSingleError(ScenarioFixture fixture, int line, string fragment)
    {
        var errors = fixture.Errors();
        var error = Assert.Single(errors);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    private static Diagnostic AssertError(IReadOnlyList<Diagnostic> errors, string fragment) =>
        Assert.Single(errors, e => e.Message.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void The_baseline_fixture_is_valid() => Assert.Empty(Valid.Errors());

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line()
    {
        var broken = Valid.WithYaml("title: Loss turns NaN", "title: [Loss turns NaN");
        var error = Assert.Single(broken.Errors());
        Assert.StartsWith("malformed YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioFixture.YamlPath, error.File);
        Assert.InRange(error.Line, broken.LineOf("title:"), broken.LineOf("title:") + 2);
    }

    [Fact]
    public void An_unknown_field_is_an_error_at_its_line()
    {
        var broken = Valid.WithYaml("difficulty: medium\n", "difficulty: medium\nseverity: high\n");
        AssertSingleError(broken, broken.LineOf("severity:"), "unknown field 'severity'");
    }

    [Fact]
    public void A_misspelt_nested_field_is_an_error_naming_its_path()
    {
        var broken = Valid.WithYaml("  measurement: \"Loss 2.173", "  measurment: \"Loss 2.173");
        var errors = broken.Errors();
        Assert.Equal(broken.LineOf("measurment:"), AssertError(errors, "unknown field 'symptom.measurment'").Line);
        AssertError(errors, "missing required field 'symptom.measurement'");
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var broken = Valid.WithYaml("key_learning: Attention logits", "# key_learning: Attention logits");
        AssertSingleError(broken, broken.LineOf("id:"), "missing required field 'key_learning'");
    }

    [Fact]
    public void An_unknown_evidence_kind_lists_the_vocabulary()
    {
        var broken = Valid.WithYaml("  - kind: weight_norms", "  - kind: parameter_norms");
        AssertSingleError(broken, broken.LineOf("parameter_norms"), "must be one of loss_history, val_metrics, grad_norms");
    }

    [Fact]
    public void A_bad_difficulty_is_reported_with_the_allowed_values()
    {
        var broken = Valid.WithYaml("difficulty: medium", "difficulty: extreme");
        AssertSingleError(broken, broken.LineOf("difficulty:"), "must be one of easy, medium, hard (got 'extreme')");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_an_error()
    {
        var broken = Valid.WithYaml("    - [2139, 2.221]", "    - [2139, 2.221, 7]");
        AssertSingleError(broken, broken.LineOf("[2139, 2.221, 7]"), "has 3 values but there are 2 columns");
    }

    [Fact]
    public void A_symptom_without_a_measurement_is_an_error()
    {
        var broken = Valid.WithYaml(
            "measurement: \"Loss 2.173 at step 2143, 2.389 at 2144, 3.672 at 2145, 8.231 at 2146, NaN at 2147 and every step after.\"",
            "measurement: The loss became NaN and stayed there.");
        AssertSingleError(broken, broken.LineOf("measurement:"), "has no number");
    }

    [Fact]
    public void Every_offered_format_needs_an_opening()
    {
        var broken = Valid.WithYaml("formats: [production-debugging, code-review]", "formats: [production-debugging]");
        AssertSingleError(broken, broken.LineOf("  code-review: >-"), "'openings.code-review' is for a format not listed");

        var misspelt = Valid.WithYaml("  code-review: >-", "  code-revue: >-");
        AssertSingleError(misspelt, misspelt.LineOf("code-revue"), "'openings.code-revue' must be one of code-review, production-debugging");

        var noOpening = Valid with
        {
            Yaml = Valid.Yaml[..Valid.Yaml.IndexOf("  code-review: >-", StringComparison.Ordinal)] +
                   Valid.Yaml[Valid.Yaml.IndexOf("\ncode:", StringComparison.Ordinal)..],
        };
        AssertSingleError(noOpening, noOpening.LineOf("openings:"), "offers the code-review format but has no 'openings.code-review'");
    }

    [Fact]
    public void The_opening_needs_basic_metrics_over_steps()
    {
        var broken = Valid.WithYaml(
            "    - [2138, 2.234]\n    - [2139, 2.221]\n    - [2140, 2.209]\n    - [2141, 2.197]\n    - [2142, 2.184]\n    - [2143, 2.173]\n    - [2144, 2.389]\n    - [2145, 3.672]\n    - [2146, 8.231]\n",
            "");
        AssertError(broken.Errors(), "basic metrics need at least two rows");
    }

    [Fact]
    public void A_production_debugging_opening_must_not_quote_the_code()
    {
        var broken = Valid.WithYaml("    Walk me through how you'd debug this.", "    The scores are computed as scores = Q @ K.transpose(-2, -1). Walk me through how you'd debug this.");
        AssertSingleError(broken, broken.LineOf("  production-debugging: >-"), "quotes the code");
    }

    [Fact]
    public void A_production_debugging_opening_must_not_contain_a_code_block()
    {
        var broken = Valid.WithYaml("  production-debugging: >-\n", "  production-debugging: |\n    ```python\n    x = 1\n    ```\n");
        AssertError(broken.Errors(), "must not contain a code block");
    }

    [Fact]
    public void A_production_debugging_opening_must_not_release_gated_evidence()
    {
        var broken = Valid.WithYaml("    Walk me through how you'd debug this.", "    The gradient norm reached 327.8 the step before. Walk me through how you'd debug this.");
        AssertSingleError(broken, broken.LineOf("  production-debugging: >-"), "327.8 appears in 'grad_norms'");
    }

    [Fact]
    public void Figures_also_shown_at_the_opening_are_not_gated()
    {
        // 2000 is a step in the grad-norm table, but the timeline already says "about 2,000 steps".
        Assert.Contains("2,000", Valid.Yaml, StringComparison.Ordinal);
        Assert.Empty(Valid.Errors());
    }

    [Fact]
    public void The_code_length_must_fit_every_level()
    {
        var broken = Valid.WithYaml("levels: [mid]", "levels: [mid, senior]");
        AssertError(broken.Errors(), "the code has 39 lines; senior scenarios need 50–100");
    }

    [Fact]
    public void An_easy_code_review_is_a_quick_review_of_15_to_25_lines()
    {
        var broken = Valid.WithYaml("difficulty: medium", "difficulty: easy").WithYaml("expected_minutes: [8, 12]", "expected_minutes: [5, 8]");
        var error = AssertError(broken.Errors(), "quick code review and needs 15–25");
        Assert.Equal("bank/fixture/buggy.py", error.File);
    }

    [Fact]
    public void The_expected_time_must_fit_the_difficulty_tier()
    {
        var broken = Valid.WithYaml("expected_minutes: [8, 12]", "expected_minutes: [20, 30]");
        AssertSingleError(broken, broken.LineOf("expected_minutes:"), "does not fit the medium tier (8–15 minutes)");
    }

    [Fact]
    public void An_inverted_time_range_is_an_error()
    {
        var broken = Valid.WithYaml("expected_minutes: [8, 12]", "expected_minutes: [12, 8]");
        AssertSingleError(broken, broken.LineOf("expected_minutes:"), "the minimum is above the maximum");
    }

    [Fact]
    public void Identical_buggy_and_fixed_files_have_no_bug()
    {
        var broken = Valid with { Fixed = Valid.Buggy };
        var error = Assert.Single(broken.Errors());
        Assert.Equal("bank/fixture/fixed.py", error.File);
        Assert.Contains("does not differ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fix_that_changes_two_places_is_two_root_causes()
    {
        var broken = Valid with { Fixed = Valid.Fixed.Replace("attn = F.softmax(scores, dim=-1)", "attn = F.softmax(scores.float(), dim=-1)", StringComparison.Ordinal) };
        AssertError(broken.Errors(), "changes buggy.py in 2 places");
    }

    [Fact]
    public void A_hint_must_not_name_a_line()
    {
        var broken = Valid.WithYaml("  gentle: What kind of problem", "  gentle: Look near line 30. What kind of problem");
        AssertSingleError(broken, broken.LineOf("  gentle:"), "names a line ('line 30')");
    }

    [Fact]
    public void A_hint_must_not_contain_the_fixed_line()
    {
        var broken = Valid.WithYaml("  strong: What size", "  strong: Write scores = Q @ K.transpose(-2, -1) / math.sqrt(self.d_head). What size");
        AssertSingleError(broken, broken.LineOf("  strong:"), "contains the fix");
    }

    [Fact]
    public void A_hint_must_not_use_code_only_the_fix_has()
    {
        var broken = Valid.WithYaml("  direct: Which operations", "  direct: Where would a sqrt belong? Which operations");
        AssertSingleError(broken, broken.LineOf("  direct:"), "contains 'sqrt', which only the fixed code has");
    }

    [Fact]
    public void At_least_three_follow_ups_are_needed()
    {
        var cut = Valid.Yaml[..Valid.Yaml.IndexOf("  - id: fix-and-verify", StringComparison.Ordinal)];
        var broken = Valid with { Yaml = cut };
        AssertSingleError(broken, broken.LineOf("follow_ups:"), "2 follow-up(s)");
    }

    [Fact]
    public void At_least_one_follow_up_is_written_for_the_scenario()
    {
        var broken = Valid with { Yaml = Valid.Yaml.Replace("source: scenario", "source: standard", StringComparison.Ordinal) };
        AssertSingleError(broken, broken.LineOf("follow_ups:"), "no follow-up is written for this scenario");
    }

    [Fact]
    public void Follow_ups_need_strong_points()
    {
        var broken = Valid.WithYaml(
            "  - id: nan-not-large\n    question: Why does this end in NaN rather than just a very large number?\n    source: category_bank\n    strong_points:\n",
            "  - id: nan-not-large\n    question: Why does this end in NaN rather than just a very large number?\n    source: category_bank\n    strong_points: []\n    unused_points:\n");
        AssertError(broken.Errors(), "'follow_ups[5].strong_points' must list at least one concept");
    }

    [Fact]
    public void An_evidence_prerequisite_must_exist()
    {
        var broken = Valid.WithYaml("    title: Gradient norm per layer (attention and MLP sub-blocks) at steps 2143, 2144 and 2145\n    requires: [grad_norms]",
            "    title: Gradient norm per layer (attention and MLP sub-blocks) at steps 2143, 2144 and 2145\n    requires: [throughput]");
        AssertSingleError(broken, broken.LineOf("requires: [throughput]"), "requires 'throughput', which this scenario does not have");
    }

    [Fact]
    public void Evidence_prerequisites_must_not_form_a_cycle()
    {
        var broken = Valid.WithYaml("    title: Global gradient norm after unscaling, with the GradScaler loss scale\n",
            "    title: Global gradient norm after unscaling, with the GradScaler loss scale\n    requires: [attention_stats]\n");
        AssertError(broken.Errors(), "cycle: grad_norms → attention_stats → grad_norms");
    }

    [Fact]
    public void An_evidence_kind_appears_once()
    {
        var broken = Valid.WithYaml("  - kind: memory_usage", "  - kind: loss_history");
        AssertSingleError(broken, broken.LineOf("  - kind: loss_history"), "'loss_history' appears twice (also at opening_metrics)");
    }

    [Fact]
    public void A_fact_must_not_hint_at_the_bug()
    {
        var broken = Valid.WithYaml("    answer: No, gradient clipping is not enabled in this run.",
            "    answer: No, and the scores are not scaled by sqrt(d_head) either.");
        AssertSingleError(broken, broken.LineOf("the scores are not scaled"), "this fact's answer hints at the bug");
    }

    [Fact]
    public void Ids_are_kebab_case()
    {
        var broken = Valid.WithYaml("id: attention-scaling-missing", "id: Attention_Scaling");
        AssertSingleError(broken, 4, "must be kebab-case");
    }

    [Fact]
    public void Missing_code_files_are_reported_by_name()
    {
        var source = Valid.Source() with { BuggyText = null };
        var errors = BugTrail.Core.Scenarios.Bank.ScenarioBank.Load([source]).Errors;
        var error = Assert.Single(errors);
        Assert.Equal("bank/fixture/buggy.py", error.File);
        Assert.Contains("missing file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_across_banks()
    {
        var bank = BugTrail.Core.Scenarios.Bank.ScenarioBank.Load([Valid.Source("shipped/a"), Valid.Source("private/b")]);
        var error = Assert.Single(bank.Errors);
        Assert.Equal("private/b/scenario.yaml", error.File);
        Assert.Contains("duplicate scenario id 'attention-scaling-missing': already loaded from shipped/a/scenario.yaml", error.Message, StringComparison.Ordinal);
        Assert.Single(bank.Scenarios);
    }

    [Fact]
    public void A_broken_scenario_does_not_stop_the_others_from_loading()
    {
        var other = Valid.WithYaml("id: attention-scaling-missing", "id: other-scenario");
        var broken = Valid.WithYaml("title: Loss turns NaN", "title: [Loss turns NaN");
        var bank = BugTrail.Core.Scenarios.Bank.ScenarioBank.Load([broken.Source("a"), other.Source("b")]);
        Assert.Equal("other-scenario", Assert.Single(bank.Scenarios).Id);
        Assert.Equal("a/scenario.yaml", Assert.Single(bank.Errors).File);
    }
}
