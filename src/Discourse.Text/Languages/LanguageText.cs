using System.Globalization;

namespace Discourse.Text.Languages;

/// <summary>Which script a letter belongs to, as far as language identification is concerned.</summary>
internal enum LetterScript
{
    None,
    Latin,
    Cyrillic,
    Other,
}

/// <summary>Splits text into lower-case words of letters for the n-gram models.</summary>
internal static class LanguageText
{
    /// <summary>Classifies <paramref name="c"/> by script.</summary>
    public static LetterScript ScriptOf(char c)
    {
        if (c < 128)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? LetterScript.Latin : LetterScript.None;
        }

        if (c is >= '\u0400' and <= '\u052F')
        {
            return char.IsLetter(c) ? LetterScript.Cyrillic : LetterScript.None;
        }

        if (c is >= '\u00C0' and <= '\u024F')
        {
            return c is '\u00D7' or '\u00F7' ? LetterScript.None : LetterScript.Latin;
        }

        return char.IsLetter(c) ? LetterScript.Other : LetterScript.None;
    }

    /// <summary>True for the apostrophes used inside words (English "don't", Ukrainian "м'ясо").</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '`';

    /// <summary>Lower-cases a letter the same way for training and identification.</summary>
    public static char Lower(char c) => c < 128
        ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c)
        : char.ToLower(c, CultureInfo.InvariantCulture);

    /// <summary>The words of <paramref name="text"/>: runs of letters, lower-cased, with inner apostrophes as '\''.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var buffer = new char[64];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var letter = ScriptOf(c) != LetterScript.None;
            if (letter || (IsApostrophe(c) && length > 0 && i + 1 < text.Length && ScriptOf(text[i + 1]) != LetterScript.None))
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                buffer[length++] = letter ? Lower(c) : '\'';
                continue;
            }

            if (length > 0)
            {
                yield return new string(buffer, 0, length);
                length = 0;
            }
        }
    }
}
