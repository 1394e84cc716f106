namespace Discourse.Ingestion.Extraction;

/// <summary>The language code of an extracted text.</summary>
internal static class LanguageOf
{
    /// <summary>How much of the text is sampled: the language of a page shows in its first paragraphs.</summary>
    private const int SampleLength = 4000;

    public static string Text(string title, string text, string? htmlLang)
    {
        var sample = text.Length > SampleLength ? text[..SampleLength] : text;
        if (sample.Length < 40)
        {
            sample = title + "\n" + sample;
        }

        int cyrillic = 0, latin = 0;
        foreach (var c in sample)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        var declared = htmlLang?.Trim().ToLowerInvariant();
        if (cyrillic == 0 && latin == 0)
        {
            return declared is not null && declared.StartsWith("ru", StringComparison.Ordinal) ? "ru" :
                declared is not null && declared.StartsWith("en", StringComparison.Ordinal) ? "en" : "other";
        }

        if (cyrillic > latin)
        {
            return declared is null || declared.Length == 0 || declared.StartsWith("ru", StringComparison.Ordinal) || declared.StartsWith("en", StringComparison.Ordinal)
                ? "ru" : "other";
        }

        return declared is null || declared.Length == 0 || declared.StartsWith("en", StringComparison.Ordinal) || declared.StartsWith("ru", StringComparison.Ordinal)
            ? "en" : "other";
    }
}
