using System.Globalization;

namespace Discourse.Ingestion.Extraction;

/// <summary>
/// Parses machine-readable dates from markup (<c>datetime</c>/<c>content</c> attributes, JSON-LD, URLs): ISO 8601 and
/// RFC 1123 forms. An explicit offset is kept (so the local publication day survives); no offset means UTC.
/// </summary>
internal static class MachineDates
{
    private static readonly string[] ExactFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss", "yyyyMMdd",
        "yyyyMMdd'T'HHmmss", "yyyyMMddHHmmss", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss zzz",
        "dd.MM.yyyy", "dd.MM.yyyy HH:mm", "d.M.yyyy", "dd.MM.yyyy HH:mm:ss",
    ];

    /// <summary>Earliest and latest plausible publication years for web pages.</summary>
    private const int MinYear = 1990;
    private const int MaxYear = 2100;

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > 40)
        {
            return null;
        }

        // "+0300" offsets are common in meta tags but not accepted by the parser.
        if (text.Length > 5 && (text[^5] is '+' or '-') && char.IsAsciiDigit(text[^4]) && char.IsAsciiDigit(text[^1]) && text.Contains('T', StringComparison.Ordinal))
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        if (text.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4] + "Z";
        }

        if (DateTimeOffset.TryParseExact(text, ExactFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return Plausible(exact);
        }

        if (char.IsAsciiDigit(text[0]) && text.Length >= 8 && text[4] == '-' &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose))
        {
            return Plausible(loose);
        }

        if (char.IsAsciiLetter(text[0]) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var named))
        {
            return Plausible(named);
        }

        return null;
    }

    /// <summary>A date in a URL path: <c>/2020/09/23/</c>, <c>/2020-09-23</c> or <c>/20200923</c>.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var span = url.AsSpan();
        for (var i = 0; i + 8 <= span.Length; i++)
        {
            if (i > 0 && char.IsAsciiDigit(span[i - 1]))
            {
                continue;
            }

            if (!TryDigits(span, i, 4, out var year) || year < MinYear || year > MaxYear)
            {
                continue;
            }

            var rest = i + 4;
            if (rest < span.Length && span[rest] is '/' or '-' or '_' or '.' &&
                TryDigits(span, rest + 1, 2, out var month) && rest + 3 < span.Length && span[rest + 3] == span[rest] &&
                TryDigits(span, rest + 4, 2, out var day) && (rest + 6 >= span.Length || !char.IsAsciiDigit(span[rest + 6])))
            {
                if (Valid(year, month, day))
                {
                    return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
                }
            }
            else if (TryDigits(span, rest, 2, out month) && TryDigits(span, rest + 2, 2, out day) &&
                     (rest + 4 >= span.Length || !char.IsAsciiDigit(span[rest + 4])) && i > 0 && span[i - 1] is '/' or '-' or '_')
            {
                if (Valid(year, month, day))
                {
                    return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
                }
            }
        }

        return null;
    }

    private static bool Valid(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool TryDigits(ReadOnlySpan<char> span, int start, int count, out int value)
    {
        value = 0;
        if (start + count > span.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(span[i]))
            {
                return false;
            }

            value = (value * 10) + (span[i] - '0');
        }

        return true;
    }

    private static DateTimeOffset? Plausible(DateTimeOffset value) =>
        value.Year is >= MinYear and <= MaxYear ? value : null;
}
