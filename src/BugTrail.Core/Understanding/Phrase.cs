namespace BugTrail.Core.Understanding;

/// <summary>
/// Text matching for free text: lower-cased, typographic quotes and dashes folded, and terms
/// matched as word prefixes ("saturat" matches "saturation", "lr" does not match "already").
/// </summary>
public static class Phrase
{
    /// <summary>
    /// Lower-cases, folds typographic punctuation, drops apostrophes ("aren't" reads as "arent", as people
    /// often type it) and corrects one-letter typos of the domain's longer words ("gradeint", "pytroch").
    /// </summary>
    public static string Normalise(string text)
    {
        var chars = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\'' or '’' or '‘' or '`': break;
                case '“' or '”': chars.Append('"'); break;
                case '–' or '—' or '−': chars.Append('-'); break;
                case '\t' or '\r' or '\n': chars.Append(' '); break;
                default: chars.Append(char.ToLowerInvariant(ch)); break;
            }
        }
        return Typos.Correct(chars.ToString());
    }

    private static string Fold(string term) => term.Replace("'", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Whether <paramref name="normalised"/> holds <paramref name="term"/> starting at a word boundary.</summary>
    public static bool Has(string normalised, string term)
    {
        if (term.Length == 0) return false;
        var t = Fold(term);
        for (var at = normalised.IndexOf(t, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(t, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !IsWordChar(normalised[at - 1]) || !IsWordChar(t[0])) return true;
        }
        return false;
    }

    /// <summary>Like <see cref="Has"/>, but the term must also end at a word boundary.</summary>
    public static bool HasWord(string normalised, string word)
    {
        var t = Fold(word);
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
