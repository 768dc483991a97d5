using System.Collections.Frozen;

namespace BugTrail.Core.Scenarios;

/// <summary>
/// The one mapping between domain enums and the names used in YAML, JSON and on the command line.
/// Formats are kebab-case (as in replay files); every other vocabulary is snake_case.
/// </summary>
public static class WireNames
{
    public static string Of(EvidenceKind kind) => Snake(kind.ToString());
    public static string Of(Difficulty value) => Snake(value.ToString());
    public static string Of(Level value) => Snake(value.ToString());
    public static string Of(BugCategory value) => Snake(value.ToString());
    public static string Of(FollowUpSource value) => Snake(value.ToString());
    public static string Of(HintTier value) => Snake(value.ToString());
    public static string Of(ChartKind value) => Snake(value.ToString());
    public static string Of(Evaluation.Recommendation value) => Snake(value.ToString());
    public static string Of(InterviewFormat value) => Snake(value.ToString()).Replace('_', '-');

    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        if (Table<TEnum>.ByName.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Table<TEnum>.Names;

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => value switch
    {
        InterviewFormat f => Of(f),
        _ => Snake(value.ToString()),
    };

    private static string Snake(string pascal)
    {
        var chars = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) chars.Append('_');
            chars.Append(char.ToLowerInvariant(c));
        }
        return chars.ToString();
    }

    private static class Table<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Names = Enum.GetValues<TEnum>().Select(Name).ToArray();

        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(Name, v => v, StringComparer.Ordinal);
    }
}
