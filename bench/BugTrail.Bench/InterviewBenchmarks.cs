using BenchmarkDotNet.Attributes;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Understanding;
using BugTrail.Storage.Banks;

namespace BugTrail.Bench;

/// <summary>
/// The interviewer's cost per candidate turn: a full 45-minute interview replayed on the virtual clock
/// (understanding, policy, the time-driven actions between turns, and the fold), divided by its turns.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class InterviewBenchmarks
{
    private ScenarioBank bank = null!;
    private ReplayScript script = null!;
    private Scenario attention = null!;

    public const int Turns = 23;

    [GlobalSetup]
    public void Setup()
    {
        bank = BankFolders.Load([BankFolders.ShippedBankPath()]);
        var file = Path.Combine(AppContext.BaseDirectory, "forty-five-minutes.yaml");
        script = ReplayScript.Parse(file, File.ReadAllText(file));
        if (script.Turns.Count != Turns) throw new InvalidOperationException($"the script has {script.Turns.Count} turns, not {Turns}");
        attention = bank.Find("attention-scaling-missing")!;
    }

    [Benchmark(OperationsPerInvoke = Turns, Description = "45-minute interview, per candidate turn")]
    public int FullInterviewPerTurn() => ReplayRunner.Run(script, bank).Actions.Count;

    [Benchmark(Description = "understanding one message")]
    public int UnderstandOneMessage() =>
        Reader.Read("Okay, so gradient explosion is confirmed. Can I see the layer-wise gradient breakdown for step 2144?", attention, new ReadingContext(false)).Intents.Count;
}
