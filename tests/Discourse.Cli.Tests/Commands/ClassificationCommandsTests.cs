using System.Text.Json;
using Discourse.Testing;

namespace Discourse.Cli.Tests.Commands;

public sealed class ClassificationCommandsTests : IDisposable
{
    private static readonly string Model = Path.Combine(ReferenceData.RepositoryRoot, "models", "framing-v1.model");

    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Line(string id, string lang, string text) =>
        JsonSerializer.Serialize(new { id, lang, text, note = "kept" });

    [Fact]
    public async Task Classify_writes_every_object_back_with_scores_labels_evidence_and_the_model_version()
    {
        File.WriteAllLines(_dir.File("in.jsonl"),
        [
            Line("a", "en", "The minister said the state must keep full control over the national internet segment and the data of its citizens."),
            string.Empty,
            Line("b", "ru", "Министр сказал, что урожай пшеницы в этом году оказался выше прошлогоднего."),
        ]);

        var result = await CliProcess.RunAsync(_dir.Path, "classify", "--input", "in.jsonl", "--output", "out.jsonl", "--model", Model);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 objects classified", result.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(_dir.File("out.jsonl"));
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("kept", first.RootElement.GetProperty("note").GetString());
        Assert.StartsWith("framing-v1.", first.RootElement.GetProperty("model_version").GetString(), StringComparison.Ordinal);
        foreach (var name in new[] { "sovereignty", "non_aggression", "anti_western_media" })
        {
            Assert.InRange(first.RootElement.GetProperty("scores").GetProperty(name).GetDouble(), 0, 1);
            Assert.Equal(0, second.RootElement.GetProperty("labels").GetProperty(name).GetInt32());
            Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("evidence").GetProperty(name).ValueKind);
        }

