using System.Buffers;
using System.Text;

namespace Discourse.Text;

/// <summary>
/// The matching form of text: NFKC, lower case (invariant), ё→е, one form for quotes (<c>"</c> and <c>'</c>), dashes
/// (<c>-</c>) and spaces (U+0020; line breaks stay <c>\n</c>/<c>\r</c>), with soft hyphens and zero-width characters
/// removed. Documents keep their original text; this form is only for comparing and counting words.
/// </summary>
public static class TextNormalizer
{
    private const int StackLimit = 512;

    /// <summary>Returns the matching form of <paramref name="text"/> (the same instance when it is already in that form).</summary>
    /// <param name="text">Any text.</param>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAlreadyNormal(text))
        {
            return text;
        }

        char[]? rented = null;
        var buffer = text.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var written = MapChars(text, buffer, out var needsCompatibility);
            var mapped = buffer[..written];
            if (!needsCompatibility)
            {
                return mapped.SequenceEqual(text) ? text : new string(mapped);
            }

            var composed = new string(mapped).Normalize(NormalizationForm.FormKC);
            return MapString(composed);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Writes the matching form of <paramref name="text"/> into <paramref name="destination"/>; allocation-free unless
    /// the text holds compatibility characters (ligatures, full-width forms, combining accents) that need NFKC.
    /// </summary>
    /// <param name="text">Any text, typically one token.</param>
    /// <param name="destination">Where the matching form goes.</param>
    /// <param name="written">How many chars were written.</param>
    /// <returns>False when <paramref name="destination"/> is too small (nothing useful is written then).</returns>
    public static bool TryNormalize(ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        if (destination.Length < text.Length)
        {
            written = 0;
            return false;
        }

        written = MapChars(text, destination, out var needsCompatibility);
        if (!needsCompatibility)
        {
            return true;
        }

        var composed = MapString(new string(destination[..written]).Normalize(NormalizationForm.FormKC));
        if (composed.Length > destination.Length)
        {
            written = 0;
            return false;
        }

        composed.CopyTo(destination);
        written = composed.Length;
        return true;
    }

    /// <summary>Whether <paramref name="c"/> is dropped from the matching form (soft hyphen, zero-width, BOM).</summary>
    internal static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E' or '\u034F';

    /// <summary>Whether <paramref name="c"/> is a dash or hyphen other than ASCII '-'.</summary>
    internal static bool IsDash(char c) =>
        c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u2043' or '\uFE58'
            or '\uFE63' or '\uFF0D';

    /// <summary>Whether <paramref name="c"/> is an apostrophe or single quotation mark (any form).</summary>
    internal static bool IsApostrophe(char c) =>
        c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u00B4' or '`' or '\uFF07';

    /// <summary>Whether <paramref name="c"/> is a double quotation mark or guillemet (any form).</summary>
    internal static bool IsDoubleQuote(char c) =>
        c is '"' or '\u00AB' or '\u00BB' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u2039'
            or '\u203A' or '\u301D' or '\u301E' or '\u301F' or '\uFF02';

    private static string MapString(string text)
    {
        if (IsAlreadyNormal(text))
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var written = MapChars(text, buffer, out _);
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool IsAlreadyNormal(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 0x7F || c is (>= 'A' and <= 'Z') or '\t' or '\v' or '\f' or '`')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="c"/> is certainly unchanged by NFKC when followed by plain characters.</summary>
    private static bool IsCompatibilityStable(char c) =>
        c < 0xA0 || (c >= 0xC0 && c <= 0xFF) || (c >= 0x0400 && c <= 0x0482) || (c >= 0x048A && c <= 0x04FF);

    private static int MapChars(ReadOnlySpan<char> source, Span<char> destination, out bool needsCompatibility)
    {
        needsCompatibility = false;
        var n = 0;
        foreach (var original in source)
        {
            var c = original;
            if (c < 0x80)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    c = (char)(c + 32);
                }
                else if (c is '\t' or '\v' or '\f')
                {
                    c = ' ';
                }
                else if (c == '`')
                {
                    c = '\'';
                }

                destination[n++] = c;
                continue;
            }

            if (c is >= '\u0410' and <= '\u044F')
            {
                // Basic Cyrillic А-я: the common case in Russian text, lower-cased without a table lookup.
                destination[n++] = c <= '\u042F' ? (char)(c + 0x20) : c;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000')
            {
                c = ' ';
            }
            else if (c is '\u2028' or '\u2029' or '\u0085')
            {
                c = '\n';
            }
            else if (IsDash(c))
            {
                c = '-';
            }
            else if (IsApostrophe(c))
            {
                c = '\'';
            }
            else if (IsDoubleQuote(c))
            {
                c = '"';
            }
            else
            {
                c = char.ToLowerInvariant(c);
                if (c == 'ё')
                {
                    c = 'е';
                }
                else if (!IsCompatibilityStable(c))
                {
                    needsCompatibility = true;
                }
            }

            destination[n++] = c;
        }

        return n;
    }
}
