using System.Buffers;
using System.Globalization;

namespace Discourse.Text;

/// <summary>
/// Splits English and Russian text into words, numbers, URLs, e-mail addresses, hashtags, mentions and punctuation,
/// with offsets into the original string. White space, soft hyphens and zero-width characters are not tokens; inside a
/// word they stay part of it (so the offsets cover the original spelling).
/// </summary>
public static class Tokenizer
{
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Tokenises <paramref name="text"/> into a new list.</summary>
    /// <param name="text">Any text.</param>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/>; allocates nothing else.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="output">Receives the tokens in order.</param>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSkipped(c))
            {
                i++;
                continue;
            }

            int end;
            TokenKind kind;
            if (IsWordChar(c))
            {
                if (IsUrlStart(text, i) && TryUrl(text, i, out end))
                {
                    kind = TokenKind.Url;
                }
                else if (c < 0x80 && TryEmailOrDomainUrl(text, i, out end, out kind))
                {
                    // kind set by the scanner
                }
                else
                {
                    end = ScanWord(text, i, out kind);
                }
            }
            else if (c == '#' && TryTag(text, i, out end))
            {
                kind = TokenKind.Hashtag;
            }
            else if (c == '@' && TryTag(text, i, out end))
            {
                kind = TokenKind.Mention;
            }
            else
            {
                end = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? i + 2 : i + 1;
                kind = TokenKind.Punctuation;
            }

