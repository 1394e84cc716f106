using System.CommandLine;
using System.Text;
using Discourse.Text;

namespace Discourse.Cli.Commands;

/// <summary>
/// <c>discourse text …</c>: inspect the text layer. Every subcommand reads standard input line by line and writes
/// exactly one output line per input line (fields separated by tabs), so any reference file can be piped through it.
/// </summary>
internal static class TextCommands
{
    internal static Command Create()
    {
        var text = new Command("text", "Inspect the text layer (reads standard input line by line, writes one output line per input line).");
        foreach (var subcommand in Subcommands())
        {
            text.Subcommands.Add(subcommand);
        }

        return text;
    }

    /// <summary>The subcommands, one small factory each (language identification and dates add theirs here).</summary>
    private static IEnumerable<Command> Subcommands() =>
    [
        TokenizeCommand(),
        SentencesCommand(),
        StemCommand(),
        TextLanguageCommands.LangidCommand(),
        TextLanguageCommands.DatesCommand(),
    ];

    /// <summary>The <c>--lang</c> option: which language's rules apply.</summary>
    internal static Option<string> LangOption() => new("--lang", "-l")
    {
        Description = "Language of the input: en or ru (anything else uses the English rules, and no stemming).",
        DefaultValueFactory = _ => "en",
    };

    private static Command TokenizeCommand()
    {
        var command = new Command("tokenize", "Print each line's tokens, tab-separated; --kinds adds each token's kind and offset (start:length:kind:text).");
        var kinds = new Option<bool>("--kinds") { Description = "Print start:length:kind:text for each token." };
        command.Options.Add(kinds);
        command.SetAction(r =>
        {
            var withKinds = r.GetValue(kinds);
            return RunOnStandardStreams(line => FormatTokens(line, withKinds));
        });
        return command;
    }

    private static Command SentencesCommand()
    {
        var command = new Command("sentences", "Print each line's sentences, tab-separated (tabs and line breaks inside a sentence become spaces).");
        var lang = LangOption();
        command.Options.Add(lang);
        command.SetAction(r =>
        {
            var language = r.GetValue(lang) ?? "en";
            return RunOnStandardStreams(line => FormatSentences(line, language));
        });
        return command;
    }

    private static Command StemCommand()
    {
        var command = new Command("stem", "Print the Snowball stems of each line's words (normalised, lower-cased), tab-separated.");
        var lang = LangOption();
        var wholeLine = new Option<bool>("--whole-line")
        {
            Description = "Treat each line as one word, as Snowball's voc.txt files are (no tokenising).",
        };
        command.Options.Add(lang);
        command.Options.Add(wholeLine);
        command.SetAction(r =>
        {
            var stemmer = Stemmers.For(r.GetValue(lang));
            return r.GetValue(wholeLine)
                ? RunOnStandardStreams(line => stemmer.Stem(TextNormalizer.Normalize(line)))
                : RunOnStandardStreams(line => StemWords(line, stemmer));
        });
        return command;
    }

    /// <summary>Tokens of <paramref name="line"/> as tab-separated text, optionally with offsets and kinds.</summary>
    internal static string FormatTokens(string line, bool withKinds)
    {
        var builder = new StringBuilder(line.Length * 2);
        foreach (var token in Tokenizer.Tokenize(line))
        {
            if (builder.Length > 0)
            {
                builder.Append('\t');
            }

            if (withKinds)
            {
                builder.Append(token.Start).Append(':').Append(token.Length).Append(':').Append(token.Kind).Append(':');
            }

            builder.Append(token.Slice(line));
        }

        return builder.ToString();
    }

    /// <summary>Sentences of <paramref name="line"/>, tab-separated, each on one line.</summary>
    internal static string FormatSentences(string line, string lang) =>
        string.Join('\t', SentenceSplitter.Split(line, lang).Select(s => OneLine(s.Of(line).Replace('\t', ' '))));

    /// <summary>Stems of the word tokens of <paramref name="line"/>, tab-separated.</summary>
    internal static string StemWords(string line, IStemmer stemmer)
    {
        var stems = Tokenizer.Tokenize(line)
            .Where(t => t.Kind == TokenKind.Word)
            .Select(t => stemmer.Stem(TextNormalizer.Normalize(line.Substring(t.Start, t.Length))));
        return string.Join('\t', stems);
    }

    /// <summary>
    /// Applies <paramref name="transform"/> to every line of standard input and writes one line per input line to
    /// standard output (UTF-8, LF). Tabs and line breaks inside a result would break the one-line-per-line contract, so
    /// callers return fields already joined with tabs and nothing else.
    /// </summary>
    internal static int RunOnStandardStreams(Func<string, string> transform)
    {
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
        {
            NewLine = "\n",
            AutoFlush = !Console.IsInputRedirected,
        };
        return Run(input, output, transform);
    }

    /// <summary>Line-by-line filter behind every subcommand; one output line per input line, always.</summary>
    internal static int Run(TextReader input, TextWriter output, Func<string, string> transform)
    {
        while (input.ReadLine() is { } line)
        {
            output.WriteLine(OneLine(transform(line)));
        }

        output.Flush();
        return ExitCodes.Success;
    }

    /// <summary>Keeps a result on one line: line breaks inside a field become spaces.</summary>
    internal static string OneLine(string result) =>
        result.AsSpan().IndexOfAny('\n', '\r') < 0 ? result : result.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
