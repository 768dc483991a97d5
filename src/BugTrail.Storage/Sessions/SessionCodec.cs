using System.Text.Json;
using System.Text.Json.Nodes;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Storage.Sessions;

/// <summary>
/// The stored form of a session log: one JSON object per event, in snake_case, stable across versions.
/// Shared by session files and the database, so a log moves between them unchanged.
/// </summary>
public static class SessionCodec
{
    public const int Version = 1;

    public static JsonObject Encode(SessionEvent e) => e switch
    {
        InterviewStarted s => new JsonObject
        {
            ["type"] = "interview_started",
            ["at"] = s.At.ToString("O"),
            ["level"] = WireNames.Of(s.Plan.Level),
            ["candidate"] = s.Candidate,
            ["length_seconds"] = (int)s.Plan.Length.TotalSeconds,
            ["scenarios"] = new JsonArray(s.Plan.Scenarios.Select(p => (JsonNode)new JsonObject
            {
                ["scenario"] = p.ScenarioId,
                ["format"] = WireNames.Of(p.Format),
                ["opens_seconds"] = (int)p.Opens.TotalSeconds,
                ["solve_by_seconds"] = (int)p.SolveBy.TotalSeconds,
                ["closes_seconds"] = (int)p.Closes.TotalSeconds,
            }).ToArray()),
        },
        CandidateSaid c => new JsonObject { ["type"] = "candidate_said", ["at"] = c.At.ToString("O"), ["text"] = c.Text },
        InterviewerActed a => new JsonObject
        {
            ["type"] = "interviewer_acted",
            ["at"] = a.At.ToString("O"),
            ["kind"] = InterviewerAction.WireName(a.Action.Kind),
            ["scenario"] = a.Action.ScenarioId,
            ["text"] = a.Action.Text,
            ["evidence"] = a.Action.Evidence is { } k ? WireNames.Of(k) : null,
            ["tier"] = a.Action.Tier is { } t ? WireNames.Of(t) : null,
            ["follow_up"] = a.Action.FollowUpId,
            ["shows_code"] = a.Action.ShowsCode,
        },
        EvaluationOverridden o => new JsonObject
        {
            ["type"] = "evaluation_overridden",
            ["at"] = o.At.ToString("O"),
            ["by"] = o.By,
            ["override"] = EncodeOverride(o.Override),
        },
        InterviewerNoted n => new JsonObject { ["type"] = "interviewer_noted", ["at"] = n.At.ToString("O"), ["text"] = n.Text, ["by"] = n.By },
        IntegrityObserved i => new JsonObject { ["type"] = "integrity_observed", ["at"] = i.At.ToString("O"), ["kind"] = i.Kind, ["detail"] = i.Detail },
        _ => throw new ArgumentException($"unknown event {e.GetType().Name}", nameof(e)),
    };

    private static JsonObject EncodeOverride(Override o)
    {
        var view = OverrideView.Of(o);
        return new JsonObject { ["kind"] = view.Kind, ["target"] = view.Target, ["value"] = view.Value, ["reason"] = view.Reason };
    }

    /// <summary>Parses an override from its wire form (kind, target, value, reason), as the CLI and the web take it.</summary>
    public static Override DecodeOverride(string kind, string target, string value, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new FormatException("an override needs a reason");
        return kind switch
        {
            "checklist" => new ChecklistOverride(target, value switch
            {
                "met" => true,
                "not_met" => false,
                _ => throw new FormatException($"a checklist override is met or not_met (got '{value}')"),
            }, reason),
            "score" => new ScoreOverride(Name<RubricArea>(target),
                int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 100
                    ? score : throw new FormatException($"a score is 0-100 (got '{value}')"), reason),
            "recommendation" => new RecommendationOverride(Name<Recommendation>(value), reason),
            "red_flag" when value == "dismissed" && target.Trim().Length > 0 => new RedFlagOverride(target.Trim(), reason),
            "red_flag" => throw new FormatException($"a red-flag override names the flag and dismisses it (got '{target}' '{value}')"),
            _ => throw new FormatException($"unknown override kind '{kind}'"),
        };
    }

