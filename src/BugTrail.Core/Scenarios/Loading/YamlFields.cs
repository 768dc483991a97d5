using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BugTrail.Core.Scenarios.Loading;

/// <summary>
/// Typed reads from a YAML mapping that record each field's line and report, rather than throw,
/// anything missing, mistyped or unknown.
/// </summary>
internal sealed class YamlFields(SourceMap map, List<Diagnostic> errors)
{
    public SourceMap Map => map;

    public void Error(YamlNode node, string message) => errors.Add(new(map.YamlPath, Line(node), message));

    public void Error(string path, string message) => errors.Add(map.At(path, message));

    public static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public YamlMappingNode? Mapping(YamlNode? node, string path)
    {
        if (node is null) return null;
        map.Record(path, Line(node));
        if (node is YamlMappingNode mapping) return mapping;
        Error(node, $"{Display(path)} must be a mapping of fields");
        return null;
    }

    /// <summary>Reports keys not in <paramref name="known"/>; records the line of every key.</summary>
    public void Known(YamlMappingNode mapping, string path, params string[] known)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            map.Record(Join(path, name), Line(key));
            if (!known.Contains(name))
                Error(key, $"unknown field '{Join(path, name)}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public YamlNode? Child(YamlMappingNode? mapping, string path, string key, bool required = true)
    {
        if (mapping is null) return null;
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            map.Record(Join(path, key), Line(node));
            return node;
        }
        if (required) errors.Add(new(map.YamlPath, Line(mapping), $"missing required field '{Join(path, key)}'"));
        return null;
    }

    public string Text(YamlMappingNode? mapping, string path, string key, bool required = true)
    {
        var node = Child(mapping, path, key, required);
        return node is null ? "" : Text(node, Join(path, key));
    }

    public string Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node))
        {
            if (string.IsNullOrWhiteSpace(value)) Error(node, $"{Display(path)} must not be empty");
            return value.Trim();
        }
        Error(node, $"{Display(path)} must be text");
        return "";
    }

    public bool Flag(YamlMappingNode? mapping, string path, string key)
    {
        var node = Child(mapping, path, key, required: false);
        if (node is null) return false;
        if (node is YamlScalarNode { Value: "true" or "false" } s) return s.Value == "true";
        Error(node, $"{Display(Join(path, key))} must be true or false");
        return false;
    }

    public TEnum Enum<TEnum>(YamlNode? node, string path, TEnum fallback) where TEnum : struct, Enum
    {
        if (node is null) return fallback;
        var text = node is YamlScalarNode s ? s.Value ?? "" : "";
        if (WireNames.TryParse<TEnum>(text, out var value)) return value;
        Error(node, $"{Display(path)} must be one of {string.Join(", ", WireNames.All<TEnum>())} (got '{text}')");
        return fallback;
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string path)
    {
        if (node is null) return [];
        if (node is YamlSequenceNode seq)
        {
            for (var i = 0; i < seq.Children.Count; i++) map.Record($"{path}[{i}]", Line(seq.Children[i]));
            return seq.Children.ToList();
        }
        Error(node, $"{Display(path)} must be a list");
        return [];
    }

    public IReadOnlyList<string> TextList(YamlMappingNode? mapping, string path, string key, bool required = true)
    {
        var node = Child(mapping, path, key, required);
        var full = Join(path, key);
        var items = Sequence(node, full);
        if (node is not null && items.Count == 0 && node is YamlSequenceNode) Error(node, $"{Display(full)} must not be empty");
        return items.Select((item, i) => Text(item, $"{full}[{i}]")).ToList();
    }

    public IReadOnlyList<TEnum> EnumList<TEnum>(YamlMappingNode? mapping, string path, string key, bool required = true)
        where TEnum : struct, Enum
    {
        var node = Child(mapping, path, key, required);
        var full = Join(path, key);
        var items = Sequence(node, full);
        if (required && node is YamlSequenceNode && items.Count == 0) Error(node, $"{Display(full)} must not be empty");
        var values = new List<TEnum>();
        for (var i = 0; i < items.Count; i++)
        {
            var before = errors.Count;
            var value = Enum(items[i], $"{full}[{i}]", default(TEnum));
            if (errors.Count > before) continue;
            if (values.Contains(value)) Error(items[i], $"{Display(full)} lists '{((YamlScalarNode)items[i]).Value}' twice");
            else values.Add(value);
        }
        return values;
    }

    public int? Integer(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return n;
        Error(node, $"{Display(path)} must be a whole number");
        return null;
    }

    public Cell Cell(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{Display(path)} must be a single value (number, text, .nan, .inf or ~)");
            return Scenarios.Cell.Of("");
        }
        if (IsNull(scalar)) return Scenarios.Cell.Of("");
        var value = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain && TryNumber(value, out var number))
            return Scenarios.Cell.Of(number);
        return Scenarios.Cell.Of(value);
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Display(string path) => path.Length == 0 ? "the document" : $"'{path}'";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static bool TryNumber(string text, out double number)
    {
        switch (text)
        {
            case ".nan" or ".NaN" or ".NAN": number = double.NaN; return true;
            case ".inf" or ".Inf" or ".INF" or "+.inf": number = double.PositiveInfinity; return true;
            case "-.inf" or "-.Inf" or "-.INF": number = double.NegativeInfinity; return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
