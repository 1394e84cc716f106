using Discourse.Classification.Features;

namespace Discourse.Classification.Tests.Features;

public sealed class WordCacheTests
{
    private static readonly FeatureExtractor Extractor = new(FeatureSettings.Default);

    [Theory]
    [InlineData(false, "sovereignty", false)]
    [InlineData(false, "the", false)]
    [InlineData(false, "2019", true)]
    [InlineData(true, "суверенитет", false)]
    [InlineData(true, "интернет", false)]
    public void A_cached_word_has_the_features_the_extractor_computes_for_it(bool isRussian, string word, bool isNumber)
    {
        var cache = new WordCache();
        var (stem, ids) = Direct(isRussian, word, isNumber);

        for (var lookup = 0; lookup < 2; lookup++)
        {
            ref readonly var entry = ref cache.Get(isRussian, word, Hash(isRussian, word), Extractor, 0, isNumber);
            Assert.Equal(stem, entry.StemHash);
            Assert.Equal(ids, cache.Ids(entry).ToArray());
        }

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void The_same_spelling_is_remembered_separately_per_language()
    {
        var cache = new WordCache();
        cache.Get(false, "internet", Hash(false, "internet"), Extractor, 0, false);
        cache.Get(true, "internet", Hash(true, "internet"), Extractor, 0, false);

        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void A_full_cache_starts_afresh_and_still_answers_correctly()
    {
        var cache = new WordCache(tableBits: 4);
        var words = Enumerable.Range(0, 40).Select(i => "word" + (char)('a' + (i % 26)) + (char)('a' + (i / 26))).ToList();
        foreach (var word in words.Concat(words))
        {
            ref readonly var entry = ref cache.Get(false, word, Hash(false, word), Extractor, 0, false);
            var (stem, ids) = Direct(false, word, false);
            Assert.Equal(stem, entry.StemHash);
            Assert.Equal(ids, cache.Ids(entry).ToArray());
            Assert.InRange(cache.Count, 1, 8);
        }
    }

    [Fact]
    public void A_growing_table_keeps_every_word_it_has_seen()
    {
        // 3,000 words: the table doubles from 4,096 slots to 8,192 on the way and no word is recomputed or lost.
        var cache = new WordCache();
        var words = Enumerable.Range(0, 3000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var word in words.Concat(words))
        {
            ref readonly var entry = ref cache.Get(false, word, Hash(false, word), Extractor, 0, false);
            var (stem, ids) = Direct(false, word, false);
            Assert.Equal(stem, entry.StemHash);
            Assert.Equal(ids, cache.Ids(entry).ToArray());
        }

        Assert.Equal(words.Count, cache.Count);
    }

    private static ulong Hash(bool isRussian, string word) => FeatureHash.Of(word, WordCache.HashBasis(isRussian));

    private static (ulong Stem, int[] Ids) Direct(bool isRussian, string word, bool isNumber)
    {
        var buffer = new FeatureBuffer();
        word.CopyTo(buffer.Lowered.AsSpan(1));
        var stem = Extractor.AddWordFeatures(buffer, isRussian, buffer.Lowered.AsSpan(1, word.Length), 0, isNumber);
        return (stem, buffer.Buckets.AsSpan(0, buffer.Count).ToArray());
    }
}
