using BugTrail.Core.Scenarios.Loading;
using BugTrail.Core.Scenarios.Validation;

namespace BugTrail.Core.Scenarios.Bank;

/// <summary>
/// All loaded scenarios, from the shipped bank and any private ones. A scenario with an error is
/// reported and left out; the others load.
/// </summary>
public sealed class ScenarioBank
{
    private readonly Dictionary<string, Scenario> byId;
    private readonly Dictionary<string, string> files;

    private ScenarioBank(IReadOnlyList<(Scenario Scenario, SourceMap Map)> loaded, IReadOnlyList<Diagnostic> errors)
    {
        Scenarios = [.. loaded.Select(l => l.Scenario)];
        Errors = errors;
        byId = loaded.ToDictionary(l => l.Scenario.Id, l => l.Scenario, StringComparer.Ordinal);
        files = loaded.ToDictionary(l => l.Scenario.Id, l => l.Map.YamlPath, StringComparer.Ordinal);
    }

    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>Everything wrong with the sources, in the order they were given.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }

    public Scenario? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The scenario.yaml a loaded scenario was read from (as its source named it).</summary>
    public string? FileOf(string id) => files.GetValueOrDefault(id);

    /// <summary>The first scenario a plan (or a stored session's plan) uses that this bank does not hold, if any.</summary>
    public string? Missing(Sessions.InterviewPlan plan) => plan.Scenarios.Select(s => s.ScenarioId).FirstOrDefault(id => Find(id) is null);

    public static ScenarioBank Load(IEnumerable<ScenarioSource> sources)
    {
        var loaded = new List<(Scenario Scenario, SourceMap Map)>();
        var errors = new List<Diagnostic>();
        foreach (var source in sources)
        {
            var parsed = ScenarioParser.Parse(source);
            errors.AddRange(parsed.Errors);
            if (parsed.Scenario is null) continue;
            var broken = ScenarioRules.Check(parsed.Scenario, parsed.Map);
            errors.AddRange(broken);
            if (broken.Count == 0) loaded.Add((parsed.Scenario, parsed.Map));
        }

        var kept = new List<(Scenario Scenario, SourceMap Map)>();
        foreach (var group in loaded.GroupBy(l => l.Scenario.Id, StringComparer.Ordinal))
        {
            var first = group.First();
            kept.Add(first);
            foreach (var duplicate in group.Skip(1))
                errors.Add(duplicate.Map.At("id", $"duplicate scenario id '{group.Key}': already loaded from {first.Map.YamlPath}"));
        }
        return new ScenarioBank(kept, errors);
    }
}
