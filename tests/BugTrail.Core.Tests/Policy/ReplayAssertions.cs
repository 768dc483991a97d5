using BugTrail.Core.Policy;
using BugTrail.Core.Replay;

namespace BugTrail.Core.Tests.Policy;

internal static class ReplayAssertions
{
    public static IReadOnlyList<TimedAction> Of(this ReplayResult r, ActionKind kind) => r.Actions.Where(a => a.Action.Kind == kind).ToList();

    public static TimedAction First(this ReplayResult r, ActionKind kind) =>
        r.Actions.FirstOrDefault(a => a.Action.Kind == kind) ?? throw new Xunit.Sdk.XunitException($"no {kind} action in:\n{Dump(r)}");

    public static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    public static string Dump(ReplayResult r) =>
        string.Join('\n', r.Actions.Select(a => $"{ReplayScript.Format(a.At)} {a.Action.Kind} {a.Action.Evidence} {a.Action.Tier} {a.Action.FollowUpId} {a.Action.Text[..Math.Min(60, a.Action.Text.Length)]}"));

    /// <summary>The kinds in order, collapsing consecutive repeats ("follow_up, follow_up" → "follow_up").</summary>
    public static IReadOnlyList<ActionKind> Sequence(this ReplayResult r) =>
        r.Actions.Select(a => a.Action.Kind).Aggregate(new List<ActionKind>(), (list, k) => { if (list.Count == 0 || list[^1] != k) list.Add(k); return list; });
}
