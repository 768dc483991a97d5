namespace BugTrail.Core.Understanding;

/// <summary>A candidate message and what was understood of it.</summary>
public sealed record Utterance(string Text, IReadOnlyList<Intent> Intents)
{
    public T? Find<T>() where T : Intent => Intents.OfType<T>().FirstOrDefault();

    public bool Has<T>() where T : Intent => Intents.OfType<T>().Any();

    /// <summary>Nothing substantive: small talk or thinking aloud.</summary>
    public bool IsSmallTalk => Intents.Count == 0;
}
