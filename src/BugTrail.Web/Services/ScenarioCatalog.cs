using System.Security.Cryptography;
using System.Text;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Storage.Banks;

namespace BugTrail.Web.Services;

/// <summary>The loaded scenario banks (the shipped one plus any configured private ones), with each scenario's content hash.</summary>
public sealed class ScenarioCatalog
{
    private readonly Dictionary<string, string> hashes = new(StringComparer.Ordinal);

    public ScenarioCatalog(IConfiguration config, ILogger<ScenarioCatalog> log)
    {
        var banks = new[] { BankFolders.ShippedBankPath() }.Concat(config.GetSection("BugTrail:Banks").Get<string[]>() ?? []).ToList();
        var sources = banks.SelectMany(BankFolders.Read).ToList();
        Bank = ScenarioBank.Load(sources);
        foreach (var error in Bank.Errors) log.LogWarning("scenario skipped: {Error}", error.ToString());
        foreach (var source in sources)
        {
            var text = $"{source.YamlText}\n\0{source.BuggyText}\n\0{source.FixedText}";
            var id = Bank.Scenarios.FirstOrDefault(s => source.YamlText?.Contains($"id: {s.Id}", StringComparison.Ordinal) == true)?.Id;
            if (id is not null) hashes.TryAdd(id, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]);
        }
    }

    public ScenarioBank Bank { get; }

    public Scenario Get(string id) => Bank.Find(id) ?? throw new KeyNotFoundException($"no scenario '{id}'");

    public string HashOf(string id) => hashes.GetValueOrDefault(id, "");
}
