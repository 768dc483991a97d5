using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BugTrail.Core.Scenarios.Loading;

/// <summary>A YAML file's root node, or the line and reason it cannot be read.</summary>
public sealed record YamlRead(YamlNode? Root, int Line, string? Error);

/// <summary>
/// Reads YAML written by people (scenario and replay files) the one way: every failure of the YAML library becomes a line
/// and a plain reason, and nesting is bounded before nodes are built (building recurses once per level, so a file of
/// 60,000 '[' would overflow the stack and take the whole process down; the bound is checked on the flat event stream).
/// </summary>
public static class YamlText
{
    /// <summary>Far deeper than any scenario or replay file needs (they nest four or five levels).</summary>
    public const int MaxDepth = 64;

    public static string TooDeep => $"the YAML nests more than {MaxDepth} levels deep; a scenario or replay file needs a handful";

    public static YamlRead Read(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            if (TooDeepAt(new Parser(scanner)) is { } deep) return new(null, deep, TooDeep);
            var stream = new YamlStream();
            stream.Load(new Parser(new Scanner(new StringReader(text))));
            return new(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, 1, null);
        }
        catch (YamlException e)
        {
            return new(null, (int)Math.Max(1, e.Start.Line), $"malformed YAML: {Plain(e)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some unterminated or misplaced constructs; the scanner's position is still right.
            return new(null, (int)Math.Max(1, scanner.CurrentPosition.Line), "malformed YAML: an unterminated or misplaced value (a missing ']', '}' or quote?)");
        }
    }

    private static int? TooDeepAt(IParser parser)
    {
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (++depth > MaxDepth) return (int)Math.Max(1, parser.Current.Start.Line);
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
        return null;
    }

    private static string Plain(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        return paren >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(paren + 3)..] : message;
    }
}
