using BugTrail.Core.Understanding.Meaning;

namespace BugTrail.Meaning;

/// <summary>
/// The process's one reader: the embedded MiniLM model and the meaning reader over it. The model loads on
/// first use (about a second); a server calls <see cref="Warm"/> at start so no candidate waits for it.
/// </summary>
public static class EmbeddedReader
{
    private static readonly MiniLmEncoder Encoder = new();
    private static readonly Lazy<MeaningReader> Reader = new(() => new MeaningReader(Encoder), LazyThreadSafetyMode.ExecutionAndPublication);

    public static MeaningReader Shared => Reader.Value;

    public static void Warm()
    {
        Encoder.Warm();
        _ = Encoder.Encode(["warm"]);
    }
}
