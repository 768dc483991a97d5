using System.Buffers;
using System.Runtime.CompilerServices;

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

    private static string Fold(string term)
    {
        foreach (var c in term)
            if (c == '\'' || char.IsUpper(c)) return term.Replace("'", "", StringComparison.Ordinal).ToLowerInvariant();
        return term;
    }

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

    /// <summary>
    /// Whether any of <paramref name="terms"/> starts at a word boundary. One vectorised multi-string search
    /// per call; the folded terms are built once per list (lists are long-lived: the lexicon's, a scenario's).
    /// </summary>
    public static bool HasAny(string normalised, IReadOnlyList<string> terms)
    {
        var values = Matchers.GetValue(terms, static t => SearchValues.Create(
            ((IReadOnlyList<string>)t).Select(Fold).Where(f => f.Length > 0).Distinct().ToArray(), StringComparison.Ordinal));
        var offset = 0;
        while (offset < normalised.Length)
        {
            var i = normalised.AsSpan(offset).IndexOfAny(values);
            if (i < 0) return false;
            var at = offset + i;
            if (at == 0 || !IsWordChar(normalised[at - 1]) || !IsWordChar(normalised[at])) return true;
            offset = at + 1;
        }
        return false;
    }

    public static bool HasAnyWord(string normalised, IReadOnlyList<string> words)
    {
        foreach (var w in words) if (HasWord(normalised, w)) return true;
        return false;
    }

    public static string? First(string normalised, IReadOnlyList<string> terms)
    {
        foreach (var t in terms) if (Has(normalised, t)) return t;
        return null;
    }

    private static readonly ConditionalWeakTable<object, SearchValues<string>> Matchers = new();

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
