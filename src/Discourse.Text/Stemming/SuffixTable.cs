namespace Discourse.Text.Stemming;

/// <summary>
/// A Snowball <c>among</c> over suffixes: finds the longest listed suffix that ends the word and starts at or after
/// the backward limit. Entries are kept longest first, so the first hit is the longest match, as Snowball requires.
/// </summary>
internal sealed class SuffixTable
{
    private readonly string[] suffixes;
    private readonly int[] groups;

    /// <param name="entries">Suffix and the action group it belongs to (what the algorithm does after matching it).</param>
    public SuffixTable(params (string Suffix, int Group)[] entries)
    {
        var ordered = entries.OrderByDescending(e => e.Suffix.Length).ToArray();
        suffixes = ordered.Select(e => e.Suffix).ToArray();
        groups = ordered.Select(e => e.Group).ToArray();
    }

    /// <summary>Builds a table whose suffixes all share one group per list: <c>lists[g]</c> holds group <c>g</c>.</summary>
    public static SuffixTable FromGroups(params string[][] lists) =>
        new(lists.SelectMany((list, group) => list.Select(s => (s, group))).ToArray());

    /// <summary>Finds the longest suffix of <c>word[..end]</c> starting at or after <paramref name="limit"/>.</summary>
    /// <returns>The matched entry's group and length, or group -1 when nothing matches.</returns>
    public (int Group, int Length) Match(ReadOnlySpan<char> word, int end, int limit)
    {
        var available = end - limit;
        var last = end > 0 ? word[end - 1] : '\0';
        for (var i = 0; i < suffixes.Length; i++)
        {
            var suffix = suffixes[i];
            if (suffix.Length > available)
            {
                continue;
            }

            if (suffix.Length == 0)
            {
                return (groups[i], 0);
            }

            if (suffix[^1] == last && word.Slice(end - suffix.Length, suffix.Length).SequenceEqual(suffix))
            {
                return (groups[i], suffix.Length);
            }
        }

        return (-1, 0);
    }
}
