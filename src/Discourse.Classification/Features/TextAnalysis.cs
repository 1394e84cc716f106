using Discourse.Text;

namespace Discourse.Classification.Features;

/// <summary>A word inside a sentence: offsets into the original text.</summary>
internal readonly record struct WordSpan(int Start, int Length, bool IsNumber);

/// <summary>
/// The classifier's view of the text layer: sentences and words.
/// Kept behind one seam so featurisation, training and evidence all cut text the same way.
/// </summary>
internal static class TextAnalysis
{
    /// <summary>The sentences of <paramref name="text"/> (the text layer's splitter); <paramref name="tokens"/> receives
    /// the tokens they were cut from, so words are read without tokenising twice.</summary>
    public static IReadOnlyList<TextSpan> SplitSentences(string text, string lang, List<Token> tokens) =>
        SentenceSplitter.Split(text, lang, tokens);

    /// <summary>
    /// Appends the words among <paramref name="tokens"/>[<paramref name="from"/>, <paramref name="to"/>): word tokens are
    /// cut further at hyphens (so "cyber-sovereignty" gives "cyber" and "sovereignty", whose bigram keeps the compound),
    /// numbers are kept as number words, hashtags and mentions give their word part, URLs, e-mail addresses and
    /// punctuation nothing.
    /// </summary>
    public static void Words(string text, List<Token> tokens, int from, int to, List<WordSpan> output)
    {
        for (var k = from; k < to; k++)
        {
            var token = tokens[k];
            switch (token.Kind)
            {
                case TokenKind.Word:
                case TokenKind.Hashtag:
                case TokenKind.Mention:
                    AddLetterRuns(text.AsSpan(token.Start, token.Length), token.Start, output);
                    break;
                case TokenKind.Number:
                    output.Add(new WordSpan(token.Start, token.Length, true));
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddLetterRuns(ReadOnlySpan<char> word, int offset, List<WordSpan> output)
    {
        if (IsPlainWord(word))
        {
            output.Add(new WordSpan(offset, word.Length, false));
            return;
        }

        var i = 0;
        while (i < word.Length)
        {
            if (!IsLetterOrDigit(word[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = true;
            while (i < word.Length && (IsLetterOrDigit(word[i]) || IsInnerApostrophe(word, i) || IsInvisible(word[i])))
            {
                digits = digits && ((uint)(word[i] - '0') <= 9 || (word[i] >= 0x80 && char.IsDigit(word[i])));
                i++;
            }

            output.Add(new WordSpan(offset + start, i - start, digits));
        }
    }

    /// <summary>Whether a token is one run of basic Latin or Cyrillic letters (most words): then it is a single word and
    /// the general scan, with its digit, apostrophe and invisible-character checks, is not needed.</summary>
    private static bool IsPlainWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!IsBasicLetter(c))
            {
                return false;
            }
        }

        return !word.IsEmpty;
    }

    /// <summary><see cref="char.IsLetterOrDigit(char)"/> with ASCII and basic Cyrillic answered inline (most of our text).</summary>
    private static bool IsLetterOrDigit(char c) =>
        IsBasicLetter(c) || (c < '\u0080' ? (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c));

    /// <summary>A basic Latin letter (A–Z, a–z) or a basic Cyrillic one (А–я, without Ё/ё).</summary>
    private static bool IsBasicLetter(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '\u0410') <= '\u044F' - '\u0410';

    /// <summary>Soft hyphens and zero-width characters stay inside words (the tokenizer keeps them) but are not letters.</summary>
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsInnerApostrophe(ReadOnlySpan<char> text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
}
