using BugTrail.Core.Evaluation;
using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Tests.Interviews;

/// <summary>One candidate turn of a scripted interview: what the script expected the interviewer to do, and what it did.</summary>
public sealed record TurnResult(string File, ScriptedTurn Turn, IReadOnlyList<string> Actual, bool Right);

/// <summary>A scripted interview (Dev/ or HeldOut/) replayed against the interviewer with the embedded reader.</summary>
public sealed record InterviewResult(string File, ReplayScript Script, IReadOnlyList<TurnResult> Turns, Recommendation Given, InterviewEvaluation Evaluation)
{
    public Recommendation? Expected => Script.ExpectedRecommendation is { } r && WireNames.TryParse<Recommendation>(r, out var v) ? v : null;
}

/// <summary>
/// Replays scripted interviews whose turns say what a guide-following interviewer does in reply (<c>expect</c>) and
/// whose header says the recommendation a senior interviewer would give. A reply is right when it does everything
/// expected and nothing weighty that was not (an acknowledgement, code, a hint, evidence, a question, the end).
/// </summary>
public static class InterviewTable
{
    private static readonly string Folder = RepoFiles.Path("tests", "BugTrail.Core.Tests", "Interviews");

    public static IReadOnlyList<InterviewResult> Run(string sub) =>
        Directory.Exists(Path.Combine(Folder, sub))
            ? Directory.GetFiles(Path.Combine(Folder, sub), "*.yaml").Order(StringComparer.Ordinal).Select(Replay).ToList()
            : [];

    public static InterviewResult Replay(string path)
    {
        var script = ReplayScript.Parse(path, File.ReadAllText(path));
        var bank = ShippedBank.Value;
        var first = script.Scenarios[0];
        var plan = InterviewPlan.Single(bank.Find(first.ScenarioId)!, first.Format, script.Level, script.Minutes);
        var interview = Interview.Start(plan, ReplayRunner.Origin, id => bank.Find(id)!, Readers.Meaning);
        var turns = new List<TurnResult>();
        foreach (var turn in script.Turns)
        {
            interview.Say(turn.Say, ReplayRunner.Origin + turn.At);
            var said = interview.Log.Select((e, i) => (e, i)).Last(x => x.e is CandidateSaid).i;
            var reply = interview.Log.Skip(said + 1).OfType<InterviewerActed>().Select(a => Name(a.Action)).ToList();
            turns.Add(new TurnResult(Path.GetFileName(path), turn, reply, turn.Expect is { } e && Matches(e, reply)));
        }
        interview.AdvanceTo(ReplayRunner.Origin + (script.EndAt ?? script.Turns[^1].At));
        var evaluation = Evaluator.Evaluate(interview.Log, id => bank.Find(id)!, Readers.Meaning);
        return new InterviewResult(Path.GetFileName(path), script, turns, evaluation.Recommendation, evaluation);
    }

    private static string Name(InterviewerAction a) =>
        a.Kind == ActionKind.Release && a.Evidence is { } kind ? $"release:{WireNames.Of(kind)}" : InterviewerAction.WireName(a.Kind);

    /// <summary>The replies that carry weight: giving one unasked is wrong, and so is withholding one that was due.</summary>
    private static readonly string[] Weighty = ["acknowledge", "show_code", "hint", "follow_up", "ask_fix", "ask_verify", "wrap_up", "end"];

    /// <summary>A short neutral reply that keeps the candidate going.</summary>
    private static readonly string[] Nudges = ["nudge", "redirect", "check_in", "clarify"];

    public static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        foreach (var e in expected)
        {
            var met = e == "nudge" ? actual.Any(a => Nudges.Contains(a)) : actual.Contains(e);
            if (!met) return false;
        }
        var extra = actual.Where(a => !expected.Contains(a) && (Weighty.Contains(a) || a.StartsWith("release:", StringComparison.Ordinal)));
        if (extra.Any()) return false;
        // Silence where the guide's interviewer would speak is a miss; speech where it would stay silent is tolerated unless weighty.
        return expected.Count > 0 || actual.All(a => !Weighty.Contains(a));
    }
}
