using System.Runtime.CompilerServices;

namespace Discourse.Classification.Features;

/// <summary>FNV-1a over UTF-16 code units with a 64-bit avalanche finish: cheap per character, well mixed per bucket.</summary>
internal static class FeatureHash
{
    public const ulong Basis = 0xcbf29ce484222325UL;
    public const ulong UnigramTag = 0x5175_6E69_6772_616DUL;
    public const ulong BigramTag = 0x4269_6772_616D_7321UL;
    public const ulong CharTag = 0x4368_6172_4E67_726DUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong hash, char c) => (hash ^ c) * 0x100000001B3UL;

    public static ulong Of(ReadOnlySpan<char> text, ulong basis)
    {
        var hash = basis;
        foreach (var c in text)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>The language salt: zero when features are shared across languages.</summary>
    public static ulong LanguageSalt(string lang, bool partition) =>
        !partition ? 0UL : lang == "ru" ? 0x7275_7275_7275_7275UL : 0x656E_656E_656E_656EUL;
}
