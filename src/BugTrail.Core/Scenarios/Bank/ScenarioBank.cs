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

    private ScenarioBank(IReadOnlyList<Scenario> scenarios, IReadOnlyList<Diagnostic> errors)
    {
        Scenarios = scenarios;
        Errors = errors;
        byId = scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>Everything wrong with the sources, in the order they were given.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }

    public Scenario? Find(string id) => byId.GetValueOrDefault(id);

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

        var scenarios = new List<Scenario>();
        foreach (var group in loaded.GroupBy(l => l.Scenario.Id, StringComparer.Ordinal))
        {
            var first = group.First();
            scenarios.Add(first.Scenario);
            foreach (var duplicate in group.Skip(1))
                errors.Add(duplicate.Map.At("id", $"duplicate scenario id '{group.Key}': already loaded from {first.Map.YamlPath}"));
        }
        return new ScenarioBank(scenarios, errors);
    }
}
