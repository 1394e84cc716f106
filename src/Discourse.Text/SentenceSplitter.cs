using Discourse.Text.Sentences;

namespace Discourse.Text;

/// <summary>
/// Splits English and Russian text into sentences. It works on <see cref="Tokenizer"/> tokens, so URLs, e-mail
/// addresses, numbers ("3.14", "21.06.2016") and initialisms ("U.S.", "т.е.") never break a sentence; abbreviations,
/// initials, quotations, brackets, numbered and lettered lists, ellipses, citations and line breaks are handled as
/// docs/text.md describes.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Splits <paramref name="text"/> into sentences, as trimmed spans of the original string.</summary>
    /// <param name="text">Any text; paragraphs separated by blank lines always end sentences.</param>
    /// <param name="lang">"en" or "ru" (anything else uses the English rules).</param>
    public static IReadOnlyList<TextSpan> Split(string text, string lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = lang;
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenizer.Tokenize(text, tokens);
        return new SentenceScanner(text, tokens).Scan();
    }
}
