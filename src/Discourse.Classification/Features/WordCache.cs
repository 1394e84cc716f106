using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Discourse.Classification.Features;

/// <summary>
/// One thread's memo of lower-cased word → its stem hash (for bigrams) and feature ids (unigram and character
/// n-grams), for one extractor. Stemming and n-gram hashing run once per distinct word; a word seen before costs one
/// probe of an open-addressing table whose keys and ids live in flat pools (three cache lines, no objects to chase).
/// </summary>
internal sealed class WordCache
{
    private const ulong RussianTag = 0x7275_7373_6961_6E21UL;

    private const int InitialTableBits = 12;

    private readonly int maxTableLength;
    private int[] table;
    private readonly FeatureBuffer scratch = new();
    private Entry[] entries = new Entry[1024];
    private char[] keys = new char[16 * 1024];
    private int[] ids = new int[16 * 1024];
    private int entryCount;
    private int keyCount;
    private int idCount;

    /// <param name="tableBits">log2 of the probe table's largest size; it holds up to half as many words before starting
    /// afresh (the default, 2^17 words, keeps the working vocabulary of a long batch in both languages). The table starts
    /// small and doubles when half full, so that a smaller vocabulary probes a table that stays in cache.</param>
    public WordCache(int tableBits = 18)
    {
        maxTableLength = 1 << tableBits;
        table = new int[Math.Min(1 << InitialTableBits, maxTableLength)];
    }

    /// <summary>Number of words remembered.</summary>
    public int Count => entryCount;

    /// <summary>The feature ids of a remembered word.</summary>
    public ReadOnlySpan<int> Ids(in Entry entry) => ids.AsSpan(entry.IdStart, entry.IdLength);

    /// <summary>The basis of the word hash <see cref="Get"/> takes: FNV-1a steps over the lower-cased word from here.</summary>
    public static ulong HashBasis(bool isRussian) => isRussian ? FeatureHash.Basis ^ RussianTag : FeatureHash.Basis;

    /// <summary>Looks up (or computes and remembers) a lower-cased word's features.</summary>
    /// <param name="isRussian">The word's language.</param>
    /// <param name="lowerCaseWord">The word, lower-cased.</param>
    /// <param name="wordHash">FNV-1a steps over <paramref name="lowerCaseWord"/> from <see cref="HashBasis"/> (computed by
    /// the caller while lower-casing, so the word is read once).</param>
    /// <param name="extractor">Computes the features of a word not seen before.</param>
    /// <param name="salt">The language salt of the features.</param>
    /// <param name="isNumber">Whether the word is a number (no character n-grams).</param>
    public ref readonly Entry Get(bool isRussian, ReadOnlySpan<char> lowerCaseWord, ulong wordHash, FeatureExtractor extractor, ulong salt, bool isNumber)
    {
        var hash = FeatureHash.Finish(wordHash);
        var mask = table.Length - 1;
        var index = (int)hash & mask;
        while (true)
        {
            var candidate = table[index] - 1;
            if (candidate < 0)
            {
                break;
            }

            ref readonly var entry = ref entries[candidate];
            if (entry.Hash == hash && keys.AsSpan(entry.KeyStart, entry.KeyLength).SequenceEqual(lowerCaseWord))
            {
                return ref entry;
            }

            index = (index + 1) & mask;
        }

        return ref Add(index, hash, isRussian, lowerCaseWord, extractor, salt, isNumber);
    }

    /// <summary>Computes and remembers a word not seen before, at probe slot <paramref name="index"/>. Kept out of line so
    /// that the lookup, which runs for every word, stays small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref readonly Entry Add(int index, ulong hash, bool isRussian, ReadOnlySpan<char> lowerCaseWord, FeatureExtractor extractor, ulong salt, bool isNumber)
    {
        if (entryCount >= table.Length / 2)
        {
            if (table.Length < maxTableLength)
            {
                Grow();
            }
            else
            {
                // Full: start afresh rather than evict piecemeal (a long-running service sees an open vocabulary).
                Array.Clear(table);
                entryCount = keyCount = idCount = 0;
            }

            index = FreeSlot(hash);
        }

        scratch.Reset();
        lowerCaseWord.CopyTo(scratch.Lowered.AsSpan(1));
        var stemHash = extractor.AddWordFeatures(scratch, isRussian, scratch.Lowered.AsSpan(1, lowerCaseWord.Length), salt, isNumber);
        var keyStart = Append(ref keys, ref keyCount, lowerCaseWord);
        var idStart = Append(ref ids, ref idCount, scratch.Buckets.AsSpan(0, scratch.Count));
        if (entryCount == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
        }

        entries[entryCount] = new Entry(hash, stemHash, keyStart, lowerCaseWord.Length, idStart, scratch.Count);
        table[index] = ++entryCount;
        return ref entries[entryCount - 1];
    }

    /// <summary>Doubles the probe table and re-inserts every remembered word (the pools stay as they are).</summary>
    private void Grow()
    {
        table = new int[table.Length * 2];
        for (var i = 0; i < entryCount; i++)
        {
            table[FreeSlot(entries[i].Hash)] = i + 1;
        }
    }

    /// <summary>The first empty probe slot for <paramref name="hash"/>.</summary>
    private int FreeSlot(ulong hash)
    {
        var mask = table.Length - 1;
        var index = (int)hash & mask;
        while (table[index] != 0)
        {
            index = (index + 1) & mask;
        }

        return index;
    }

    private static int Append<T>(ref T[] pool, ref int used, ReadOnlySpan<T> items)
    {
        if (used + items.Length > pool.Length)
        {
            Array.Resize(ref pool, Math.Max(pool.Length * 2, used + items.Length));
        }

        items.CopyTo(pool.AsSpan(used));
        used += items.Length;
        return used - items.Length;
    }

    /// <summary>A remembered word: where its key and ids are in the pools, and its stem hash.</summary>
    [StructLayout(LayoutKind.Auto)]
    internal readonly record struct Entry(ulong Hash, ulong StemHash, int KeyStart, int KeyLength, int IdStart, int IdLength);
}
