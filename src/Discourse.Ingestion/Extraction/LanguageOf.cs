using Discourse.Text.Languages;

namespace Discourse.Ingestion.Extraction;

/// <summary>The language code of an extracted text, by the text layer's identifier.</summary>
internal static class LanguageOf
{
    /// <summary>How much of the text is read: the language of a page shows in its first paragraphs.</summary>
    private const int SampleLength = 3000;

    /// <summary>Below this many characters of body text the title is read too.</summary>
    private const int ShortText = 200;

    public static string Text(string title, string text)
    {
        var sample = text.Length > SampleLength ? text[..SampleLength] : text;
        if (sample.Length < ShortText)
        {
            sample = title + "\n" + sample;
        }

        return LanguageIdentifier.Identify(sample).Code;
    }
}