            output.Add(new Token(i, end - i, kind));
            i = end;
        }
    }

    /// <summary>Whether <paramref name="c"/> is a letter (any script).</summary>
    internal static bool IsLetter(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        }

        if (c is >= '\u0400' and <= '\u04FF')
        {
            return c is not ('\u0482' or (>= '\u0483' and <= '\u0489'));
        }

        return char.IsLetter(c);
    }

    /// <summary>Whether <paramref name="c"/> is a decimal digit (any script).</summary>
    internal static bool IsDigit(char c) => c < 0x80 ? (uint)(c - '0') <= 9 : char.IsDigit(c);

    private static bool IsWordChar(char c) => IsLetter(c) || IsDigit(c);

    private static bool IsMark(char c) =>
        c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <remarks>Basic Cyrillic letters, which start most tokens of Russian text, are answered before the Unicode checks.</remarks>
    private static bool IsSkipped(char c) =>
        c <= ' ' || (c >= 0x7F && c is < '\u0410' or > '\u044F' && (char.IsWhiteSpace(c) || TextNormalizer.IsInvisible(c) || char.IsControl(c)));

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsWordApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsDigitGroupSpace(char c) => c is '\u00A0' or '\u202F' or '\u2009';

    /// <summary>Scans a word or number from <paramref name="start"/> and returns its end.</summary>
    private static int ScanWord(ReadOnlySpan<char> text, int start, out TokenKind kind)
    {
        if (TryInitialism(text, start, out var initialismEnd))
        {
            kind = TokenKind.Word;
            return initialismEnd;
        }

        var hasLetter = false;
        var i = start;
        while (true)
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (IsLetter(c))
                {
                    hasLetter = true;
                }
                else if (!IsDigit(c) && !IsMark(c)
                    && !(TextNormalizer.IsInvisible(c) && i + 1 < text.Length && IsWordChar(text[i + 1])))
                {
                    break;
                }

                i++;
            }

            if (i + 1 >= text.Length)
            {
                break;
            }

            var joiner = text[i];
            var previous = text[i - 1];
            var next = text[i + 1];
            var joins =
                (IsHyphen(joiner) && IsWordChar(next) && (hasLetter || IsLetter(next) || SegmentHasLetter(text, i + 1)))
                || (IsWordApostrophe(joiner) && IsLetter(previous) && IsLetter(next))
                || (joiner is '.' or ',' && IsDigit(previous) && IsDigit(next))
                || (joiner is ':' or '/' && !hasLetter && IsDigit(previous) && IsDigit(next))
                || (IsDigitGroupSpace(joiner) && !hasLetter && IsDigit(previous) && IsThousandsGroup(text, i + 1));
            if (!joins)
            {
                break;
            }

            i++;
        }

        kind = hasLetter ? TokenKind.Word : TokenKind.Number;
        return i;
    }

    /// <summary>Whether the letters-and-digits run starting at <paramref name="start"/> holds a letter (19-летний).</summary>
    private static bool SegmentHasLetter(ReadOnlySpan<char> text, int start)
    {
        for (var i = start; i < text.Length && IsWordChar(text[i]); i++)
        {
            if (IsLetter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Exactly three digits follow (a thousands group after a non-breaking or thin space: "1 000").</summary>
    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int start) =>
        start + 3 <= text.Length
        && IsDigit(text[start]) && IsDigit(text[start + 1]) && IsDigit(text[start + 2])
        && (start + 3 == text.Length || !IsWordChar(text[start + 3]));

    /// <summary>Single letters each followed by a dot, at least two: "U.S.", "e.g.", "т.е.", "В.В.".</summary>
    private static bool TryInitialism(ReadOnlySpan<char> text, int start, out int end)
    {
        var i = start;
        var letters = 0;
        while (i + 1 < text.Length && IsLetter(text[i]) && text[i + 1] == '.')
        {
            letters++;
            i += 2;
            if (i >= text.Length || !IsLetter(text[i]) || (i + 1 < text.Length && IsWordChar(text[i + 1])))
            {
                break;
            }
        }

        end = i;
        return letters >= 2;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> text, int i)
    {
        if (text[i] is not ('h' or 'H' or 'w' or 'W' or 'f' or 'F'))
        {
            return false;
        }

        var rest = text[i..];
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && IsWordChar(rest[4]));
    }

    private static bool IsUrlChar(char c) =>
        c > ' ' && c is not ('<' or '>' or '"' or '«' or '»' or '“' or '”' or '„' or '{' or '}' or '|' or '\\' or '^' or '`')
            && !char.IsWhiteSpace(c) && !char.IsControl(c);

    /// <summary>Scans a URL from <paramref name="start"/>, leaving trailing sentence punctuation and unbalanced brackets out.</summary>
    private static bool TryUrl(ReadOnlySpan<char> text, int start, out int end)
    {
        var i = start;
        while (i < text.Length && IsUrlChar(text[i]))
        {
            i++;
        }

        end = TrimUrlEnd(text, start, i);
        return end > start;
    }

    private static int TrimUrlEnd(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start)
        {
            var last = text[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '’' or '…')
            {
                end--;
            }
            else if (last is ')' or ']' && IsUnbalancedClosing(text[start..end], last))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static bool IsUnbalancedClosing(ReadOnlySpan<char> url, char closing)
    {
        var opening = closing == ')' ? '(' : '[';
        return url.Count(closing) > url.Count(opening);
    }

    private static bool IsEmailLocalChar(char c) =>
        c < 0x80 && ((uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c is '.' or '_' or '%' or '+' or '-');

    /// <summary>
    /// An e-mail address ("press@example.org") or a bare domain followed by a path ("example.org/news/1").
    /// Scans only ASCII, so plain words cost one short pass.
    /// </summary>
    private static bool TryEmailOrDomainUrl(ReadOnlySpan<char> text, int start, out int end, out TokenKind kind)
    {
        end = start;
        kind = TokenKind.Word;

        // Most words end at a character that cannot go on into an address: find the end of the letters and digits in
        // one vectorised search and stop there, before the character-by-character scan.
        var run = text[start..].IndexOfAnyExcept(AsciiLettersAndDigits);
        if (run < 0 || (text[start + run] != '@' && !IsEmailLocalChar(text[start + run])))
        {
            return false;
        }

        var i = start + run;
        while (i < text.Length && IsEmailLocalChar(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == '@')
        {
            var domainEnd = ScanDomain(text, i + 1);
            if (domainEnd > i + 1 && text[i - 1] != '.')
            {
                end = domainEnd;
                kind = TokenKind.Email;
                return true;
            }

            return false;
        }

        if (text[i] == '/' && ScanDomain(text, start) == i)
        {
            var urlEnd = i;
            while (urlEnd < text.Length && IsUrlChar(text[urlEnd]))
            {
                urlEnd++;
            }

            end = TrimUrlEnd(text, start, urlEnd);
            kind = TokenKind.Url;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Scans a domain name (labels of letters, digits and hyphens, at least one dot, a letter-only top-level label of
    /// two or more) and returns its end, or <paramref name="start"/> when there is none.
    /// </summary>
    private static int ScanDomain(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        var labels = 0;
        var lastLabelStart = start;
        var end = start;
        while (true)
        {
            var labelStart = i;
            while (i < text.Length && (IsLetter(text[i]) || IsDigit(text[i]) || (text[i] == '-' && i > labelStart)))
            {
                i++;
            }

            if (i == labelStart)
            {
                break;
            }

            labels++;
            lastLabelStart = labelStart;
            end = i;
            if (i + 1 < text.Length && text[i] == '.' && IsWordChar(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        if (labels < 2 || end - lastLabelStart < 2)
        {
            return start;
        }

        foreach (var c in text[lastLabelStart..end])
        {
            if (!IsLetter(c))
            {
                return start;
            }
        }

        return end;
    }

    /// <summary>"#" or "@" followed by letters, digits and underscores, with at least one letter or digit.</summary>
    private static bool TryTag(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        if (start > 0 && IsWordChar(text[start - 1]))
        {
            return false;
        }

        var i = start + 1;
        var hasLetter = false;
        while (i < text.Length && (IsWordChar(text[i]) || text[i] == '_' || (i > start + 1 && IsMark(text[i]))))
        {
            hasLetter |= IsLetter(text[i]);
            i++;
        }

        if (!hasLetter && (text[start] == '#' || i == start + 1))
        {
            return false;
        }

        end = i;
        return true;
    }
}
