using BenchmarkDotNet.Attributes;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Understanding;
using BugTrail.Core.Understanding.Meaning;
using BugTrail.Meaning;
using BugTrail.Storage.Banks;

namespace BugTrail.Bench;

/// <summary>
/// The interviewer's cost per candidate turn: a full 45-minute interview replayed on the virtual clock
/// (understanding, policy, the time-driven actions between turns, and the fold), divided by its turns.
/// The meaning reader runs with its memory of texts off (capacity 0), so every sentence is encoded anew.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class InterviewBenchmarks
{
    private ScenarioBank bank = null!;
    private ReplayScript script = null!;
    private Scenario attention = null!;
    private MeaningReader reader = null!;

    public const int Turns = 23;

    [GlobalSetup]
    public void Setup()
    {
        bank = BankFolders.Load([BankFolders.ShippedBankPath()]);
        var file = Path.Combine(AppContext.BaseDirectory, "forty-five-minutes.yaml");
        script = ReplayScript.Parse(file, File.ReadAllText(file));
        if (script.Turns.Count != Turns) throw new InvalidOperationException($"the script has {script.Turns.Count} turns, not {Turns}");
        attention = bank.Find("attention-scaling-missing")!;
        reader = new MeaningReader(new MiniLmEncoder { Capacity = 0 });
        reader.Read("warm the model and the scenario's anchors", attention, new ReadingContext(false));
    }

    [Benchmark(OperationsPerInvoke = Turns, Description = "45-minute interview, per candidate turn")]
    public int FullInterviewPerTurn() => ReplayRunner.Run(script, bank, reader).Actions.Count;

    [Benchmark(Description = "understanding one message (rules and model)")]
    public int UnderstandOneMessage() =>
        reader.Read("Okay, so gradient explosion is confirmed. Can I see the layer-wise gradient breakdown for step 2144?", attention, new ReadingContext(false)).Intents.Count;

    [Benchmark(Description = "understanding one message (rules alone)")]
    public int UnderstandOneMessageByRules() =>
        Reader.Read("Okay, so gradient explosion is confirmed. Can I see the layer-wise gradient breakdown for step 2144?", attention, new ReadingContext(false)).Intents.Count;
}
