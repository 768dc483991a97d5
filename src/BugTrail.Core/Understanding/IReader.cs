using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding;

/// <summary>
/// Turns a candidate's message into intents. The embedded <see cref="Meaning.MeaningReader"/> is the one the
/// front ends use; another (a hosted model, say) may be plugged in. A reader must be deterministic: a stored
/// session is read again when it is replayed or evaluated, and must be understood the same way.
/// </summary>
public interface IReader
{
    Utterance Read(string text, Scenario scenario, ReadingContext context);
}

/// <summary>
/// A reader that can also tell how closely a text makes each of a list of points, by meaning (0 = unrelated, 1 = the same
/// idea): follow-up answers are graded with it as well as with the key points' terms. Deterministic, as a reader is.
/// </summary>
public interface IPointReader
{
    /// <summary>For each sentence of <paramref name="text"/>, its closeness to each point.</summary>
    IReadOnlyList<IReadOnlyList<double>> Closeness(string text, IReadOnlyList<string> points);
}

/// <summary>The rules alone (<see cref="Reader"/>), without a model: exact, fast, and blind to unseen words.</summary>
public sealed class RuleReader : IReader
{
    public static readonly RuleReader Instance = new();

    private RuleReader() { }

    public Utterance Read(string text, Scenario scenario, ReadingContext context) => Reader.Read(text, scenario, context);
}
