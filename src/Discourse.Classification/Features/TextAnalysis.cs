using Discourse.Text;

namespace Discourse.Classification.Features;

/// <summary>A word inside a sentence: offsets into the original text.</summary>
internal readonly record struct WordSpan(int Start, int Length, bool IsNumber);

/// <summary>
/// The classifier's view of the text layer: sentences, words, stems and stop words.
/// Kept behind one seam so featurisation, training and evidence all cut text the same way.
/// </summary>
internal static class TextAnalysis
{
    /// <summary>Appends the sentences of <paramref name="text"/> (the text layer's splitter) as (start, length) pairs.</summary>
    public static void SplitSentences(string text, string lang, List<(int Start, int Length)> output)
    {
        foreach (var sentence in SentenceSplitter.Split(text, lang))
        {
            output.Add((sentence.Start, sentence.Length));
        }
    }

    /// <summary>
    /// Appends the words of <paramref name="text"/> using the text layer's tokenizer: word tokens are cut further at
    /// hyphens (so "cyber-sovereignty" gives "cyber" and "sovereignty", whose bigram keeps the compound), numbers are
    /// kept as number words, hashtags and mentions give their word part, URLs, e-mail addresses and punctuation nothing.
    /// </summary>
    public static void Words(ReadOnlySpan<char> text, int offset, List<Token> tokens, List<WordSpan> output)
    {
        tokens.Clear();
        Tokenizer.Tokenize(text, tokens);
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Word:
                case TokenKind.Hashtag:
                case TokenKind.Mention:
                    AddLetterRuns(text.Slice(token.Start, token.Length), offset + token.Start, output);
                    break;
                case TokenKind.Number:
                    output.Add(new WordSpan(offset + token.Start, token.Length, true));
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddLetterRuns(ReadOnlySpan<char> word, int offset, List<WordSpan> output)
    {
        var i = 0;
        while (i < word.Length)
        {
            if (!char.IsLetterOrDigit(word[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = true;
            while (i < word.Length && (char.IsLetterOrDigit(word[i]) || IsInnerApostrophe(word, i) || IsInvisible(word[i])))
            {
                digits &= char.IsDigit(word[i]);
                i++;
            }

            output.Add(new WordSpan(offset + start, i - start, digits));
        }
    }

    /// <summary>Soft hyphens and zero-width characters stay inside words (the tokenizer keeps them) but are not letters.</summary>
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsInnerApostrophe(ReadOnlySpan<char> text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
}
