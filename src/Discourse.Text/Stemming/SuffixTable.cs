namespace Discourse.Text.Stemming;

/// <summary>
/// A Snowball <c>among</c> over suffixes: finds the longest listed suffix that ends the word and starts at or after
/// the backward limit. Entries are bucketed by their last char (low byte, checked in full) and kept longest first
/// within a bucket, so the first hit is the longest match, as Snowball requires, after a handful of comparisons.
/// </summary>
internal sealed class SuffixTable
{
    private const int Buckets = 256;

    private readonly (string Suffix, int Group)[][] byLastChar = new (string, int)[Buckets][];
    private readonly int emptyGroup = -1;

    /// <param name="entries">Suffix and the action group it belongs to (what the algorithm does after matching it).</param>
    public SuffixTable(params (string Suffix, int Group)[] entries)
    {
        foreach (var (suffix, group) in entries.Where(e => e.Suffix.Length == 0))
        {
            emptyGroup = group;
        }

        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            byLastChar[bucket] = entries
                .Where(e => e.Suffix.Length > 0 && (e.Suffix[^1] & 0xFF) == bucket)
                .OrderByDescending(e => e.Suffix.Length)
                .ToArray();
        }
    }

    /// <summary>Builds a table whose suffixes all share one group per list: <c>lists[g]</c> holds group <c>g</c>.</summary>
    public static SuffixTable FromGroups(params string[][] lists) =>
        new(lists.SelectMany((list, group) => list.Select(s => (s, group))).ToArray());

    /// <summary>Finds the longest suffix of <c>word[..end]</c> starting at or after <paramref name="limit"/>.</summary>
    /// <returns>The matched entry's group and length, or group -1 when nothing matches.</returns>
    public (int Group, int Length) Match(ReadOnlySpan<char> word, int end, int limit)
    {
        var available = end - limit;
        if (available > 0)
        {
            var last = word[end - 1];
            foreach (var (suffix, group) in byLastChar[last & 0xFF])
            {
                if (suffix.Length <= available && suffix[^1] == last && word.Slice(end - suffix.Length, suffix.Length).SequenceEqual(suffix))
                {
                    return (group, suffix.Length);
                }
            }
        }

        return (emptyGroup, 0);
    }
}
