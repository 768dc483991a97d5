using System.Text;

namespace BugTrail.Meaning;

/// <summary>
/// The vectors of the reader's general texts (Core's model texts and labelled examples), computed once with this model
/// and shipped inside the assembly (Vectors/general.vec), so a process reads its first message in about a second
/// instead of embedding some two thousand texts first. A text missing from the file (its table was edited and the file
/// not refreshed) is simply embedded live. Refresh: <c>BUGTRAIL_REFRESH_VECTORS=1 dotnet test --filter ShippedVectorTests</c>.
/// Format: "BTV1", dimension and count (int32), then per text its UTF-8 length (int32), bytes and floats.
/// </summary>
public static class ShippedVectors
{
    private const string Magic = "BTV1";

    public static readonly Lazy<IReadOnlyDictionary<string, float[]>> General = new(() =>
    {
        using var stream = typeof(ShippedVectors).Assembly.GetManifestResourceStream("BugTrail.Meaning.Vectors.general.vec");
        return stream is null ? new Dictionary<string, float[]>() : Read(stream);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Dictionary<string, float[]> Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic) throw new InvalidDataException("general.vec: not a vector file (expected BTV1)");
        var dimension = reader.ReadInt32();
        var count = reader.ReadInt32();
        var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var text = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
            var v = new float[dimension];
            for (var d = 0; d < dimension; d++) v[d] = reader.ReadSingle();
            vectors[text] = v;
        }
        return vectors;
    }

    public static void Write(Stream stream, IReadOnlyList<(string Text, float[] Vector)> vectors)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(vectors.Count == 0 ? 0 : vectors[0].Vector.Length);
        writer.Write(vectors.Count);
        foreach (var (text, vector) in vectors)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            writer.Write(bytes.Length);
            writer.Write(bytes);
            foreach (var x in vector) writer.Write(x);
        }
    }
}
