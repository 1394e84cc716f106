namespace Discourse.Text.Dates;

/// <summary>How complete a parsed date expression is.</summary>
internal enum DateExpressionKind
{
    /// <summary>Day, month and year were all written.</summary>
    Full,

    /// <summary>Day and month were written; the year came from the context or the reference time.</summary>
    YearInferred,

    /// <summary>Month and year only ("June 2016"): the first of the month.</summary>
    MonthYear,

    /// <summary>A time of day only, on the reference date.</summary>
    TimeOnly,

    /// <summary>Relative to the reference time ("yesterday", "3 hours ago").</summary>
    Relative,
}

/// <summary>The result of parsing a run of tokens as one date expression.</summary>
internal readonly record struct ParsedDate(DateTimeOffset Value, bool HasTime, DateExpressionKind Kind);

/// <summary>
/// Parses a run of <see cref="DateToken"/>s as a single date expression: every token must be a date part, a time, a
/// time zone, a weekday, a relative phrase or a joining word/punctuation, otherwise the run is not a date.
/// </summary>
internal ref struct DateExpression
{
    private readonly List<DateToken> tokens;
    private readonly int last;
    private readonly bool dayFirstSlashes;
    private int? day;
    private int? month;
    private int? year;
    private bool twoDigitYear;
    private int? hour;
    private int minute;
    private int second;
    private long fractionTicks;
    private bool? afternoon;
    private int? offsetMinutes;
    private int? dayShift;
    private (RelativeUnit Unit, int Amount)? relative;

    private DateExpression(List<DateToken> tokens, int last, bool dayFirstSlashes)
    {
        this.tokens = tokens;
        this.last = last;
        this.dayFirstSlashes = dayFirstSlashes;
    }

    /// <summary>
    /// Parses <paramref name="tokens"/>[<paramref name="first"/>..<paramref name="last"/>] (inclusive).
    /// </summary>
    /// <param name="tokens">Tokens of the whole text.</param>
    /// <param name="first">First token of the expression.</param>
    /// <param name="last">Last token of the expression.</param>
    /// <param name="reference">Reference time for relative expressions, year-less dates and bare times.</param>
    /// <param name="contextYear">Year for day-month expressions (from an earlier full date), before the reference's.</param>
    /// <param name="dayFirstSlashes">Read 01/02/2016 as day/month (Russian) rather than month/day (US English).</param>
    public static ParsedDate? Parse(List<DateToken> tokens, int first, int last, DateTimeOffset? reference, int? contextYear, bool dayFirstSlashes)
    {
        var expression = new DateExpression(tokens, last, dayFirstSlashes);
        return expression.Consume(first) ? expression.Build(reference, contextYear) : null;
    }

    private readonly DateToken At(int i) => tokens[i];

    private readonly bool Has(int i) => i <= last;

    private bool Consume(int first)
    {
        var i = first;
        while (i <= last)
        {
            var token = At(i);
            int next;
            switch (token.Kind)
            {
                case DateTokenKind.Number: next = ConsumeNumber(i); break;
                case DateTokenKind.Word: next = ConsumeWord(i); break;
                default: next = ConsumePunctuation(i); break;
            }

            if (next <= i)
            {
                return false;
            }

            i = next;
        }

        return true;
    }

    private int ConsumeNumber(int i)
    {
        var token = At(i);
        if (token.Length > 4)
        {
            return -1;
        }

        if (TryNumericDate(i, out var afterDate))
        {
            return afterDate;
        }

        if (TryTime(i, out var afterTime))
        {
            return afterTime;
        }

        if (TryRelative(i, token.Value, out var afterRelative))
        {
            return afterRelative;
        }

        // Ordinal day: "9th", "22nd", "1-го", "21-е".
        if (Has(i + 1) && At(i + 1).IsWordToken && !At(i + 1).SpaceBefore && DateVocabulary.OrdinalSuffixes.Contains(At(i + 1).Text))
        {
            return SetDay(token.Value) ? i + 2 : -1;
        }

        if (Has(i + 2) && At(i + 1).Is('-') && !At(i + 1).SpaceBefore && At(i + 2).IsWordToken && !At(i + 2).SpaceBefore
            && DateVocabulary.OrdinalSuffixes.Contains(At(i + 2).Text))
        {
            return SetDay(token.Value) ? i + 3 : -1;
        }

        // "1 a.m", "10 pm": an hour alone before am/pm.
        if (hour is null && token.Length <= 2 && (AmPmAt(i + 1, out _, out _) || (Has(i + 1) && At(i + 1).Text is "утра" or "вечера" or "ночи" or "дня" && !IsUnitPhrase(i))))
        {
            hour = token.Value;
            return i + 1;
        }

        if (token.Length == 4)
        {
            if (year is not null || token.Value is < 1000 or > 2999)
            {
                return -1;
            }

            year = token.Value;
            return i + 1;
        }

        if (token.Length <= 2 && day is null && token.Value is >= 1 and <= 31)
        {
            day = token.Value;
            return i + 1;
        }

        if (token.Length == 2 && year is null && month is not null && day is not null)
        {
            year = token.Value;
            twoDigitYear = true;
            return i + 1;
        }

        return -1;
    }

    /// <summary>True when the number at <paramref name="i"/> starts "2 дня назад" rather than "2 дня" as 2 p.m.</summary>
    private readonly bool IsUnitPhrase(int i) =>
        Has(i + 2) && (At(i + 2).IsWord("назад") || At(i + 2).IsWord("ago")) || (i > 0 && tokens[i - 1].IsWord("через"));

    private bool SetDay(int value)
    {
        if (day is not null || value is < 1 or > 31)
        {
            return false;
        }

        day = value;
        return true;
    }

    /// <summary>d.m.y, d-m-y, m/d/y (or d/m/y), y-m-d; the separators may have spaces around dots ("26 . 10.21").</summary>
    private bool TryNumericDate(int i, out int next)
    {
        next = -1;
        if (!Has(i + 4) || day is not null || month is not null || year is not null)
        {
            return false;
        }

        var separator = At(i + 1);
        if (separator.Kind != DateTokenKind.Punctuation || separator.Text[0] is not ('.' or '/' or '-')
            || !At(i + 2).IsNumber || !At(i + 3).Is(separator.Text[0]) || !At(i + 4).IsNumber)
        {
            return false;
        }

        var sep = separator.Text[0];
        if (sep != '.' && (separator.SpaceBefore || At(i + 2).SpaceBefore || At(i + 3).SpaceBefore || At(i + 4).SpaceBefore))
        {
            return false;
        }

        var a = At(i);
        var b = At(i + 2);
        var c = At(i + 4);
        if (a.Length == 4)
        {
            if (b.Length > 2 || c.Length > 2)
            {
                return false;
            }

            (year, month, day) = (a.Value, b.Value, c.Value);
        }
        else if (a.Length <= 2 && b.Length <= 2 && c.Length is 2 or 4)
        {
            var monthFirst = sep == '/' && (b.Value > 12 || (a.Value <= 12 && !dayFirstSlashes));
            (day, month) = monthFirst ? (b.Value, a.Value) : (a.Value, b.Value);
            year = c.Value;
            twoDigitYear = c.Length == 2;
        }
        else
        {
            return false;
        }

        next = i + 5;
        return true;
    }

    /// <summary>H:MM[:SS[.fff]], "10h11", and H.MM right after a complete date ("29.02.2020 13.12").</summary>
    private bool TryTime(int i, out int next)
    {
        next = -1;
        var h = At(i);
        if (hour is not null || h.Length > 2 || h.Value > 24 || !Has(i + 2) || !At(i + 2).IsNumber || At(i + 2).Length != 2)
        {
            return false;
        }

        var separator = At(i + 1);
        var colon = separator.Is(':');
        var letterH = separator.IsWord("h") && !separator.SpaceBefore && !At(i + 2).SpaceBefore;
        var dot = separator.Is('.') && !separator.SpaceBefore && !At(i + 2).SpaceBefore && day is not null && month is not null && year is not null;
        if (!colon && !letterH && !dot)
        {
            return false;
        }

        hour = h.Value;
        minute = At(i + 2).Value;
        next = i + 3;
        if (colon && Has(i + 4) && At(i + 3).Is(':') && At(i + 4).IsNumber && At(i + 4).Length == 2)
        {
            second = At(i + 4).Value;
            next = i + 5;
            if (Has(i + 6) && (At(i + 5).Is('.') || At(i + 5).Is(',')) && !At(i + 5).SpaceBefore && At(i + 6).IsNumber && !At(i + 6).SpaceBefore)
            {
                var digits = At(i + 6).Text.Length > 7 ? At(i + 6).Text[..7] : At(i + 6).Text;
                fractionTicks = long.Parse(digits.PadRight(7, '0'), System.Globalization.CultureInfo.InvariantCulture);
                next = i + 7;
            }
        }

        return true;
    }

    /// <summary>"3 hours ago", "2 дня назад", "in 5 minutes", "через 2 часа", "a week ago", "час назад".</summary>
    private bool TryRelative(int i, int amount, out int next)
    {
        next = -1;
        if (relative is not null || dayShift is not null || !Has(i + 1) || !At(i + 1).IsWordToken
            || !DateVocabulary.Units.TryGetValue(At(i + 1).Text, out var unit))
        {
            return false;
        }

        var before = i > 0 ? tokens[i - 1] : default;
        if (Has(i + 2) && (At(i + 2).IsWord("ago") || At(i + 2).IsWord("назад")))
        {
            relative = (unit, -amount);
            next = i + 3;
            return true;
        }

        if (before.IsWord("in") || before.IsWord("через"))
        {
            relative = (unit, amount);
            next = i + 2;
            return true;
        }

        return false;
    }

    private readonly bool AmPmAt(int i, out bool pm, out int next)
    {
        pm = false;
        next = -1;
        if (!Has(i) || !At(i).IsWordToken)
        {
            return false;
        }

        var text = At(i).Text;
        if (text is "am" or "pm")
        {
            pm = text == "pm";
            next = i + 1;
            if (Has(i + 1) && At(i + 1).Is('.') && !At(i + 1).SpaceBefore)
            {
                next++;
            }

            return true;
        }

        if (text is "a" or "p" && Has(i + 2) && At(i + 1).Is('.') && At(i + 2).IsWord("m") && !At(i + 2).SpaceBefore)
        {
            pm = text == "p";
            next = i + 3;
            if (Has(i + 3) && At(i + 3).Is('.') && !At(i + 3).SpaceBefore)
            {
                next++;
            }

            return true;
        }

        return false;
    }

    private int ConsumeWord(int i)
    {
        var text = At(i).Text;
        if (DateVocabulary.Months.TryGetValue(text, out var monthNumber) && !(Has(i + 1) && At(i + 1).IsWordToken && DateVocabulary.Units.ContainsKey(At(i + 1).Text)))
        {
            if (month is not null)
            {
                return -1;
            }

            month = monthNumber;
            return i + 1;
        }

        if (AmPmAt(i, out var pm, out var afterAmPm))
        {
            if (hour is null || afternoon is not null)
            {
                return -1;
            }

            afternoon = pm;
            return afterAmPm;
        }

        if (hour is not null && afternoon is null && text is "утра" or "ночи" or "дня" or "вечера")
        {
            afternoon = text is "дня" or "вечера";
            return i + 1;
        }

        if (DateVocabulary.Weekdays.Contains(text))
        {
            return i + 1;
        }

        if (text is "noon" or "полдень" or "midday")
        {
            return SetTime(12) ? i + 1 : -1;
        }

        if (text is "midnight" or "полночь")
        {
            return SetTime(0) ? i + 1 : -1;
        }

        if (DateVocabulary.TimeZones.TryGetValue(text, out var zone) && (hour is not null || text is "gmt" or "utc"))
        {
            if (offsetMinutes is not null)
            {
                return -1;
            }

            offsetMinutes = zone;
            return i + 1;
        }

        int? shift = text switch
        {
            "today" or "сегодня" => 0,
            "yesterday" or "вчера" => -1,
            "tomorrow" or "завтра" => 1,
            "позавчера" => -2,
            "послезавтра" => 2,
            _ => null,
        };
        if (shift is not null)
        {
            if (dayShift is not null || relative is not null)
            {
                return -1;
            }

            dayShift = shift;
            return i + 1;
        }

        if (text is "in" or "через" && Has(i + 1))
        {
            return i + 1;
        }

        if (DateVocabulary.NumberWords.TryGetValue(text, out var amount) && TryRelative(i, amount, out var afterRelative))
        {
            return afterRelative;
        }

        // A unit alone counts one: "час назад", "через минуту".
        if (relative is null && dayShift is null && DateVocabulary.Units.TryGetValue(text, out var unit))
        {
            if (Has(i + 1) && (At(i + 1).IsWord("ago") || At(i + 1).IsWord("назад")))
            {
                relative = (unit, -1);
                return i + 2;
            }

            if (i > 0 && tokens[i - 1].IsWord("через"))
            {
                relative = (unit, 1);
                return i + 1;
            }
        }

        if (DateVocabulary.Fillers.Contains(text))
        {
            return i + 1;
        }

        return -1;
    }

    private bool SetTime(int value)
    {
        if (hour is not null)
        {
            return false;
        }

        hour = value;
        minute = 0;
        afternoon = null;
        return true;
    }

    private int ConsumePunctuation(int i)
    {
        var c = At(i).Text[0];
        if (c is '+' or '-' or '\u2212' && hour is not null && Has(i + 1) && At(i + 1).IsNumber && !At(i + 1).SpaceBefore
            && (offsetMinutes is null or 0) && TryOffset(i, c == '+' ? 1 : -1, out var afterOffset))
        {
            return afterOffset;
        }

        return c is ',' or '.' or '/' or '-' or '(' or ')' or '[' or ']' or '|' or '\u2013' or '\u2014' or ':' or '«' or '»' or '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or ';'
            ? i + 1
            : -1;
    }

    /// <summary>"+03:00", "+0300", "+03", "-5" after a time, or after GMT/UTC ("GMT+3").</summary>
    private bool TryOffset(int i, int sign, out int next)
    {
        next = -1;
        var number = At(i + 1);
        int hours, minutes = 0;
        next = i + 2;
        if (number.Length == 4)
        {
            hours = number.Value / 100;
            minutes = number.Value % 100;
        }
        else if (number.Length <= 2)
        {
            hours = number.Value;
            if (Has(i + 3) && At(i + 2).Is(':') && At(i + 3).IsNumber && At(i + 3).Length == 2 && !At(i + 2).SpaceBefore)
            {
                minutes = At(i + 3).Value;
                next = i + 4;
            }
        }
        else
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offsetMinutes = sign * ((hours * 60) + minutes);
        return true;
    }

    private readonly ParsedDate? Build(DateTimeOffset? reference, int? contextYear)
    {
        var h = hour;
        if (h is not null && afternoon is not null)
        {
            if (h is < 1 or > 12)
            {
                return null;
            }

            h = afternoon.Value ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        }

        if (h is not null && (h > 23 || minute > 59 || second > 59))
        {
            if (!(h == 24 && minute == 0 && second == 0))
            {
                return null;
            }
        }

        var hasDate = day is not null || month is not null || year is not null;
        if (relative is not null || dayShift is not null)
        {
            return hasDate || reference is null ? null : BuildRelative(reference.Value, h);
        }

        var offset = TimeSpan.FromMinutes(offsetMinutes ?? 0);
        if (!hasDate)
        {
            if (h is null || reference is null)
            {
                return null;
            }

            var local = reference.Value.ToOffset(offset);
            return Make(local.Year, local.Month, local.Day, h, offset, DateExpressionKind.TimeOnly);
        }

        if (month is null)
        {
            return null;
        }

        var fullYear = year;
        if (fullYear is not null && twoDigitYear)
        {
            fullYear += fullYear < 50 ? 2000 : 1900;
        }

        if (day is null)
        {
            return fullYear is null || h is not null ? null : Make(fullYear.Value, month.Value, 1, null, offset, DateExpressionKind.MonthYear);
        }

        if (fullYear is null)
        {
            var inferred = contextYear ?? reference?.Year;
            return inferred is null ? null : Make(inferred.Value, month.Value, day.Value, h, offset, DateExpressionKind.YearInferred);
        }

        return Make(fullYear.Value, month.Value, day.Value, h, offset, DateExpressionKind.Full);
    }

    private readonly ParsedDate? Make(int y, int m, int d, int? h, TimeSpan offset, DateExpressionKind kind)
    {
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        if (h is null)
        {
            return new ParsedDate(new DateTimeOffset(y, m, d, 0, 0, 0, offset), false, kind);
        }

        var value = new DateTimeOffset(y, m, d, 0, 0, 0, offset)
            .AddHours(h.Value).AddMinutes(minute).AddSeconds(second).AddTicks(fractionTicks);
        return new ParsedDate(value, true, kind);
    }

    private readonly ParsedDate? BuildRelative(DateTimeOffset reference, int? h)
    {
        if (relative is { } rel)
        {
            if (rel.Unit is RelativeUnit.Second or RelativeUnit.Minute or RelativeUnit.Hour)
            {
                if (h is not null)
                {
                    return null;
                }

                var instant = rel.Unit switch
                {
                    RelativeUnit.Second => reference.AddSeconds(rel.Amount),
                    RelativeUnit.Minute => reference.AddMinutes(rel.Amount),
                    _ => reference.AddHours(rel.Amount),
                };
                return new ParsedDate(instant, true, DateExpressionKind.Relative);
            }

            var date = DateOnly.FromDateTime(reference.DateTime);
            date = rel.Unit switch
            {
                RelativeUnit.Day => date.AddDays(rel.Amount),
                RelativeUnit.Week => date.AddDays(7 * rel.Amount),
                RelativeUnit.Month => date.AddMonths(rel.Amount),
                _ => date.AddYears(rel.Amount),
            };
            return FromDate(date, h);
        }

        return FromDate(DateOnly.FromDateTime(reference.DateTime).AddDays(dayShift!.Value), h);
    }

    private readonly ParsedDate? FromDate(DateOnly date, int? h) =>
        Make(date.Year, date.Month, date.Day, h, TimeSpan.FromMinutes(offsetMinutes ?? 0), DateExpressionKind.Relative);
}
