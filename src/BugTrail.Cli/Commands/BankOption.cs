using System.ComponentModel;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Storage.Banks;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

/// <summary>The global <c>--bank DIR</c> option: every command that loads scenarios takes it.</summary>
public class BankSettings : CommandSettings
{
    [CommandOption("--bank <DIR>")]
    [Description("Add a scenario bank folder (repeatable). The shipped bank is always loaded.")]
    public string[] Banks { get; init; } = [];

    public IEnumerable<string> AllBanks() => [BankFolders.ShippedBankPath(), .. Banks];

    public ScenarioBank LoadBank() => BankFolders.Load(AllBanks());
}

public static class BankOption
{
    /// <summary>
    /// <c>--bank</c> is global: <c>bugtrail --bank X scenarios list</c> works as well as
    /// <c>bugtrail scenarios list --bank X</c>. The parser wants options after the command, so move them there.
    /// </summary>
    public static string[] MoveToEnd(string[] args)
    {
        var rest = new List<string>();
        var banks = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--bank" && i + 1 < args.Length) { banks.Add(args[i]); banks.Add(args[++i]); }
            else if (args[i].StartsWith("--bank=", StringComparison.Ordinal)) banks.Add(args[i]);
            else rest.Add(args[i]);
        }
        return [.. rest, .. banks];
    }
}
