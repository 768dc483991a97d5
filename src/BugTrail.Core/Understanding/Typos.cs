using System.Collections.Frozen;
using System.Text;

namespace BugTrail.Core.Understanding;

/// <summary>
/// Corrects one-edit typos of the domain's words of six letters or more (a missing, extra, wrong or
/// swapped letter), by a single-deletion index: fast enough to run on every message. Short words are
/// left alone, since a one-letter change there is usually another real word ("batch"/"match").
/// </summary>
internal static class Typos
{
    private static readonly string[] Vocabulary =
    [
        "gradient", "gradients", "attention", "pytorch", "precision", "overflow", "underflow", "divide", "divided", "explain", "learning",
        "schedule", "scheduler", "weights", "logits", "layers", "validation", "normalization", "normalisation", "hypothesis", "hypotheses",
        "accumulation", "accumulate", "memory", "activation", "activations", "statistics", "embedding", "embeddings", "dropout", "softmax",
        "optimizer", "optimiser", "warmup", "checkpoint", "distributed", "exploding", "explosion", "vanishing", "overflows", "mixed",
        "implementation", "function", "module", "forward", "samples", "outputs", "throughput", "config", "configuration", "hyperparameters",
        "clipping", "scaling", "scaled", "square", "sqrt", "matrix", "entropy", "cross", "tensor", "tensors", "position", "positions",
        "positional", "rotary", "decode", "decoding", "generation", "generate", "lower", "higher", "increase", "decrease", "reduce", "really",
        "should", "please", "because", "causing", "training", "inference", "running", "variance", "average", "averaging", "bfloat16",
        "float16", "float32", "sequence", "tokens", "tokenizer", "batches", "dataset", "figure", "problem", "thinking", "breakdown",
    ];

    private static readonly FrozenDictionary<string, string> Short = new Dictionary<string, string>
    {
        ["stuk"] = "stuck", ["giv"] = "give", ["pls"] = "please", ["plz"] = "please", ["u"] = "you", ["ur"] = "your", ["wat"] = "what",
        ["waht"] = "what", ["se"] = "see", ["btach"] = "batch", ["hgh"] = "high", ["lowr"] = "lower", ["layr"] = "layer", ["layrs"] = "layers",
        ["codee"] = "code", ["teh"] = "the", ["hte"] = "the", ["fwd"] = "forward",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Known = Vocabulary.ToFrozenSet(StringComparer.Ordinal);

    private static readonly int Longest = Vocabulary.Max(w => w.Length);

    private static readonly FrozenDictionary<string, string> ByDeletion = BuildIndex();

    public static string Correct(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { result.Append(text[i++]); continue; }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
            var word = text[start..i];
            result.Append(Fix(word));
        }
        return result.ToString();
    }

    private static string Fix(string word)
    {
        if (Short.TryGetValue(word, out var replaced)) return replaced;
        // A word longer than any known word plus one letter is no typo of one; checking it would cost its length squared.
        if (word.Length < 5 || word.Length > Longest + 1 || Known.Contains(word)) return word;
        // A missing letter; but a word that merely lacks an ending ("layer" of "layers") is a real word.
        if (ByDeletion.TryGetValue(word, out var hit)) return hit.StartsWith(word, StringComparison.Ordinal) ? word : hit;
        for (var k = 0; k < word.Length; k++)
            if (ByDeletion.TryGetValue(word.Remove(k, 1), out var fixedWord) && CloseEnough(word, fixedWord)) return fixedWord;
        return word;
    }

    /// <summary>Deletion pairs also match two edits apart; keep only one substitution, swap, or insertion/deletion.</summary>
    private static bool CloseEnough(string typo, string word)
    {
        if (Math.Abs(typo.Length - word.Length) > 1) return false;
        if (typo.Length != word.Length) return true;
        var diffs = Enumerable.Range(0, word.Length).Where(k => typo[k] != word[k]).ToList();
        return diffs.Count == 1 || (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && typo[diffs[0]] == word[diffs[1]] && typo[diffs[1]] == word[diffs[0]]);
    }

    private static FrozenDictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in Vocabulary.Where(w => w.Length >= 6))
        {
            index.TryAdd(word, word);
            for (var k = 0; k < word.Length; k++) index.TryAdd(word.Remove(k, 1), word);
        }
        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
