using BugTrail.Core.Understanding.Meaning;
using BugTrail.Meaning;

namespace BugTrail.Core.Tests.Understanding;

/// <summary>
/// The vectors shipped for the reader's general texts must be this model's vectors of exactly those texts: a stale file
/// would not change readings (missing texts are embedded live) but would bring back a slow start, and a wrong one would
/// change readings. BUGTRAIL_REFRESH_VECTORS=1 rewrites the file from the current tables.
/// </summary>
public class ShippedVectorTests
{
    private static readonly string File = RepoFiles.Path("src", "BugTrail.Meaning", "Vectors", "general.vec");

    [Fact]
    public void The_shipped_vectors_cover_every_general_text()
    {
        if (Environment.GetEnvironmentVariable("BUGTRAIL_REFRESH_VECTORS") == "1") Refresh();
        var missing = MeaningReader.GeneralTexts().Where(t => !ShippedVectors.General.Value.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} general texts have no shipped vector (first: \"{missing.FirstOrDefault()}\"); run BUGTRAIL_REFRESH_VECTORS=1 dotnet test --filter ShippedVectorTests");
    }

    [Fact]
    public void The_shipped_vectors_are_the_models_vectors()
    {
        var texts = MeaningReader.GeneralTexts().Where(ShippedVectors.General.Value.ContainsKey).Where((_, i) => i % 97 == 0).ToList();
        Assert.NotEmpty(texts);
        using var live = new MiniLmEncoder { UseShippedVectors = false, Capacity = 0 };
        var fresh = live.Encode(texts);
        for (var i = 0; i < texts.Count; i++)
            Assert.True(Vectors.Dot(fresh[i], ShippedVectors.General.Value[texts[i]]) > 0.9999, $"shipped vector differs from the model's for \"{texts[i]}\"");
    }

    private static void Refresh()
    {
        using var live = new MiniLmEncoder { UseShippedVectors = false, Capacity = 0 };
        var texts = MeaningReader.GeneralTexts();
        var vectors = texts.Chunk(32).SelectMany(live.Encode).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        using var stream = System.IO.File.Create(File);
        ShippedVectors.Write(stream, [.. texts.Select((t, i) => (t, vectors[i]))]);
    }
}