        Assert.Equal(1, first.RootElement.GetProperty("labels").GetProperty("sovereignty").GetInt32());
        Assert.StartsWith("The minister said", first.RootElement.GetProperty("evidence").GetProperty("sovereignty").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_writes_the_same_file_in_input_order_whatever_the_number_of_threads()
    {
        // More lines than one batch (1,024), so batches follow each other as well as running in parallel.
        string[] texts =
        [
            "The ministry called for a binding code of conduct under which states pledge not to attack each other's networks.",
            "Западные СМИ ведут против нас информационную войну.",
            "The harvest was larger than last year.",
            "Государство должно обеспечить суверенитет национального сегмента интернета.",
        ];
        File.WriteAllLines(_dir.File("in.jsonl"), Enumerable.Range(0, 1100).Select(i => Line($"n{i}", i % 2 == 0 ? "en" : "ru", texts[i % texts.Length] + " " + i)));

        var one = await CliProcess.RunAsync(_dir.Path, "classify", "--input", "in.jsonl", "--output", "one.jsonl", "--threads", "1", "--model", Model);
        var three = await CliProcess.RunAsync(_dir.Path, "classify", "--input", "in.jsonl", "--output", "three.jsonl", "--threads", "3", "--model", Model);
        var none = await CliProcess.RunAsync(_dir.Path, "classify", "--input", "in.jsonl", "--output", "none.jsonl", "--threads", "0", "--model", Model);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(three.ExitCode == 0, three.ToString());
        var lines = File.ReadAllLines(_dir.File("one.jsonl"));
        Assert.Equal(1100, lines.Length);
        Assert.Equal(lines, File.ReadAllLines(_dir.File("three.jsonl")));
        for (var i = 0; i < lines.Length; i += 137)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal($"n{i}", line.RootElement.GetProperty("id").GetString());
        }

        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("--threads", none.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("none.jsonl")));
    }

    [Fact]
    public async Task Classify_stops_at_a_bad_line_naming_it_and_leaves_an_existing_output_untouched()
    {
        File.WriteAllLines(_dir.File("in.jsonl"), [Line("a", "en", "A statement."), "{\"id\": \"b\", \"text\": 42}"]);
        File.WriteAllText(_dir.File("out.jsonl"), "earlier results\n");

        var result = await CliProcess.RunAsync(_dir.Path, "classify", "--input", "in.jsonl", "--output", "out.jsonl", "--model", Model);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("in.jsonl:2", result.Errors, StringComparison.Ordinal);
        Assert.Contains("\"text\"", result.Errors, StringComparison.Ordinal);
        Assert.Equal("earlier results\n", File.ReadAllText(_dir.File("out.jsonl")));
        Assert.False(File.Exists(_dir.File("out.jsonl.tmp")), "the partial output must not be left behind");
    }

    [Fact]
    public async Task A_missing_input_or_model_is_a_usage_error_that_says_which_path()
    {
        File.WriteAllLines(_dir.File("in.jsonl"), [Line("a", "en", "A statement.")]);

        var noInput = await CliProcess.RunAsync(_dir.Path, "classify", "--input", "absent.jsonl", "--output", "out.jsonl", "--model", Model);
        var noModel = await CliProcess.RunAsync(_dir.Path, "classify", "--input", "in.jsonl", "--output", "out.jsonl", "--model", "absent.model");

        Assert.True(noInput.ExitCode == 2, noInput.ToString());
        Assert.Contains("absent.jsonl", noInput.Errors, StringComparison.Ordinal);
        Assert.True(noModel.ExitCode == 2, noModel.ToString());
        Assert.Contains("absent.model", noModel.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("out.jsonl")));
    }

    [Theory]
    [InlineData("--char-min", "9", "char-min ≤ char-max")]
    [InlineData("--min-df", "0", "--min-df 1 or more")]
    [InlineData("--hash-bits", "30", "hash bits must be 10–24")]
    public async Task Train_rejects_an_unusable_option_value_before_reading_the_corpus_and_writes_no_model(string option, string value, string hint)
    {
        var result = await CliProcess.RunAsync(_dir.Path, "train", "--corpus", "absent-corpus", "--out", "m.model", option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(hint, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("m.model")));
    }

    [Fact]
    public async Task Explain_lists_weighted_features_per_framing()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "explain", "--text", "Западные СМИ ведут информационную войну против нашей страны.", "--top", "3", "--model", Model);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3 * 4, lines.Length);
        Assert.StartsWith("sovereignty: score ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("anti_western_media: score ", lines[8], StringComparison.Ordinal);
        Assert.Contains("(threshold ", lines[8], StringComparison.Ordinal);
        Assert.Matches(@"^\s+[+-]\d+\.\d{3}\s+(word|bigram|chars):", lines[9]);
    }

    [Fact]
    public async Task Evaluate_reports_per_framing_figures_and_macro_f1()
    {
        File.WriteAllLines(_dir.File("gold.jsonl"),
        [
            JsonSerializer.Serialize(new { id = "p1", lang = "en", text = "The state must control its national internet.", labels = new { sovereignty = 1, non_aggression = 0, anti_western_media = 0 }, source = "test" }),
            JsonSerializer.Serialize(new { id = "p2", lang = "en", text = "Wheat prices rose this spring.", labels = new { sovereignty = 0, non_aggression = 0, anti_western_media = 0 }, source = "test" }),
        ]);

        var result = await CliProcess.RunAsync(_dir.Path, "evaluate", "--input", "gold.jsonl", "--json", "--model", Model);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(result.Output);
        Assert.InRange(report.RootElement.GetProperty("macro_f1").GetDouble(), 0, 1);
        var sovereignty = report.RootElement.GetProperty("per_label").GetProperty("sovereignty");
        Assert.Equal(1, sovereignty.GetProperty("all").GetProperty("support").GetInt32());
        Assert.Equal(2, sovereignty.GetProperty("en").GetProperty("passages").GetInt32());
        Assert.NotEqual(0, report.RootElement.GetProperty("calibration").GetArrayLength());
    }
}
