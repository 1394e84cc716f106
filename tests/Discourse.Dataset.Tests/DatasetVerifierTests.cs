using Discourse.Core.Documents;
using Discourse.Dataset.Runs;
using Discourse.Testing;

namespace Discourse.Dataset.Tests;

public sealed class DatasetVerifierTests : IDisposable
{
    private static readonly RunId Run = RunId.Parse("20241122T074000Z-0001");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private DatasetWriteResult WriteRun()
    {
        using var writer = new DatasetWriter(_dir.Path, Run, new DatasetWriteOptions { RowGroupBytes = 2048 });
        for (var n = 0; n < 40; n++)
        {
            writer.Write(SampleDocuments.Create(n, n % 2 == 0 ? SampleDocuments.Month(2016, 6) : null));
        }

        var result = writer.Complete();
        var recorder = new RunRecorder(["mid-press"]);
        RunManifestStore.Write(_dir.Path, recorder.Build(Runs.RunRecorderTests.Header(), result));
        return result;
    }

    [Fact]
    public void A_sound_dataset_verifies()
    {
        WriteRun();

        var verdict = DatasetVerifier.Verify(_dir.Path);

        Assert.True(verdict.Ok, string.Join("; ", verdict.Files.Select(f => f.Problem).Concat(verdict.Problems)));
        Assert.Equal(2, verdict.Files.Count);
        Assert.Equal(40, verdict.Rows);
        Assert.Empty(verdict.Warnings);
    }

    [Fact]
    public void A_damaged_page_is_found_and_named()
    {
        var result = WriteRun();
        var path = _dir.File(result.Files[0].Path);
        var bytes = File.ReadAllBytes(path);
        // Flip bytes in the middle of the first column chunk's data: page CRCs and decoding must notice.
        for (var i = 200; i < 240; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(path, bytes);

        var verdict = DatasetVerifier.Verify(_dir.Path);

        Assert.False(verdict.Ok);
        var bad = Assert.Single(verdict.Files, f => f.Problem is not null);
        Assert.Equal(path, bad.Path);
    }

    [Fact]
    public void A_truncated_file_is_found()
    {
        var result = WriteRun();
        var path = _dir.File(result.Files[1].Path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var verdict = DatasetVerifier.Verify(_dir.Path);

        Assert.False(verdict.Ok);
        Assert.NotNull(Assert.Single(verdict.Files, f => f.Path == path).Problem);
        Assert.Contains(verdict.Problems, p => p.Contains(result.Files[1].Path, StringComparison.Ordinal) && p.Contains("recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_missing_from_a_manifest_run_is_a_problem_and_an_unlisted_file_a_warning()
    {
        var result = WriteRun();
        File.Move(_dir.File(result.Files[0].Path), _dir.File("documents/moved.parquet"));

        var verdict = DatasetVerifier.Verify(_dir.Path);

        Assert.False(verdict.Ok);
        Assert.Contains(verdict.Problems, p => p.Contains($"{result.Files[0].Path} is listed in 20241122T074000Z-0001.json but missing", StringComparison.Ordinal));
        Assert.Contains(verdict.Warnings, w => w.StartsWith("documents/moved.parquet is not listed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_file_can_be_verified()
    {
        var result = WriteRun();

        var verdict = DatasetVerifier.Verify(_dir.File(result.Files[0].Path));

        Assert.True(verdict.Ok);
        Assert.Equal(result.Files[0].Rows, verdict.Rows);
    }
}
