using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Understanding;
using BugTrail.Meaning;
using BugTrail.Storage.Banks;

namespace BugTrail.Web.Services;

/// <summary>
/// The loaded scenario banks and the reader that understands candidates. The shipped bank and the banks listed under
/// <c>BugTrail:PracticeBanks</c> may be practised by anyone; the banks under <c>BugTrail:Banks</c> are private, for
/// interviews only (a candidate must not rehearse the very scenario they will be interviewed on).
/// </summary>
public sealed class ScenarioCatalog
{
    public ScenarioCatalog(IConfiguration config, ILogger<ScenarioCatalog> log)
    {
        var practice = new[] { BankFolders.ShippedBankPath() }.Concat(config.GetSection("BugTrail:PracticeBanks").Get<string[]>() ?? []).ToList();
        var interviewOnly = config.GetSection("BugTrail:Banks").Get<string[]>() ?? [];
        var practiceSources = practice.SelectMany(BankFolders.Read).ToList();
        Bank = ScenarioBank.Load(practiceSources.Concat(interviewOnly.SelectMany(BankFolders.Read)));
        // A scenario id in both kinds of bank is the first one loaded (a practice bank's), so it may be practised.
        var practiceFiles = practiceSources.Select(s => s.YamlPath).ToHashSet(StringComparer.Ordinal);
        practiceIds = Bank.Scenarios.Select(s => s.Id).Where(id => Bank.FileOf(id) is { } file && practiceFiles.Contains(file)).ToHashSet(StringComparer.Ordinal);
        foreach (var error in Bank.Errors) log.LogWarning("scenario skipped: {Error}", error.ToString());
    }

    private readonly HashSet<string> practiceIds;

    public ScenarioBank Bank { get; }

    /// <summary>Whether anyone may practise this scenario (it comes from the shipped bank or a practice bank).</summary>
    public bool IsForPractice(string id) => practiceIds.Contains(id);

    /// <summary>The embedded meaning reader (rules and the MiniLM model); loaded in the background at start.</summary>
    public IReader Reader => EmbeddedReader.Shared;

    public Scenario Get(string id) => Bank.Find(id) ?? throw new KeyNotFoundException($"no scenario '{id}'");

    /// <summary>The version of a scenario, recorded with each interview so a report can name it.</summary>
    public string HashOf(string id) => Bank.Find(id)?.ContentHash ?? "";
}
