using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BugTrail.Core.Scenarios;

namespace BugTrail.Cli.Output;

/// <summary>The one JSON convention of the CLI: snake_case names, indented, cells as numbers or strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new CellConverter() },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>Numbers stay numbers; NaN and infinities (which JSON lacks) become "NaN", "inf", "-inf"; an empty cell is null.</summary>
    private sealed class CellConverter : JsonConverter<Cell>
    {
        public override Cell Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("cells are written, not read");

        public override void Write(Utf8JsonWriter writer, Cell value, JsonSerializerOptions options)
        {
            if (value.Number is double n && double.IsFinite(n)) writer.WriteNumberValue(n);
            else if (value.Number is not null) writer.WriteStringValue(value.ToString());
            else if (string.IsNullOrEmpty(value.Text)) writer.WriteNullValue();
            else writer.WriteStringValue(value.Text);
        }
    }
}
