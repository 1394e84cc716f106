using System.Numerics;

namespace Discourse.Ingestion.Dedup;

/// <summary>
/// 64-bit SimHash over overlapping word shingles: texts that share most shingles get fingerprints a few bits apart.
/// </summary>
internal static class SimHash
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleSize = 3;

    /// <summary>Texts with fewer shingles than this get no fingerprint: too short for a meaningful near-match.</summary>
    public const int MinimumShingles = 8;

    /// <summary>The fingerprint of <paramref name="text"/>, or null when it is too short.</summary>
    public static ulong? Compute(string text)
    {
        var words = WordHashes(text);
        var shingleCount = words.Count - ShingleSize + 1;
        if (shingleCount < MinimumShingles)
        {
            return null;
        }

        Span<int> weights = stackalloc int[64];
        for (var i = 0; i < shingleCount; i++)
        {
            var hash = 0xcbf29ce484222325UL;
            for (var j = 0; j < ShingleSize; j++)
            {
                hash = Mix(hash ^ words[i + j]);
            }

            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        var fingerprint = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>How many bits two fingerprints differ in.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static List<ulong> WordHashes(string text)
    {
        var tokens = Discourse.Text.Tokenizer.Tokenize(text);
        var hashes = new List<ulong>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind is not (Discourse.Text.TokenKind.Word or Discourse.Text.TokenKind.Number))
            {
                continue;
            }

            // FNV-1a over the lower-cased characters, so case and punctuation differences do not matter.
            var hash = 0xcbf29ce484222325UL;
            foreach (var c in text.AsSpan(token.Start, token.Length))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 0x100000001b3UL;
            }

            hashes.Add(hash);
        }

        return hashes;
    }

    // SplitMix64 finaliser: spreads FNV's weak low bits over the whole word.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
