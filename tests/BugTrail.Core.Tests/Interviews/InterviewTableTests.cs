using Xunit.Abstractions;

namespace BugTrail.Core.Tests.Interviews;

/// <summary>
/// Whole interviews: Dev/ scripts may be read while changing the interviewer; HeldOut/ scripts were written by
/// authors who saw only the guide, the replay format and the scenario files, and are only measured.
/// Figures in docs/understanding.md and docs/evaluation.md.
/// </summary>
public class InterviewTableTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<InterviewResult>> HeldOut = new(() => InterviewTable.Run("HeldOut"));
    private static readonly Lazy<IReadOnlyList<InterviewResult>> Dev = new(() => InterviewTable.Run("Dev"));

    private static readonly string[] Order = ["no_hire", "weak_hire", "hire", "strong_hire"];

    private static string Wire(BugTrail.Core.Evaluation.Recommendation r) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString());

    private (double Actions, double SameRecommendation) Report(string name, IReadOnlyList<InterviewResult> results, bool details)
    {
        var turns = results.SelectMany(r => r.Turns).Where(t => t.Turn.Expect is not null).ToList();
        var rated = results.Where(r => r.Expected is not null).ToList();
        var same = rated.Count(r => r.Given == r.Expected);
        var apart = rated.Count(r => Math.Abs(Array.IndexOf(Order, Wire(r.Given)) - Array.IndexOf(Order, r.Script.ExpectedRecommendation)) >= 2);
        output.WriteLine($"{name}: {results.Count} interviews; interviewer replies right {turns.Count(t => t.Right)}/{turns.Count} = {100.0 * turns.Count(t => t.Right) / Math.Max(1, turns.Count):F1}%; " +
                         $"same recommendation {same}/{rated.Count}; two or more levels apart {apart}");
        foreach (var r in results)
        {
            output.WriteLine($"  {r.File,-44} {r.Script.Candidate?.Split('.', ',')[0],-40} expected {r.Script.ExpectedRecommendation,-11} given {Wire(r.Given),-11} replies right {r.Turns.Count(t => t.Right)}/{r.Turns.Count(t => t.Turn.Expect is not null)}");
            if (!details) continue;
            foreach (var t in r.Turns.Where(t => !t.Right && t.Turn.Expect is not null))
                output.WriteLine($"      {BugTrail.Core.Replay.ReplayScript.Format(t.Turn.At)} expected [{string.Join(", ", t.Turn.Expect!)}] got [{string.Join(", ", t.Actual)}]: {t.Turn.Say[..Math.Min(110, t.Turn.Say.Length)]}");
        }
        return ((double)turns.Count(t => t.Right) / Math.Max(1, turns.Count), (double)same / Math.Max(1, rated.Count));
    }

    [Fact]
    public void Development_interviews_are_reported_in_detail() => Report("development interviews", Dev.Value, details: true);

    [Fact]
    public void Held_out_interviews_are_measured()
    {
        var (actions, _) = Report("held-out interviews", HeldOut.Value, details: false);
        Assert.True(HeldOut.Value.Count >= 20, "the held-out table holds at least 20 scripted candidates");
        Assert.InRange(actions, 0.0, 1.0);
    }
}
