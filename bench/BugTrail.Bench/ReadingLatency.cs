using System.Diagnostics;
using System.Globalization;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Understanding;
using BugTrail.Core.Understanding.Meaning;
using BugTrail.Meaning;
using BugTrail.Storage.Banks;

namespace BugTrail.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/BugTrail.Bench -- latency [FILE.tsv]</c>: the embedded reader's cost as a
/// candidate feels it. Loads the model (timed), then reads every message of a labelled table once, cold (no
/// remembered vectors), and prints p50/p95/p99 per message and the process's memory. By default the table is held-out
/// table B: none of its messages is among the reader's examples, so none has a precomputed vector (timing only).
/// </summary>
public static class ReadingLatency
{
    public static int Run(string[] args)
    {
        var root = FindRoot();
        var table = args.Length > 1 ? args[1] : Path.Combine(root, "tests", "BugTrail.Core.Tests", "Understanding", "HeldOut", "heldout-b.tsv");
        var bank = BankFolders.Load([BankFolders.ShippedBankPath()]);
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        var encoder = new MiniLmEncoder { Capacity = 0 };
        encoder.Warm();
        var load = clock.Elapsed;
        var reader = new MeaningReader(encoder);
        var rows = File.ReadAllLines(table).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Where(f => f.Length == 4).ToList();
        // The first message of each scenario also embeds the scenario's own texts: timed apart, as a room's first message.
        var first = new List<double>();
        foreach (var id in rows.Select(r => r[0]).Distinct())
        {
            clock.Restart();
            reader.Read("warm", bank.Find(id)!, new ReadingContext(false));
            first.Add(clock.Elapsed.TotalMilliseconds);
        }
        var times = new List<double>();
        foreach (var r in rows)
        {
            clock.Restart();
            reader.Read(r[3], bank.Find(r[0])!, new ReadingContext(r[1] == "code"));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"model load: {load.TotalMilliseconds:F0} ms; first message of a scenario (embeds its texts): median {first.Order().ElementAt(first.Count / 2):F0} ms"));
        Console.WriteLine(string.Create(inv, $"{times.Count} messages from {Path.GetFileName(table)}: p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {times[^1]:F1} ms"));
        Console.WriteLine(string.Create(inv, $"working set: {before / 1e6:F0} MB before the model, {Environment.WorkingSet / 1e6:F0} MB after; managed heap {GC.GetTotalMemory(false) / 1e6:F0} MB"));
        return 0;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BugTrail.slnx"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the BugTrail checkout");
    }
}
