using System.Numerics;

namespace Discourse.Classification.Features;

/// <summary>
/// Maps hash buckets to scoring rows. Membership and the bucket's rank among the vocabulary come from a bitmap with a
/// running count per 64 buckets (16 bytes per 64 buckets: 256 KB for 2^20 buckets, where a plain bucket → slot array
/// takes 4 MB and misses the cache on nearly every bigram); the rank is then mapped to the row the scorer uses.
/// </summary>
internal sealed class VocabularyIndex
{
    // blocks[2k] holds the membership bits of buckets 64k..64k+63, blocks[2k + 1] the number of members before them:
    // one cache line answers a lookup.
    private readonly ulong[] blocks;
    private readonly int[] rowOfSlot;

    /// <param name="bucketCount">Number of hash buckets (a multiple of 64).</param>
    /// <param name="vocabularyBuckets">The vocabulary's buckets in increasing order; slot i is the i-th.</param>
    /// <param name="rowOfSlot">The row each slot is scored from.</param>
    public VocabularyIndex(int bucketCount, int[] vocabularyBuckets, int[] rowOfSlot)
    {
        if (bucketCount % 64 != 0 || rowOfSlot.Length != vocabularyBuckets.Length)
        {
            throw new ArgumentException("The bucket count must be a multiple of 64 and every slot needs a row.");
        }

        blocks = new ulong[bucketCount / 32];
        for (var slot = 0; slot < vocabularyBuckets.Length; slot++)
        {
            var bucket = vocabularyBuckets[slot];
            if (bucket < 0 || bucket >= bucketCount || (slot > 0 && bucket <= vocabularyBuckets[slot - 1]))
            {
                throw new ArgumentException($"Vocabulary bucket {bucket} at slot {slot} is out of range or out of order.");
            }

            blocks[2 * (bucket >> 6)] |= 1UL << (bucket & 63);
        }

        ulong before = 0;
        for (var block = 0; block < blocks.Length; block += 2)
        {
            blocks[block + 1] = before;
            before += (ulong)BitOperations.PopCount(blocks[block]);
        }

        this.rowOfSlot = rowOfSlot;
    }

    /// <summary>The vocabulary slot of <paramref name="bucket"/> (its rank among the vocabulary's buckets), or -1.</summary>
    public int SlotOf(int bucket)
    {
        var block = 2 * (bucket >> 6);
        var bits = blocks[block];
        var bit = 1UL << (bucket & 63);
        return (bits & bit) == 0 ? -1 : (int)blocks[block + 1] + BitOperations.PopCount(bits & (bit - 1));
    }

    /// <summary>The scoring row of <paramref name="bucket"/>, or -1 when it is not in the vocabulary.</summary>
    public int RowOf(int bucket)
    {
        var slot = SlotOf(bucket);
        return slot < 0 ? -1 : rowOfSlot[slot];
    }
}
