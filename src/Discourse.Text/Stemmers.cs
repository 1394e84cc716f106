using Discourse.Text.Stemming;

namespace Discourse.Text;

/// <summary>The stemmers by language code. All instances are shared, stateless and thread-safe.</summary>
public static class Stemmers
{
    private static readonly IStemmer Identity = new IdentityStemmer();

    /// <summary>The current Snowball English stemmer (not the v2.2 "classic" Porter2).</summary>
    public static IStemmer English { get; } = new EnglishStemmer();

    /// <summary>The Snowball Russian stemmer (ё is treated as е).</summary>
    public static IStemmer Russian { get; } = new RussianStemmer();

    /// <summary>The stemmer for <paramref name="lang"/>: "en" English, "ru" Russian, anything else returns words unchanged.</summary>
    /// <param name="lang">An ISO 639-1 code such as "en" or "ru" (case-insensitive).</param>
    public static IStemmer For(string? lang) => LanguageCodes.Parse(lang) switch
    {
        TextLanguage.English => English,
        TextLanguage.Russian => Russian,
        _ => Identity,
    };

    /// <summary>
    /// Stems <paramref name="lowerCaseWord"/> into <paramref name="destination"/> without allocating; the hot path for
    /// callers that stem every token. Returns the stem's length, or -1 when <paramref name="destination"/> is shorter
    /// than <c>word.Length + 1</c> or the word is longer than 256 chars.
    /// </summary>
    /// <param name="lang">"en", "ru"; any other code copies the word unchanged.</param>
    /// <param name="lowerCaseWord">One lower-case word.</param>
    /// <param name="destination">Where the stem is written.</param>
    public static int Stem(string? lang, ReadOnlySpan<char> lowerCaseWord, Span<char> destination)
    {
        if (destination.Length < lowerCaseWord.Length + 1 || lowerCaseWord.Length > EnglishStemmer.MaxWordLength)
        {
            return -1;
        }

        return LanguageCodes.Parse(lang) switch
        {
            TextLanguage.English => EnglishStemmer.Stem(lowerCaseWord, destination),
            TextLanguage.Russian => RussianStemmer.Stem(lowerCaseWord, destination),
            _ => Copy(lowerCaseWord, destination),
        };
    }

    private static int Copy(ReadOnlySpan<char> word, Span<char> destination)
    {
        word.CopyTo(destination);
        return word.Length;
    }

    private sealed class IdentityStemmer : IStemmer
    {
        public string Stem(string lowerCaseWord) => lowerCaseWord;
    }
}
