using System.Globalization;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace BugTrail.Core.Replay;

/// <summary>A candidate's message at a time; <paramref name="Expect"/> is what a guide-following interviewer does in reply, when the script says.</summary>
public sealed record ScriptedTurn(TimeSpan At, string Say, IReadOnlyList<string>? Expect = null);

public sealed record ScriptedScenario(string ScenarioId, InterviewFormat Format);

/// <summary>A scripted candidate (DESIGN.md's replay format): what they say, and when.</summary>
public sealed record ReplayScript(
    IReadOnlyList<ScriptedScenario> Scenarios,
    Level Level,
    TimeSpan? Minutes,
    bool FortyFivePlan,
    IReadOnlyList<ScriptedTurn> Turns,
    TimeSpan? EndAt)
{
    /// <summary>Who wrote the script and what kind of candidate it plays (for tables of scripted candidates).</summary>
    public string? Author { get; init; }

    public string? Candidate { get; init; }

    /// <summary>The recommendation a senior interviewer would give this candidate, when the script says.</summary>
    public string? ExpectedRecommendation { get; init; }

    public static ReplayScript Parse(string path, string text)
    {
        var read = YamlText.Read(text);
        if (read.Error is { } malformed) throw new ReplayFormatException(new(path, read.Line, malformed));
        if (read.Root is not YamlMappingNode root)
            throw new ReplayFormatException(new(path, 1, "a replay file is a mapping with scenario, format, level and turns"));

        string? Scalar(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? (n as YamlScalarNode)?.Value : null;
        int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);
        ReplayFormatException Error(YamlNode node, string message) => new(new(path, LineOf(node), message));

        var known = new[] { "scenario", "format", "level", "minutes", "plan", "turns", "end_at", "author", "candidate", "expected_recommendation" };
        foreach (var key in root.Children.Keys)
            if (!known.Contains((key as YamlScalarNode)?.Value))
                throw Error(key, $"unknown field '{(key as YamlScalarNode)?.Value}' (expected one of: {string.Join(", ", known)})");

        T ParseEnum<T>(YamlNode node, string? value, string field) where T : struct, Enum =>
            WireNames.TryParse<T>(value ?? "", out var v) ? v : throw Error(node, $"'{field}' must be one of {string.Join(", ", WireNames.All<T>())} (got '{value}')");

        var scenarios = new List<ScriptedScenario>();
        var fortyFive = false;
        if (root.Children.TryGetValue(new YamlScalarNode("plan"), out var planNode))
        {
            if (planNode is not YamlSequenceNode plan || plan.Children.Count is < 1 or > 2)
                throw Error(planNode, "'plan' lists one or two scenarios, each with scenario and format (guide F's 45-minute plan)");
            foreach (var item in plan.Children.OfType<YamlMappingNode>())
                scenarios.Add(new(Scalar(item, "scenario") ?? throw Error(item, "a plan entry needs 'scenario'"),
                    ParseEnum<InterviewFormat>(item, Scalar(item, "format"), "format")));
            fortyFive = true;
        }
        else
        {
            var id = Scalar(root, "scenario") ?? throw Error(root, "missing required field 'scenario' (or 'plan')");
            var formatNode = root.Children.TryGetValue(new YamlScalarNode("format"), out var f) ? f : root;
            scenarios.Add(new(id, ParseEnum<InterviewFormat>(formatNode, Scalar(root, "format"), "format")));
        }
        var levelNode = root.Children.TryGetValue(new YamlScalarNode("level"), out var l) ? l : root;
        var level = ParseEnum<Level>(levelNode, Scalar(root, "level") ?? "mid", "level");
        TimeSpan? minutes = Scalar(root, "minutes") is { } mins
            ? int.TryParse(mins, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mm) && mm is > 0 and <= 180
                ? TimeSpan.FromMinutes(mm) : throw Error(root.Children[new YamlScalarNode("minutes")], "'minutes' must be a whole number from 1 to 180")
            : null;

        var turns = new List<ScriptedTurn>();
        if (root.Children.TryGetValue(new YamlScalarNode("turns"), out var turnsNode))
        {
            if (turnsNode is not YamlSequenceNode seq) throw Error(turnsNode, "'turns' must be a list of {at, say}");
            foreach (var item in seq.Children)
            {
                if (item is not YamlMappingNode turn) throw Error(item, "each turn is a mapping with 'at' and 'say'");
                var at = Clock(Scalar(turn, "at"), turn, Error);
                var say = Scalar(turn, "say");
                if (string.IsNullOrWhiteSpace(say)) throw Error(turn, "a turn needs 'say' with the candidate's words");
                if (turns.Count > 0 && at < turns[^1].At) throw Error(turn, $"turns must be in time order ({Format(at)} comes before {Format(turns[^1].At)})");
                IReadOnlyList<string>? expect = null;
                if (turn.Children.TryGetValue(new YamlScalarNode("expect"), out var expectNode))
                    expect = expectNode is YamlSequenceNode list
                        ? list.Children.Select(x => (x as YamlScalarNode)?.Value ?? throw Error(x, "'expect' lists action kinds, e.g. [release:grad_norms, follow_up]")).ToList()
                        : throw Error(expectNode, "'expect' lists action kinds, e.g. [release:grad_norms, follow_up]");
                turns.Add(new(at, say, expect));
            }
        }
        TimeSpan? endAt = root.Children.TryGetValue(new YamlScalarNode("end_at"), out var endNode) ? Clock((endNode as YamlScalarNode)?.Value, endNode, Error) : null;
        var recommendation = Scalar(root, "expected_recommendation");
        if (recommendation is not null && recommendation is not ("strong_hire" or "hire" or "weak_hire" or "no_hire"))
            throw Error(root.Children[new YamlScalarNode("expected_recommendation")], $"'expected_recommendation' must be one of strong_hire, hire, weak_hire, no_hire (got '{recommendation}')");
        return new(scenarios, level, minutes, fortyFive, turns, endAt)
        {
            Author = Scalar(root, "author"),
            Candidate = Scalar(root, "candidate"),
            ExpectedRecommendation = recommendation,
        };
    }

    public static string Format(TimeSpan t) => $"{(int)t.TotalMinutes:00}:{t.Seconds:00}";

    private static TimeSpan Clock(string? text, YamlNode node, Func<YamlNode, string, ReplayFormatException> error)
    {
        var parts = (text ?? "").Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s < 60)
            return new TimeSpan(0, m, s);
        throw error(node, $"time '{text}' must be mm:ss since the interview began, e.g. \"02:30\"");
    }
}

public sealed class ReplayFormatException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
