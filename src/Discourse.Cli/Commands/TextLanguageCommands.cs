using System.CommandLine;
using System.Globalization;
using System.Text;
using Discourse.Text.Dates;
using Discourse.Text.Languages;

namespace Discourse.Cli.Commands;

/// <summary>
/// <c>discourse text langid</c> and <c>discourse text dates</c>: language identification and date finding, line by
/// line on standard input, one output line per input line (subcommands of <see cref="TextCommands"/>).
/// </summary>
internal static class TextLanguageCommands
{
    /// <summary><c>text langid</c>: "code&lt;TAB&gt;confidence" for each line.</summary>
    internal static Command LangidCommand()
    {
        var command = new Command("langid", "Print each line's language (en, ru or other) and its confidence, tab-separated.");
        command.SetAction(_ => TextCommands.RunOnStandardStreams(FormatLanguage));
        return command;
    }

    /// <summary><c>text dates [--reference ISO]</c>: the ISO 8601 dates found in each line, tab-separated.</summary>
    internal static Command DatesCommand()
    {
        var command = new Command("dates", "Print the dates found in each line as ISO 8601 (date only, or date and time with offset), tab-separated; an empty line when none.");
        var reference = new Option<string>("--reference", "-r")
        {
            Description = "Reference time for relative and year-less dates (\"yesterday\", \"2 дня назад\", \"15 мая\"), ISO 8601, e.g. 2024-03-15T10:30:00+03:00.",
        };
        command.Options.Add(reference);
        command.SetAction(r =>
        {
            var text = r.GetValue(reference);
            DateTimeOffset? referenceTime = null;
            if (text is not null)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    Console.Error.WriteLine($"--reference: '{text}' is not an ISO 8601 date/time; write it like 2024-03-15 or 2024-03-15T10:30:00+03:00.");
                    return ExitCodes.BadUsageOrConfig;
                }

                referenceTime = parsed;
            }

            return TextCommands.RunOnStandardStreams(line => FormatDates(line, referenceTime));
        });
        return command;
    }

    /// <summary>"code&lt;TAB&gt;confidence" (confidence with four decimals).</summary>
    internal static string FormatLanguage(string line)
    {
        var guess = LanguageIdentifier.Identify(line);
        return string.Create(CultureInfo.InvariantCulture, $"{guess.Code}\t{guess.Confidence:0.0000}");
    }

    /// <summary>The dates of <paramref name="line"/> as ISO 8601, tab-separated: yyyy-MM-dd, or with time and offset.</summary>
    internal static string FormatDates(string line, DateTimeOffset? reference)
    {
        var builder = new StringBuilder();
        foreach (var match in DateParser.FindAll(line, reference))
        {
            if (builder.Length > 0)
            {
                builder.Append('\t');
            }

            builder.Append(match.HasTime
                ? match.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)
                : match.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
