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
        var sources = practice.Select(path => (Practice: true, Sources: BankFolders.Read(path)))
            .Concat(interviewOnly.Select(path => (Practice: false, Sources: BankFolders.Read(path)))).ToList();
        Bank = ScenarioBank.Load(sources.SelectMany(b => b.Sources));
        // A scenario id in both kinds of bank is the first one loaded (a practice bank's), so it may be practised.
        var practised = BugTrail.Core.Scenarios.Bank.ScenarioBank.Load(sources.Where(b => b.Practice).SelectMany(b => b.Sources));
        practiceIds = practised.Scenarios.Select(s => s.Id).Where(id => Bank.Find(id) is not null).ToHashSet(StringComparer.Ordinal);
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