    private static T Name<T>(string wire) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => EvaluationView.Name(v) == wire, (T)(object)(-1)) is var v && Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) >= 0
            ? v : throw new FormatException($"unknown {typeof(T).Name} '{wire}' (one of: {string.Join(", ", Enum.GetValues<T>().Select(x => EvaluationView.Name(x)))})");

    public static SessionEvent Decode(JsonObject o)
    {
        var at = DateTimeOffset.Parse(Text(o, "at"), System.Globalization.CultureInfo.InvariantCulture);
        return Text(o, "type") switch
        {
            "interview_started" => new InterviewStarted(at, new InterviewPlan(
                Parse<Level>(Text(o, "level")),
                (o["scenarios"] as JsonArray ?? throw Bad("scenarios")).OfType<JsonObject>().Select(p => new PlannedScenario(
                    Text(p, "scenario"), Parse<InterviewFormat>(Text(p, "format")),
                    Seconds(p, "opens_seconds"), Seconds(p, "solve_by_seconds"), Seconds(p, "closes_seconds"))).ToList(),
                Seconds(o, "length_seconds")), o["candidate"]?.GetValue<string>()),
            "evaluation_overridden" => new EvaluationOverridden(at,
                o["override"] is JsonObject ov ? DecodeOverride(Text(ov, "kind"), Text(ov, "target"), Text(ov, "value"), Text(ov, "reason")) : throw Bad("override"),
                Text(o, "by")),
            "candidate_said" => new CandidateSaid(at, Text(o, "text")),
            "interviewer_acted" => new InterviewerActed(at, new InterviewerAction(Kind(Text(o, "kind")), Text(o, "text"))
            {
                ScenarioId = Text(o, "scenario"),
                Evidence = o["evidence"]?.GetValue<string>() is { } k ? Parse<EvidenceKind>(k) : null,
                Tier = o["tier"]?.GetValue<string>() is { } t ? Parse<HintTier>(t) : null,
                FollowUpId = o["follow_up"]?.GetValue<string>(),
                ShowsCode = o["shows_code"]?.GetValue<bool>() ?? false,
            }),
            "integrity_observed" => new IntegrityObserved(at, Text(o, "kind"), Text(o, "detail")),
            "interviewer_noted" => new InterviewerNoted(at, Text(o, "text"), Text(o, "by")),
            var other => throw new FormatException($"unknown event type '{other}'"),
        };
    }

    public static string Serialize(IReadOnlyList<SessionEvent> log) =>
        new JsonObject { ["version"] = Version, ["events"] = new JsonArray(log.Select(e => (JsonNode)Encode(e)).ToArray()) }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static IReadOnlyList<SessionEvent> Deserialize(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("a session file is a JSON object");
        if (root["version"]?.GetValue<int>() != Version) throw new FormatException($"unsupported session file version (expected {Version})");
        var events = (root["events"] as JsonArray ?? throw Bad("events")).OfType<JsonObject>().Select(Decode).ToList();
        if (events.Count == 0 || events[0] is not InterviewStarted) throw new FormatException("a session log starts with interview_started");
        return events;
    }

    private static ActionKind Kind(string wire) =>
        Enum.GetValues<ActionKind>().FirstOrDefault(k => InterviewerAction.WireName(k) == wire, (ActionKind)(-1)) is var k && (int)k >= 0
            ? k : throw new FormatException($"unknown action kind '{wire}'");

    private static T Parse<T>(string wire) where T : struct, Enum =>
        WireNames.TryParse<T>(wire, out var v) ? v : throw new FormatException($"unknown {typeof(T).Name} '{wire}'");

    private static string Text(JsonObject o, string key) => o[key]?.GetValue<string>() ?? throw Bad(key);

    private static TimeSpan Seconds(JsonObject o, string key) => TimeSpan.FromSeconds(o[key]?.GetValue<int>() ?? throw Bad(key));

    private static FormatException Bad(string key) => new($"missing '{key}'");
}
