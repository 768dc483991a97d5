using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Understanding;
using BugTrail.Meaning;
using BugTrail.Storage.Banks;

namespace BugTrail.Web.Services;

/// <summary>The loaded scenario banks (the shipped one plus any configured private ones) and the reader that understands candidates.</summary>
public sealed class ScenarioCatalog
{
    public ScenarioCatalog(IConfiguration config, ILogger<ScenarioCatalog> log)
    {
        var banks = new[] { BankFolders.ShippedBankPath() }.Concat(config.GetSection("BugTrail:Banks").Get<string[]>() ?? []).ToList();
        Bank = BankFolders.Load(banks);
        foreach (var error in Bank.Errors) log.LogWarning("scenario skipped: {Error}", error.ToString());
    }

    public ScenarioBank Bank { get; }

    /// <summary>The embedded meaning reader (rules and the MiniLM model); loaded in the background at start.</summary>
    public IReader Reader => EmbeddedReader.Shared;

    public Scenario Get(string id) => Bank.Find(id) ?? throw new KeyNotFoundException($"no scenario '{id}'");

    /// <summary>The version of a scenario, recorded with each interview so a report can name it.</summary>
    public string HashOf(string id) => Bank.Find(id)?.ContentHash ?? "";
}
