using System.Text.Json;
using Discourse.Dataset;
using Discourse.Parquet;
using Discourse.Testing;

namespace Discourse.Cli.Tests.Commands;

/// <summary>The real <c>discourse run</c>, end to end, on a small config over part of the bundled corpus.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteConfig(string extra = "")
    {
        var corpus = Path.Combine(ReferenceData.RepositoryRoot, "corpora", "site");
        var model = Path.Combine(ReferenceData.RepositoryRoot, "models", "framing-v1.model");
        File.WriteAllText(_dir.File("pipeline.yaml"), $"""
            output: data
            model: '{model}'
            run:
              codec: gzip
              row_group_bytes: 64KiB
            {extra}
            sources:
              - id: mid-press
                type: files
                name: Ministry press service (fictional)
                actor: Russia
                kind: official
                paths: ['{corpus}/mid-press/articles/201[4-6]/**/*.html']
              - id: policy-institute
                type: files
                name: Institute for Policy Analysis (fictional)
                actor: international
                kind: think_tank
                paths: ['{corpus}/policy-institute/articles/**/*.html']
            """);
        return _dir.File("pipeline.yaml");
    }

    [SkippableFact]
    public async Task Run_writes_a_dataset_that_our_reader_and_the_independent_readers_accept_and_a_rerun_adds_nothing()
    {
        WriteConfig();

        var first = await CliProcess.RunAsync(_dir.Path, "run");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("source mid-press: reading (files)", first.Output, StringComparison.Ordinal);
        Assert.Contains("| total ", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", first.Output, StringComparison.Ordinal);
        var files = DatasetLayout.DataFiles(_dir.File("data"));
        Assert.NotEmpty(files);
        var manifestPath = Assert.Single(Directory.GetFiles(_dir.File("data/_runs"), "*.json"));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath)))
        {
            var root = manifest.RootElement;
            Assert.Equal("succeeded", root.GetProperty("status").GetString());
            var rows = root.GetProperty("rows").GetInt64();
            Assert.True(rows >= 24, $"only {rows} rows");
            Assert.Equal(files.Count, root.GetProperty("files").GetArrayLength());
            Assert.Equal(rows, files.Sum(f => { using var r = ParquetFileReader.Open(f); return r.RowCount; }));
        }

        using (var reader = ParquetFileReader.Open(files[0]))
        {
            Assert.Equal(DatasetSchema.Columns.Select(c => c.Name), reader.Schema.Fields.Select(f => f.Name));
            Assert.All(reader.RowGroups.SelectMany(g => g.Columns), c => Assert.Equal("GZIP", c.Codec));
            var row = reader.ReadRows().First();
            Assert.Contains(row[1], new object[] { "mid-press", "policy-institute" });
            Assert.IsType<double>(row[reader.Schema.IndexOf("score_sovereignty")]);
            Assert.IsType<bool>(row[reader.Schema.IndexOf("label_sovereignty")]);
            Assert.Equal(reader.KeyValueMetadata[MetadataKeys.ModelVersion], row[reader.Schema.IndexOf("model_version")]);
        }

        Assert.True(DatasetVerifier.Verify(_dir.File("data")).Ok);
        HivePartitions.Validate(files);

        var verify = await CliProcess.RunAsync(_dir.Path, "dataset", "verify", "data");
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var second = await CliProcess.RunAsync(_dir.Path, "run");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(files, DatasetLayout.DataFiles(_dir.File("data")));
        Assert.Contains("dataset:   0 rows in 0 file(s)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_config_stops_before_anything_is_written()
    {
        WriteConfig("  max_documents: many");

        var result = await CliProcess.RunAsync(_dir.Path, "run");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("pipeline.yaml:6:18: error: 'max_documents' in 'run' is 'many'; expected a whole number.", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("data")));
    }

    [Fact]
    public async Task A_missing_model_is_a_configuration_error()
    {
        WriteConfig();
        File.WriteAllText(_dir.File("pipeline.yaml"), File.ReadAllText(_dir.File("pipeline.yaml")).Replace("framing-v1.model", "absent.model", StringComparison.Ordinal));

        var result = await CliProcess.RunAsync(_dir.Path, "run");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("absent.model", result.Errors, StringComparison.Ordinal);
        Assert.Contains("Fix: set 'model:'", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("data")));
    }

    [Fact]
    public async Task An_unwritable_output_folder_is_a_clear_failure()
    {
        WriteConfig();
        File.WriteAllText(_dir.File("blocked"), "a file, not a folder");

        var result = await CliProcess.RunAsync(_dir.Path, "run", "--output", "blocked/out");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"Cannot create the output folder '{_dir.File("blocked/out")}'", result.Errors, StringComparison.Ordinal);
        Assert.Contains("Fix:", result.Errors, StringComparison.Ordinal);
    }
}
