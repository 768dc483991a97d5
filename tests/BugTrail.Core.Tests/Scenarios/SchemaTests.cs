using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace BugTrail.Core.Tests.Scenarios;

/// <summary>The JSON Schema shipped for editors must agree with what the loader accepts.</summary>
public class SchemaTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(RepoFiles.Path("docs", "scenario.schema.json"))).RootElement;

    public static TheoryData<string> TopLevelRequired() =>
        new(Schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!));

    [Theory]
    [MemberData(nameof(TopLevelRequired))]
    public void Every_field_the_schema_requires_is_required_by_the_loader(string field)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(ScenarioFixture.Valid.Yaml));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        root.Children.Remove(new YamlScalarNode(field));
        var text = new YamlStream(new YamlDocument(root));
        var writer = new StringWriter();
        text.Save(writer, assignAnchors: false);
        var errors = (ScenarioFixture.Valid with { Yaml = writer.ToString() }).Errors();
        Assert.Contains(errors, e => e.Message.Contains($"missing required field '{field}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_field_of_the_shipped_bank_is_declared_in_the_schema()
    {
        foreach (var file in Directory.EnumerateFiles(RepoFiles.Path("scenarios"), "scenario.yaml", SearchOption.AllDirectories))
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            Walk(yaml.Documents[0].RootNode, Schema, file);
        }
    }

    [Fact]
    public void The_schema_lists_the_evidence_vocabulary_of_the_design()
    {
        var kinds = Schema.GetProperty("$defs").GetProperty("evidence").GetProperty("properties").GetProperty("kind").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        var expected = Enum.GetValues<BugTrail.Core.Scenarios.EvidenceKind>()
            .Where(k => k != BugTrail.Core.Scenarios.EvidenceKind.Code).Select(BugTrail.Core.Scenarios.WireNames.Of);
        Assert.Equal(expected, kinds);
    }

    private static void Walk(YamlNode node, JsonElement schema, string file)
    {
        schema = Resolve(schema);
        switch (node)
        {
            case YamlMappingNode map when schema.TryGetProperty("properties", out var props):
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    Assert.True(props.TryGetProperty(name, out var child), $"{file}:{key.Start.Line}: '{name}' is not in the schema");
                    Walk(value, child, file);
                }
                break;
            case YamlSequenceNode seq when schema.TryGetProperty("items", out var items):
                foreach (var child in seq.Children) Walk(child, items, file);
                break;
        }
    }

    private static JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Schema.GetProperty("$defs").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
