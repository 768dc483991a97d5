namespace BugTrail.Core.Understanding;

/// <summary>
/// Text matching for free text: lower-cased, typographic quotes and dashes folded, and terms
/// matched as word prefixes ("saturat" matches "saturation", "lr" does not match "already").
/// </summary>
public static class Phrase
{
    public static string Normalise(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = text[i] switch
            {
                '’' or '‘' or '`' => '\'',
                '“' or '”' => '"',
                '–' or '—' or '−' => '-',
                '\t' or '\r' or '\n' => ' ',
                var c => char.ToLowerInvariant(c),
            };
        }
        return new string(chars);
    }

    /// <summary>Whether <paramref name="normalised"/> holds <paramref name="term"/> starting at a word boundary.</summary>
    public static bool Has(string normalised, string term)
    {
        if (term.Length == 0) return false;
        var t = term.ToLowerInvariant();
        for (var at = normalised.IndexOf(t, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(t, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !IsWordChar(normalised[at - 1]) || !IsWordChar(t[0])) return true;
        }
        return false;
    }

    /// <summary>Like <see cref="Has"/>, but the term must also end at a word boundary.</summary>
    public static bool HasWord(string normalised, string word)
    {
        var t = word.ToLowerInvariant();
        for (var at = normalised.IndexOf(t, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(t, at + 1, StringComparison.Ordinal))
        {
            var startOk = at == 0 || !IsWordChar(normalised[at - 1]) || !IsWordChar(t[0]);
            var end = at + t.Length;
            var endOk = end >= normalised.Length || !IsWordChar(normalised[end]) || !IsWordChar(t[^1]);
            if (startOk && endOk) return true;
        }
        return false;
    }

    public static bool HasAny(string normalised, IEnumerable<string> terms) => terms.Any(t => Has(normalised, t));

    public static bool HasAnyWord(string normalised, IEnumerable<string> words) => words.Any(w => HasWord(normalised, w));

    public static string? First(string normalised, IEnumerable<string> terms) => terms.FirstOrDefault(t => Has(normalised, t));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
