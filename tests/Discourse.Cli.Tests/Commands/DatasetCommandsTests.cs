using Discourse.Core.Documents;
using Discourse.Dataset;
using Discourse.Testing;

namespace Discourse.Cli.Tests.Commands;

public sealed class DatasetCommandsTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private DatasetWriteResult WriteDataset()
    {
        using var writer = new DatasetWriter(_dir.File("out"), RunId.Parse("20241122T074000Z-00aa"), new DatasetWriteOptions());
        for (var n = 0; n < 12; n++)
        {
            writer.Write(new LabelledDocument(
                new Document
                {
                    DocId = $"{n:x16}",
                    Source = new SourceInfo("s", "Source", "RU", SourceKind.StateMedia),
                    Url = $"https://s.example/{n}",
                    Lang = "ru",
                    Title = $"Заголовок {n}",
                    Text = new string('ж', 200),
                    PublishedAt = n % 3 == 0 ? null : new DateTimeOffset(2020, 1 + (n % 2), 5, 0, 0, 0, TimeSpan.Zero),
                    FetchedAt = new DateTimeOffset(2024, 11, 22, 7, 40, 0, TimeSpan.Zero),
                    ContentSha256 = new string('c', 64),
                },
                [],
                null));
        }

        return writer.Complete();
    }

    [Fact]
    public async Task Inspect_prints_schema_metadata_row_groups_and_first_rows()
    {
        WriteDataset();

        var result = await CliProcess.RunAsync(_dir.Path, "dataset", "inspect", "out", "--rows", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("schema (26 columns", result.Output, StringComparison.Ordinal);
        Assert.Contains("published_at: Timestamp(Micros, UTC)?", result.Output, StringComparison.Ordinal);
        Assert.Contains("discourse.schema_version = 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("files (3):", result.Output, StringComparison.Ordinal);
        Assert.Contains("codec SNAPPY", result.Output, StringComparison.Ordinal);
        Assert.Contains("row group 0: 4 rows", result.Output, StringComparison.Ordinal);
        Assert.Contains("rows: 12", result.Output, StringComparison.Ordinal);
        Assert.Contains("-- row 2 (documents/year=2020/month=01/", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("-- row 3", result.Output, StringComparison.Ordinal);
        Assert.Contains("title: \"Заголовок", result.Output, StringComparison.Ordinal);
        Assert.Contains("(200 chars)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_passes_a_sound_dataset_and_fails_a_damaged_file()
    {
        var written = WriteDataset();

        var sound = await CliProcess.RunAsync(_dir.Path, "dataset", "verify", "out");

        Assert.True(sound.ExitCode == 0, sound.ToString());
        Assert.Contains("3 file(s), 12 rows: all sound", sound.Output, StringComparison.Ordinal);

        var damaged = _dir.File("out/" + written.Files[1].Path);
        var bytes = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, bytes[..^20]);

        var broken = await CliProcess.RunAsync(_dir.Path, "dataset", "verify", "out");

        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains($"FAIL  {written.Files[1].Path}", broken.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_bad_usage()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "dataset", "verify", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'nowhere' is neither a Parquet file nor a folder", result.Errors, StringComparison.Ordinal);
    }
}
