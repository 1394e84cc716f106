namespace Discourse.Ingestion.Extraction;

/// <summary>Dates written for readers ("23.09.2020", "2020-09-23") inside short texts such as datelines.</summary>
internal static class VisibleDates
{
    public static DateTimeOffset? Find(string text)
    {
        var span = text.AsSpan();
        for (var i = 0; i + 8 <= span.Length; i++)
        {
            if (!char.IsAsciiDigit(span[i]) || (i > 0 && char.IsAsciiDigit(span[i - 1])))
            {
                continue;
            }

            // dd.mm.yyyy, d.m.yyyy or dd/mm/yyyy (day first, as Russian and British pages write it)
            var end = i;
            if (ReadNumber(span, ref end, 2, out var day) && end < span.Length && span[end] is '.' or '/')
            {
                var separator = span[end];
                if (ReadNumber(span, ref end, 2, out var month, skip: 1) && end < span.Length && span[end] == separator &&
                    ReadNumber(span, ref end, 4, out var year, skip: 1, exact: true) && Valid(year, month, day))
                {
                    return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
                }
            }

            end = i;
            if (ReadNumber(span, ref end, 4, out var isoYear, exact: true) && end < span.Length && span[end] == '-' &&
                ReadNumber(span, ref end, 2, out var isoMonth, skip: 1, exact: true) && end < span.Length && span[end] == '-' &&
                ReadNumber(span, ref end, 2, out var isoDay, skip: 1, exact: true) && Valid(isoYear, isoMonth, isoDay))
            {
                return new DateTimeOffset(isoYear, isoMonth, isoDay, 0, 0, 0, TimeSpan.Zero);
            }
        }

        return null;
    }

    private static bool ReadNumber(ReadOnlySpan<char> span, ref int position, int maxDigits, out int value, int skip = 0, bool exact = false)
    {
        position += skip;
        value = 0;
        var digits = 0;
        while (position < span.Length && digits < maxDigits && char.IsAsciiDigit(span[position]))
        {
            value = (value * 10) + (span[position] - '0');
            position++;
            digits++;
        }

        if (position < span.Length && char.IsAsciiDigit(span[position]))
        {
            return false;
        }

        return exact ? digits == maxDigits : digits > 0;
    }

    private static bool Valid(int year, int month, int day) =>
        year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
