namespace Discourse.Classification.Features;

/// <summary>A word inside a sentence: offsets into the original text.</summary>
internal readonly record struct WordSpan(int Start, int Length, bool IsNumber);

/// <summary>
/// The classifier's view of the text layer: sentences, words, stems and stop words.
/// Kept behind one seam so featurisation, training and evidence all cut text the same way.
/// </summary>
internal static class TextAnalysis
{
    /// <summary>Appends the sentences of <paramref name="text"/> as (start, length) pairs, trimmed.</summary>
    public static void SplitSentences(string text, string lang, List<(int Start, int Length)> output)
    {
        _ = lang;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (start < 0)
            {
                if (!char.IsWhiteSpace(c))
                {
                    start = i;
                }

                continue;
            }

            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                Emit(text, start, i, output);
                start = -1;
                continue;
            }

            if (c is '.' or '!' or '?' or '…' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
            {
                var next = i + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next >= text.Length || IsSentenceOpener(text[next]))
                {
                    Emit(text, start, i + 1, output);
                    start = -1;
                }
            }
        }

        if (start >= 0)
        {
            Emit(text, start, text.Length, output);
        }
    }

    /// <summary>Appends the words (letter or digit runs) of <paramref name="text"/>.</summary>
    public static void Words(ReadOnlySpan<char> text, int offset, List<WordSpan> output)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = true;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerApostrophe(text, i)))
            {
                digits &= char.IsDigit(text[i]);
                i++;
            }

            output.Add(new WordSpan(offset + start, i - start, digits));
        }
    }

    private static bool IsInnerApostrophe(ReadOnlySpan<char> text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    private static bool IsSentenceOpener(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '«' or '“' or '(' or '—' or '-' or '–';

    private static void Emit(string text, int start, int end, List<(int Start, int Length)> output)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            output.Add((start, end - start));
        }
    }
}
