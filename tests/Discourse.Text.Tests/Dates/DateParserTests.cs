using System.Globalization;
using Discourse.Testing;
using Discourse.Text.Dates;

namespace Discourse.Text.Tests.Dates;

public class DateParserTests
{
    private static readonly DateTimeOffset Reference = new(2024, 3, 15, 10, 30, 0, TimeSpan.FromHours(3));

    [Theory]
    [InlineData("21 июня 2016 года", "2016-06-21T00:00:00+00:00")]
    [InlineData("21.06.2016", "2016-06-21T00:00:00+00:00")]
    [InlineData("June 21, 2016", "2016-06-21T00:00:00+00:00")]
    [InlineData("21 Jun 2016 14:05", "2016-06-21T14:05:00+00:00")]
    [InlineData("2016-06-21T14:05:00+03:00", "2016-06-21T14:05:00+03:00")]
    [InlineData("2016-06-21T14:05:00.250Z", "2016-06-21T14:05:00.2500000+00:00")]
    [InlineData("2016-06-21 14:05:00 -0500", "2016-06-21T14:05:00-05:00")]
    [InlineData("13 января 2015 г. в 13:34", "2015-01-13T13:34:00+00:00")]
    [InlineData("Вторник, 3 декабря 2019 г., 18:00 МСК", "2019-12-03T18:00:00+03:00")]
    [InlineData("Tuesday, 3rd December 2019, 6.00 pm GMT", "2019-12-03T18:00:00+00:00")]
    [InlineData("Dec. 3, 2019 at 6:00 p.m. EST", "2019-12-03T18:00:00-05:00")]
    [InlineData("1-го декабря 2019", "2019-12-01T00:00:00+00:00")]
    [InlineData("03/12/2019", "2019-03-12T00:00:00+00:00")]
    [InlineData("31/12/2019", "2019-12-31T00:00:00+00:00")]
    [InlineData("12 ноябрь 99", "1999-11-12T00:00:00+00:00")]
    [InlineData("сент. 5, 2020 12:00 UTC+02:00", "2020-09-05T12:00:00+02:00")]
    [InlineData("в понедельник, 21 июня 2021 года в 10 утра", "2021-06-21T10:00:00+00:00")]
    [InlineData("21 июня 2021 года в 7 вечера", "2021-06-21T19:00:00+00:00")]
    [InlineData("Monday, June 21st, 2016 at 2:05 PM UTC", "2016-06-21T14:05:00+00:00")]
    public void Parse_reads_news_date_formats(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), DateParser.Parse(text));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("вчера")]
    [InlineData("3 hours ago")]
    [InlineData("2 дня назад")]
    [InlineData("15 мая")]
    [InlineData("10:04am")]
    public void Parse_needs_a_reference_for_relative_and_partial_dates(string text)
    {
        Assert.Null(DateParser.Parse(text));
        Assert.NotNull(DateParser.Parse(text, Reference));
    }

    [Theory]
    [InlineData("yesterday", "2024-03-14T00:00:00+00:00")]
    [InlineData("позавчера", "2024-03-13T00:00:00+00:00")]
    [InlineData("3 hours ago", "2024-03-15T07:30:00+03:00")]
    [InlineData("час назад", "2024-03-15T09:30:00+03:00")]
    [InlineData("2 дня назад", "2024-03-13T00:00:00+00:00")]
    [InlineData("два дня назад", "2024-03-13T00:00:00+00:00")]
    [InlineData("in 2 weeks", "2024-03-29T00:00:00+00:00")]
    [InlineData("через 5 минут", "2024-03-15T10:35:00+03:00")]
    [InlineData("tomorrow at noon", "2024-03-16T12:00:00+00:00")]
    [InlineData("15 мая", "2024-05-15T00:00:00+00:00")]
    public void Parse_resolves_relative_expressions_against_the_reference(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), DateParser.Parse(text, Reference));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("2016")]
    [InlineData("31.02.2016")]
    [InlineData("21 июня 2016 года было жарко")]
    [InlineData("25:61 21.06.2016")]
    public void Parse_rejects_what_is_not_exactly_one_date(string text)
    {
        Assert.Null(DateParser.Parse(text, Reference));
    }

    [Fact]
    public void FindAll_finds_dates_in_running_text_with_offsets()
    {
        const string text = "Заявление опубликовано 21 июня 2016 года в 14:05, а встреча прошла 20.06.2016. Next round: June 30, 2016.";
        var matches = DateParser.FindAll(text);
        Assert.Equal(
            ["21 июня 2016 года в 14:05", "20.06.2016", "June 30, 2016"],
            matches.Select(m => text.Substring(m.Start, m.Length)));
        Assert.True(matches[0].HasTime);
        Assert.Equal(new DateTimeOffset(2016, 6, 21, 14, 5, 0, TimeSpan.Zero), matches[0].Value);
        Assert.False(matches[1].HasTime);
    }

    [Fact]
    public void FindAll_takes_the_year_of_a_year_less_date_from_the_previous_date()
    {
        var matches = DateParser.FindAll("19 марта 2001 был хороший день. 20 марта тоже.");
        Assert.Equal([new DateTimeOffset(2001, 3, 19, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2001, 3, 20, 0, 0, 0, TimeSpan.Zero)], matches.Select(m => m.Value));
    }

    [Fact]
    public void FindAll_ignores_plain_numbers_and_the_verb_may()
    {
        Assert.Empty(DateParser.FindAll("We may 3 times exceed 2016 units; version 10.5 costs 12 dollars.", Reference));
    }

    [Fact]
    public void FindAll_reports_relative_expressions_only_with_a_reference()
    {
        const string text = "Вчера министр заявил, что 2 дня назад всё было иначе.";
        Assert.Empty(DateParser.FindAll(text));
        Assert.Equal(2, DateParser.FindAll(text, Reference).Count);
    }

    [SkippableFact]
    public void Parse_reads_every_English_and_Russian_dateparser_vector_with_a_year()
    {
        var path = ReferenceData.Require("reference/nlp/dates/dateparser/dates_parsing.tsv");
        var failures = new List<string>();
        var checkedRows = 0;
        foreach (var line in File.ReadLines(path).Where(l => !l.StartsWith('#')))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[0] is not ("English dates" or "Russian dates"))
            {
                continue;
            }

            var expected = DateTime.Parse(fields[2], CultureInfo.InvariantCulture);
            var hasYear = expected.Year != 2012 || fields[1].Contains("2012", StringComparison.Ordinal);
            if (!hasYear)
            {
                continue;
            }

            checkedRows++;
            var actual = DateParser.Parse(fields[1]);
            if (actual?.DateTime != expected)
            {
                failures.Add($"{fields[1]} -> {actual?.ToString("o", CultureInfo.InvariantCulture) ?? "null"}, expected {fields[2]}");
            }
        }

        Assert.True(checkedRows >= 40, $"only {checkedRows} rows with a year were found in {path}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void FindAll_finds_the_publication_date_of_every_Cyrillic_htmldate_page()
    {
        var folder = ReferenceData.Require("reference/nlp/dates/html_cyrillic");
        var manifest = ReferenceData.Require("reference/nlp/dates/cyrillic_pages_date_strings.tsv");
        var expected = File.ReadLines(manifest).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => DateOnly.Parse(g.First()[1], CultureInfo.InvariantCulture));
        var failures = new List<string>();
        foreach (var (file, date) in expected)
        {
            var text = HtmlPageText.Read(Path.Combine(folder, file));
            var found = DateParser.FindAll(text).Select(m => DateOnly.FromDateTime(m.Value.DateTime)).ToHashSet();
            if (!found.Contains(date))
            {
                failures.Add($"{file}: {date} not among {found.Count} dates found");
            }
        }

        Assert.True(expected.Count >= 12, $"only {expected.Count} pages listed in {manifest}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
