using Discourse.Cli.Commands;
using Discourse.Text;

namespace Discourse.Cli.Tests.Commands;

public sealed class TextCommandsTests
{
    private static string Filter(string input, Func<string, string> transform)
    {
        using var reader = new StringReader(input);
        using var writer = new StringWriter { NewLine = "\n" };
        Assert.Equal(0, TextCommands.Run(reader, writer, transform));
        return writer.ToString();
    }

    [Fact]
    public void Writes_one_line_per_input_line_including_empty_lines()
    {
        var output = Filter("one two\n\nthree\n", line => TextCommands.FormatTokens(line, withKinds: false));
        Assert.Equal("one\ttwo\n\nthree\n", output);
    }

    [Fact]
    public void Prints_offsets_and_kinds_on_request()
    {
        Assert.Equal("0:8:Word:COVID-19\t9:1:Punctuation:!", TextCommands.FormatTokens("COVID-19 !", withKinds: true));
    }

    [Fact]
    public void Stems_only_the_words_of_a_line()
    {
        Assert.Equal("суверенитет\tгосударств", TextCommands.StemWords("Суверенитета, 2016 государства!", Stemmers.Russian));
    }

    [Fact]
    public void Prints_sentences_tab_separated()
    {
        Assert.Equal("Он приехал в г. Москву.\tТам он остался.", TextCommands.FormatSentences("Он приехал в г. Москву. Там\tон остался.", "ru"));
        Assert.Equal("It works.\tYes.", TextCommands.FormatSentences("It works. Yes.", "en"));
    }

    [Fact]
    public void Keeps_a_multi_line_result_on_one_line()
    {
        Assert.Equal("a b c", TextCommands.OneLine("a\r\nb\nc"));
    }

    [Fact]
    public async Task Text_command_is_registered_and_reads_standard_input()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "text", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tokenize", result.Output, StringComparison.Ordinal);
        Assert.Contains("stem", result.Output, StringComparison.Ordinal);
        Assert.Contains("sentences", result.Output, StringComparison.Ordinal);
    }
}
