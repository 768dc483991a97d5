using System.Text.Json.Serialization;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;

namespace BugTrail.Cli.Output;

/// <summary>DESIGN.md's replay output: the scenario and every interviewer action with its time in seconds.</summary>
public static class ReplayJson
{
    public sealed record ActionView(
        int At,
        string Kind,
        string Text,
        string ScenarioId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Evidence,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tier,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FollowUp,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? ShowsCode);

    public sealed record Result(string Scenario, IReadOnlyList<ActionView> Actions, EvaluationView Evaluation);

    public static Result Of(ReplayResult result) => new(
        result.Interview.State.Slots[0].Scenario.Id,
        result.Actions.Select(a => ViewOf(a.At, a.Action)).ToList(),
        EvaluationView.Of(Evaluator.Evaluate(result.Interview.Log, result.Interview.ScenarioOf, result.Interview.Reader)));

    public static ActionView ViewOf(TimeSpan at, InterviewerAction a) => new(
        (int)at.TotalSeconds,
        InterviewerAction.WireName(a.Kind),
        a.Text,
        a.ScenarioId,
        a.Evidence is { } e && a.Kind == ActionKind.Release ? WireNames.Of(e) : null,
        a.Tier is { } t ? WireNames.Of(t) : null,
        a.FollowUpId,
        a.ShowsCode ? true : null);
}
