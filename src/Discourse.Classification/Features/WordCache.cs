namespace Discourse.Classification.Features;

/// <summary>What featurisation needs to know about a lower-cased word: its stem's hash and whether it is a stop word.</summary>
internal readonly record struct WordInfo(ulong StemHash, bool IsStopWord);

/// <summary>
/// A per-thread memo of lower-cased word → <see cref="WordInfo"/>, looked up by span so that a word seen before costs one
/// hash-table probe and no allocation. Stemming (the expensive part) runs once per distinct word and thread.
/// </summary>
internal sealed class WordCache
{
    private const int MaxEntries = 200_000;

    [ThreadStatic]
    private static WordCache? current;

    private readonly Dictionary<string, WordInfo> english = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordInfo> russian = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> englishLookup;
    private readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> russianLookup;

    private WordCache()
    {
        englishLookup = english.GetAlternateLookup<ReadOnlySpan<char>>();
        russianLookup = russian.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The calling thread's cache.</summary>
    public static WordCache Current => current ??= new WordCache();

    /// <summary>Looks up (or stems and remembers) a lower-cased word.</summary>
    public WordInfo Get(bool isRussian, ReadOnlySpan<char> lowerCaseWord)
    {
        var lookup = isRussian ? russianLookup : englishLookup;
        if (lookup.TryGetValue(lowerCaseWord, out var info))
        {
            return info;
        }

        var dictionary = isRussian ? russian : english;
        if (dictionary.Count >= MaxEntries)
        {
            dictionary.Clear();
        }

        var word = lowerCaseWord.ToString();
        info = new WordInfo(FeatureHash.Of(Lexicon.Stem(isRussian, word), FeatureHash.Basis), Lexicon.IsStopWord(isRussian, word));
        dictionary[word] = info;
        return info;
    }
}
