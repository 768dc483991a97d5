using BugTrail.Core.Understanding.Meaning;

namespace BugTrail.Meaning;

/// <summary>
/// The process's one reader: the embedded MiniLM model and the meaning reader over it. The model loads on
/// first use (about a second); the web app reads a first message at start so no candidate waits for it.
/// </summary>
public static class EmbeddedReader
{
    private static readonly MiniLmEncoder Encoder = new();
    private static readonly Lazy<MeaningReader> Reader = new(() => new MeaningReader(Encoder), LazyThreadSafetyMode.ExecutionAndPublication);

    public static MeaningReader Shared => Reader.Value;
}
