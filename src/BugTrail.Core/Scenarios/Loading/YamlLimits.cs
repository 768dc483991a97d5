using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BugTrail.Core.Scenarios.Loading;

/// <summary>
/// Bounds on a YAML document before it is built into nodes: building recurses once per level of nesting, so a file of
/// 60,000 '[' would overflow the stack and take the whole process down. The events are read flat, without recursion.
/// </summary>
public static class YamlLimits
{
    /// <summary>Far deeper than any scenario or replay file needs (they nest four or five levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>The line where <paramref name="text"/> nests deeper than <see cref="MaxDepth"/>, or null when it does not.</summary>
    /// <exception cref="YamlException">The text is not YAML; the caller reports it as it reports any malformed file.</exception>
    public static int? TooDeepAt(string text) => TooDeepAt(new Parser(new StringReader(text)));

    /// <inheritdoc cref="TooDeepAt(string)"/>
    public static int? TooDeepAt(IParser parser)
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

    public static string TooDeepMessage => $"the YAML nests more than {MaxDepth} levels deep; a scenario or replay file needs a handful";
}
