using System.ComponentModel;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Meaning;
using BugTrail.Storage.Banks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : BankSettings
    {
        [CommandArgument(0, "[PATH]")]
        [Description("Banks, scenario folders or scenario.yaml files to check. Default: every loaded bank.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--no-meaning")]
        [Description("Skip the check (with the embedded reading model) for facts and evidence too close in meaning to tell apart.")]
        public bool NoMeaning { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Ids must be unique across everything loaded, so the named paths are checked together with the banks.
        var targets = settings.Paths.Select(p => (Path: p, Sources: BankFolders.Read(p))).ToList();
        var targetFiles = targets.SelectMany(t => t.Sources).Select(s => Path.GetFullPath(s.YamlPath)).ToHashSet();
        var others = settings.AllBanks().SelectMany(BankFolders.Read).Where(s => !targetFiles.Contains(Path.GetFullPath(s.YamlPath)));
        var checkedSources = targets.Count == 0 ? settings.AllBanks().SelectMany(BankFolders.Read).ToList() : targets.SelectMany(t => t.Sources).ToList();
        // Banks not being checked load first, so a duplicate id is reported on the file being checked.
        var bank = ScenarioBank.Load((targets.Count == 0 ? [] : others).Concat(checkedSources));
        var checkedFiles = checkedSources.Select(s => Path.GetDirectoryName(Path.GetFullPath(s.YamlPath))).ToHashSet();
        var errors = bank.Errors.Where(e => checkedFiles.Contains(Path.GetDirectoryName(Path.GetFullPath(e.File)))).ToList();

        Diagnostics.Report(errors, skipped: false);
        var broken = errors.Select(e => Path.GetDirectoryName(Path.GetFullPath(e.File))).Distinct().Count();
        if (checkedSources.Count == 0)
        {
            Console.Error.WriteLine("error: no scenario folders found (a scenario folder holds scenario.yaml, buggy.py and fixed.py)");
            return BugTrailApp.Failed;
        }
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{errors.Count} error(s) in {broken} of {checkedSources.Count} scenario(s).");
            return BugTrailApp.Failed;
        }
        if (!settings.NoMeaning)
            foreach (var scenario in ScenarioBank.Load(checkedSources).Scenarios)
                foreach (var (first, second, similarity) in EmbeddedReader.Shared.Confusions(scenario))
                    Console.Error.WriteLine($"{scenario.Id}: warning: {first} and {second} mean nearly the same ({similarity:0.00}); a candidate's question could land on either, so reword one");
        console.MarkupLineInterpolated($"[green]{checkedSources.Count} scenario(s) valid.[/]");
        return BugTrailApp.Ok;
    }
}
