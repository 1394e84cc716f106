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
        return Split(text, lang, new List<Token>(text.Length / 5 + 4));
    }

    /// <summary>Splits <paramref name="text"/> into sentences and leaves the tokens they were cut from in
    /// <paramref name="tokens"/>, so a caller that needs both tokenises once.</summary>
    /// <param name="text">Any text; paragraphs separated by blank lines always end sentences.</param>
    /// <param name="lang">"en" or "ru" (anything else uses the English rules).</param>
    /// <param name="tokens">Cleared, then filled with the tokens of <paramref name="text"/> (as <see cref="Tokenizer"/> gives them).</param>
    public static IReadOnlyList<TextSpan> Split(string text, string lang, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        _ = lang;
        tokens.Clear();
        Tokenizer.Tokenize(text, tokens);
        return new SentenceScanner(text, tokens).Scan();
    }
}
