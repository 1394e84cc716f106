using Discourse.Cli.Commands;

namespace Discourse.Cli.Tests.Commands;

public sealed class TextLanguageCommandsTests
{
    [Fact]
    public void Langid_prints_the_code_first_then_the_confidence()
    {
        var fields = TextLanguageCommands.FormatLanguage("Министр заявил, что переговоры возобновятся.").Split('\t');
        Assert.Equal("ru", fields[0]);
        Assert.InRange(double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), 0.5, 1.0);
    }

    [Fact]
    public void Dates_prints_date_only_and_timed_matches_in_ISO_8601()
    {
        Assert.Equal(
            "2016-06-21\t2015-01-13T13:34:00+00:00",
            TextLanguageCommands.FormatDates("Опубликовано 21.06.2016, обновлено 13 января 2015 г. в 13:34", null));
    }

    [Fact]
    public void Dates_resolves_relative_expressions_with_a_reference()
    {
        var reference = new DateTimeOffset(2024, 3, 15, 10, 0, 0, TimeSpan.FromHours(3));
        Assert.Equal("2024-03-14", TextLanguageCommands.FormatDates("Это случилось вчера.", reference));
        Assert.Equal(string.Empty, TextLanguageCommands.FormatDates("Это случилось вчера.", null));
    }

    [Fact]
    public async Task Langid_and_dates_are_text_subcommands()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "text", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("langid", result.Output, StringComparison.Ordinal);
        Assert.Contains("dates", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_rejects_a_reference_that_is_not_a_date()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "text", "dates", "--reference", "last tuesday");
        Assert.Equal(2, result.ExitCode);
    }
}
