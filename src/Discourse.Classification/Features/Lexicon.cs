using Discourse.Text;

namespace Discourse.Classification.Features;

/// <summary>Stemming (Snowball) and stop words for the two corpus languages, from the text layer.</summary>
internal static class Lexicon
{
    public static string Stem(bool isRussian, string lowerCaseWord) =>
        (isRussian ? Stemmers.Russian : Stemmers.English).Stem(lowerCaseWord);

    public static bool IsStopWord(bool isRussian, string lowerCaseWord) =>
        StopWords.Contains(isRussian ? "ru" : "en", lowerCaseWord);
}
