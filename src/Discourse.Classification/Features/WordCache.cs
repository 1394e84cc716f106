namespace Discourse.Classification.Features;

/// <summary>A word's memoised features: its stem's hash (for bigrams) and the ids of its unigram and character n-grams.</summary>
internal sealed record WordEntry(ulong StemHash, int[] Ids);

/// <summary>
/// One thread's memo of lower-cased word → <see cref="WordEntry"/> for one extractor, looked up by span so that a word
/// seen before costs one hash-table probe and no allocation. Stemming and n-gram hashing run once per distinct word.
/// </summary>
internal sealed class WordCache
{
    private const int MaxEntries = 200_000;

    private readonly Dictionary<string, WordEntry> english = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordEntry> russian = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> englishLookup;
    private readonly Dictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> russianLookup;
    private readonly FeatureBuffer scratch = new();

    public WordCache()
    {
        englishLookup = english.GetAlternateLookup<ReadOnlySpan<char>>();
        russianLookup = russian.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Looks up (or computes and remembers) a lower-cased word's features.</summary>
    public WordEntry Get(bool isRussian, ReadOnlySpan<char> lowerCaseWord, FeatureExtractor extractor, ulong salt, bool isNumber)
    {
        var lookup = isRussian ? russianLookup : englishLookup;
        if (lookup.TryGetValue(lowerCaseWord, out var entry))
        {
            return entry;
        }

        var dictionary = isRussian ? russian : english;
        if (dictionary.Count >= MaxEntries)
        {
            dictionary.Clear();
        }

        scratch.Reset();
        lowerCaseWord.CopyTo(scratch.Lowered.AsSpan(1));
        var stemHash = extractor.AddWordFeatures(scratch, isRussian, scratch.Lowered.AsSpan(1, lowerCaseWord.Length), salt, isNumber);
        entry = new WordEntry(stemHash, scratch.Buckets.AsSpan(0, scratch.Count).ToArray());
        dictionary[lowerCaseWord.ToString()] = entry;
        return entry;
    }
}
