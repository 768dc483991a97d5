namespace BugTrail.Core.Understanding.Meaning;

/// <summary>
/// A sentence-embedding model, loaded at the edge and passed in. It must be deterministic (the same text
/// always gives the same vector) and return unit-length vectors, so that a dot product is a cosine.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>Names the model and its version: readings are only comparable under the same model.</summary>
    string ModelId { get; }

    IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences);
}
