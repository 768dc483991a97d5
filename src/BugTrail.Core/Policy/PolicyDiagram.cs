using System.Text;

namespace BugTrail.Core.Policy;

/// <summary>
/// Draws <see cref="PolicyTable"/> as the guide's decision tree (section H): per phase, the situations in the order the
/// interviewer weighs them, each with its response. Mermaid flowcharts, so documentation renders them.
/// </summary>
public static class PolicyDiagram
{
    public static string Mermaid(Trigger trigger)
    {
        var b = new StringBuilder();
        b.Append("flowchart TD\n");
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var rules = PolicyTable.Rules.Where(r => r.Trigger == trigger && r.In.Contains(phase)).ToList();
            if (rules.Count == 0) continue;
            var p = phase.ToString();
            b.Append($"  subgraph {p}[\"{Words(phase)}\"]\n    direction TB\n");
            for (var i = 0; i < rules.Count; i++)
            {
                var r = rules[i];
                var ask = $"{p}{i}";
                var act = $"{p}{i}a";
                var next = i + 1 < rules.Count ? $"{p}{i + 1}" : null;
                b.Append($"    {ask}{{\"{Escape(r.Situation)}\"}}\n");
                b.Append($"    {ask} -- yes --> {act}[\"{Escape(r.Response)}{(r.Then is { } then ? $"<br/>→ {Words(then)}" : "")}<br/><i>{r.Guide}</i>\"]\n");
                if (next is not null)
                {
                    b.Append($"    {ask} -- no --> {next}\n");
                    if (!r.Last) b.Append($"    {act} --> {next}\n");
                }
            }
            b.Append("  end\n");
        }
        return b.ToString();
    }

    /// <summary>The table itself, one row per rule, for readers who prefer a list.</summary>
    public static string Table()
    {
        var b = new StringBuilder("| rule | when | in | situation | response | guide |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var r in PolicyTable.Rules)
            b.Append($"| `{r.Name}` | {(r.Trigger == Trigger.Message ? "message" : "time")} | {string.Join(", ", r.In.Select(Words))} | {Cell(r.Situation)} | {Cell(r.Response)}{(r.Last ? "" : " (and go on)")} | {r.Guide} |\n");
        return b.ToString();
    }

    private static string Words(Phase phase) => phase switch
    {
        Phase.Opening => "opening",
        Phase.Hunting => "hunting for the bug",
        Phase.FollowUps => "follow-ups",
        Phase.FixAndVerify => "fix and verification",
        Phase.Probe => "last question",
        _ => "wrapped up",
    };

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
