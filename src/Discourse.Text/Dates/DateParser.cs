namespace Discourse.Text.Dates;

/// <summary>
/// Reads English and Russian dates as news and official sites write them: "21 июня 2016 года", "21.06.2016",
/// "June 21, 2016", "21 Jun 2016 14:05", ISO 8601 with offsets, "13 января 2015 г. в 13:34", and, when a reference
/// time is given, relative expressions ("yesterday", "вчера", "3 hours ago", "2 дня назад").
/// </summary>
/// <remarks>
/// Time-zone rule: an explicit offset or zone ("+03:00", "Z", "GMT", "MSK") is kept in the returned
/// <see cref="DateTimeOffset"/> (callers convert to UTC for storage); a time without an offset is taken as UTC; a date
/// without a time is 00:00 UTC. Relative expressions with a time unit ("3 hours ago") keep the reference's offset;
/// day-level ones ("yesterday") give the reference's calendar date shifted, at 00:00 UTC.
/// Numeric dates: dots and dashes are day.month.year ("21.06.2016"); slashes are month/day/year unless the first
/// number exceeds 12 or the text is Cyrillic; a four-digit first number is year-month-day. Two-digit years below 50
/// are 20xx, others 19xx. Dates without a year take the reference's year (in <see cref="FindAll"/>, first the year
/// of the last full date found earlier in the text), and are not returned without one.
/// </remarks>
public static class DateParser
{
    // The longest expression ("Wednesday, 22nd June, 2016, 12.16 pm.") is well under this many tokens.
    private const int MaxExpressionTokens = 24;

    /// <summary>Parses <paramref name="text"/> as one date expression (the whole string must be the date).</summary>
    /// <param name="text">The date string, e.g. "21 июня 2016 года" or "2016-06-21T14:05:00+03:00".</param>
    /// <param name="reference">Reference time for relative expressions, year-less dates and bare times.</param>
    /// <returns>The instant, or null when the string is not a date this parser understands.</returns>
    public static DateTimeOffset? Parse(string text, DateTimeOffset? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = DateToken.Tokenize(text);
        if (tokens.Count == 0 || tokens.Count > MaxExpressionTokens * 2)
        {
            return null;
        }

        return DateExpression.Parse(tokens, 0, tokens.Count - 1, reference, null, HasCyrillic(text))?.Value;
    }

    /// <summary>Finds every date expression inside free text, left to right, longest first.</summary>
    /// <param name="text">Any text (a page, a paragraph, a line).</param>
    /// <param name="reference">Reference time for relative expressions and year-less dates.</param>
    /// <returns>Matches in text order; they never overlap.</returns>
    public static IReadOnlyList<DateMatch> FindAll(string text, DateTimeOffset? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = DateToken.Tokenize(text);
        var dayFirst = HasCyrillic(text);
        var matches = new List<DateMatch>();
        int? contextYear = null;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!CanStart(tokens, i, text))
            {
                i++;
                continue;
            }

            var end = RunEnd(tokens, i, text);
            var found = false;
            for (var j = end; j >= i; j--)
            {
                var parsed = DateExpression.Parse(tokens, i, j, reference, contextYear, dayFirst);
                if (parsed is not { } date || date.Kind is DateExpressionKind.MonthYear or DateExpressionKind.TimeOnly)
                {
                    continue;
                }

                var last = TrimEnd(tokens, i, j);
                matches.Add(new DateMatch(tokens[i].Start, tokens[last].End - tokens[i].Start, date.Value, date.HasTime));
                if (date.Kind == DateExpressionKind.Full)
                {
                    contextYear = date.Value.Year;
                }

                i = j + 1;
                found = true;
                break;
            }

            if (!found)
            {
                i++;
            }
        }

        return matches;
    }

    private static bool HasCyrillic(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tokens that can begin a date: a short number, a month, a weekday or a relative word.</summary>
    private static bool CanStart(List<DateToken> tokens, int i, string text)
    {
        var token = tokens[i];
        if (token.IsNumber)
        {
            return token.Length <= 4;
        }

        if (!token.IsWordToken)
        {
            return false;
        }

        var word = token.Text;
        if (DateVocabulary.Months.ContainsKey(word))
        {
            // English "may" is a month only when capitalised ("May 5"), never the verb.
            return word != "may" || char.IsUpper(text[token.Start]);
        }

        if (DateVocabulary.Weekdays.Contains(word) || DateVocabulary.Units.ContainsKey(word)
            || word is "today" or "yesterday" or "tomorrow" or "сегодня" or "вчера" or "завтра" or "позавчера" or "послезавтра" or "через" or "in")
        {
            return true;
        }

        return DateVocabulary.NumberWords.ContainsKey(word) && i + 1 < tokens.Count && DateVocabulary.Units.ContainsKey(tokens[i + 1].Text);
    }

    /// <summary>The last token a date starting at <paramref name="start"/> could reach: stops at line breaks and foreign words.</summary>
    private static int RunEnd(List<DateToken> tokens, int start, string text)
    {
        var end = start;
        for (var k = start + 1; k < tokens.Count && k < start + MaxExpressionTokens; k++)
        {
            var token = tokens[k];
            if (token.LineBreakBefore || (token.IsNumber && token.Length > 4))
            {
                break;
            }

            if (token.IsWordToken && !IsDateWord(token.Text, text, token))
            {
                break;
            }

            end = k;
        }

        return end;
    }

    private static bool IsDateWord(string word, string text, DateToken token) =>
        (DateVocabulary.Months.ContainsKey(word) && (word != "may" || char.IsUpper(text[token.Start])))
        || DateVocabulary.Weekdays.Contains(word) || DateVocabulary.Fillers.Contains(word) || DateVocabulary.TimeZones.ContainsKey(word)
        || DateVocabulary.Units.ContainsKey(word) || DateVocabulary.OrdinalSuffixes.Contains(word) || DateVocabulary.NumberWords.ContainsKey(word)
        || word is "am" or "pm" or "a" or "p" or "m" or "h" or "noon" or "midnight" or "midday" or "полдень" or "полночь" or "ago" or "назад"
            or "утра" or "ночи" or "дня" or "вечера" or "in" or "через"
            or "today" or "yesterday" or "tomorrow" or "сегодня" or "вчера" or "завтра" or "позавчера" or "послезавтра";

    /// <summary>Drops trailing punctuation and joining words from a match (but keeps the dot of "г.").</summary>
    private static int TrimEnd(List<DateToken> tokens, int start, int end)
    {
        while (end > start)
        {
            var token = tokens[end];
            var abbreviationDot = token.Is('.') && (tokens[end - 1].IsWord("г") || tokens[end - 1].IsWord("гг") || (tokens[end - 1].IsWord("m") && end - 2 >= start && tokens[end - 2].Is('.')));
            var trailing = (token.Kind == DateTokenKind.Punctuation && !abbreviationDot)
                || token.Text is "at" or "on" or "the" or "of" or "в" or "во" or "t" or "от";
            if (!trailing)
            {
                break;
            }

            end--;
        }

        return end;
    }
}
