namespace Discourse.Text.Dates;

/// <summary>Kinds of lexical tokens in a date expression.</summary>
internal enum DateTokenKind
{
    Number,
    Word,
    Punctuation,
}

/// <summary>One lexical token: a run of digits, a run of letters (lower-cased) or one punctuation character.</summary>
internal readonly record struct DateToken(DateTokenKind Kind, int Start, int Length, string Text, int Value, bool SpaceBefore, bool LineBreakBefore)
{
    public int End => Start + Length;

    public bool IsNumber => Kind == DateTokenKind.Number;

    public bool IsWordToken => Kind == DateTokenKind.Word;

    public bool Is(char punctuation) => Kind == DateTokenKind.Punctuation && Text[0] == punctuation;

    public bool IsWord(string word) => Kind == DateTokenKind.Word && Text == word;

    /// <summary>Splits <paramref name="text"/> into tokens; whitespace only separates them.</summary>
    public static List<DateToken> Tokenize(string text)
    {
        var tokens = new List<DateToken>();
        var space = false;
        var lineBreak = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                lineBreak |= c is '\n' or '\r';
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                var value = 0;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    // Long digit runs are never date parts; cap the value instead of overflowing.
                    value = value > 100_000_000 ? value : (value * 10) + (text[i] - '0');
                    i++;
                }

                tokens.Add(new DateToken(DateTokenKind.Number, start, i - start, text[start..i], value, space, lineBreak));
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\u0301'))
                {
                    i++;
                }

                var word = text[start..i].Replace("\u0301", string.Empty, StringComparison.Ordinal).ToLowerInvariant().Replace('ё', 'е');
                tokens.Add(new DateToken(DateTokenKind.Word, start, i - start, word, 0, space, lineBreak));
            }
            else
            {
                i++;
                tokens.Add(new DateToken(DateTokenKind.Punctuation, start, 1, text[start..i], 0, space, lineBreak));
            }

            space = false;
            lineBreak = false;
        }

        return tokens;
    }
}
