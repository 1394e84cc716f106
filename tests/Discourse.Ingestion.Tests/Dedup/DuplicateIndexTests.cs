using Discourse.Ingestion.Dedup;

namespace Discourse.Ingestion.Tests.Dedup;

public sealed class DuplicateIndexTests
{
    [Fact]
    public void Exact_content_match_points_to_the_first_document()
    {
        var index = new DuplicateIndex();
        index.Add("a", "hash1", null);
        index.Add("b", "hash1", null);
        Assert.Equal("a", index.FindOriginal("c", "hash1", null));
        Assert.Null(index.FindOriginal("a", "hash1", null));
        Assert.True(index.IsKnown("a", "hash1"));
        Assert.False(index.IsKnown("a", "hash2"));
    }

    [Fact]
    public void Near_match_is_found_through_any_band_and_far_ones_are_not()
    {
        var index = new DuplicateIndex();
        const ulong fingerprint = 0x0123_4567_89ab_cdefUL;
        index.Add("original", "h1", fingerprint);
        // Five bits flipped, one in each of five bands: the sixth band still agrees.
        var near = fingerprint ^ (1UL << 3) ^ (1UL << 14) ^ (1UL << 25) ^ (1UL << 36) ^ (1UL << 47);
        Assert.Equal("original", index.FindOriginal("copy", "h2", near));
        var far = near ^ (1UL << 60);
        Assert.Null(index.FindOriginal("other", "h3", far));
    }
}
