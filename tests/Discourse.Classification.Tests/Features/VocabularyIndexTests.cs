using Discourse.Classification.Features;

namespace Discourse.Classification.Tests.Features;

public sealed class VocabularyIndexTests
{
    [Fact]
    public void Every_bucket_maps_to_its_rank_among_the_vocabulary_and_then_to_its_row()
    {
        const int bucketCount = 1 << 12;
        var random = new Random(7);
        var vocabulary = Enumerable.Range(0, bucketCount).Where(_ => random.Next(5) == 0).ToArray();
        var rowOfSlot = Enumerable.Range(0, vocabulary.Length).Reverse().ToArray();
        var index = new VocabularyIndex(bucketCount, vocabulary, rowOfSlot);

        var slotOfBucket = Enumerable.Repeat(-1, bucketCount).ToArray();
        for (var slot = 0; slot < vocabulary.Length; slot++)
        {
            slotOfBucket[vocabulary[slot]] = slot;
        }

        for (var bucket = 0; bucket < bucketCount; bucket++)
        {
            Assert.Equal(slotOfBucket[bucket], index.SlotOf(bucket));
            Assert.Equal(slotOfBucket[bucket] < 0 ? -1 : rowOfSlot[slotOfBucket[bucket]], index.RowOf(bucket));
        }
    }

    [Fact]
    public void The_first_and_last_buckets_of_a_block_are_found()
    {
        int[] vocabulary = [0, 63, 64, 127, 1023];
        var index = new VocabularyIndex(1024, vocabulary, [0, 1, 2, 3, 4]);

        Assert.Equal([0, 1, 2, 3, 4], vocabulary.Select(index.SlotOf));
        Assert.Equal(-1, index.SlotOf(1));
        Assert.Equal(-1, index.SlotOf(1022));
    }

    [Theory]
    [InlineData(new[] { 5, 5 })]
    [InlineData(new[] { 9, 3 })]
    [InlineData(new[] { 1024 })]
    [InlineData(new[] { -1 })]
    public void Buckets_out_of_order_or_out_of_range_are_refused(int[] vocabulary)
    {
        var error = Assert.Throws<ArgumentException>(() => new VocabularyIndex(1024, vocabulary, new int[vocabulary.Length]));
        Assert.Contains("out of range or out of order", error.Message, StringComparison.Ordinal);
    }
}
