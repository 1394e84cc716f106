using Discourse.Core.Documents;
using Discourse.Testing;

namespace Discourse.Dataset.Tests;

public sealed class DatasetLayoutTests
{
    [Fact]
    public void Partition_is_the_publication_month_in_utc()
    {
        Assert.Equal("year=2016/month=06", DatasetLayout.Partition(new DateTimeOffset(2016, 6, 21, 10, 0, 0, TimeSpan.FromHours(3))));
        // 23:30 on 30 June at UTC-2 is already July in UTC.
        Assert.Equal("year=2016/month=07", DatasetLayout.Partition(new DateTimeOffset(2016, 6, 30, 23, 30, 0, TimeSpan.FromHours(-2))));
        // 01:00 on 1 January in Moscow is still December of the year before in UTC.
        Assert.Equal("year=2013/month=12", DatasetLayout.Partition(new DateTimeOffset(2014, 1, 1, 1, 0, 0, TimeSpan.FromHours(3))));
    }

    [Fact]
    public void Undated_documents_go_to_the_hive_default_partition() =>
        Assert.Equal("year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__", DatasetLayout.Partition(null));

    [Fact]
    public void File_names_carry_the_run_id_and_temporary_names_are_hidden()
    {
        var runId = RunId.Parse("20261122T074000Z-3f9a");

        Assert.Equal("part-20261122T074000Z-3f9a-2.parquet", DatasetLayout.FileName(runId, 2));
        Assert.Equal(".part-20261122T074000Z-3f9a-2.parquet.tmp", DatasetLayout.TemporaryFileName(runId, 2));
        Assert.Equal("_runs/20261122T074000Z-3f9a.json", DatasetLayout.ManifestPath(runId));
    }

    [Fact]
    public void Data_files_skip_temporary_hidden_and_underscore_entries()
    {
        using var dir = new TemporaryDirectory();
        foreach (var file in new[]
        {
            "documents/year=2016/month=06/part-a-0.parquet",
            "documents/year=2016/month=06/.part-b-0.parquet.tmp",
            "documents/year=2016/month=06/.hidden.parquet",
            "documents/.staging/part-c-0.parquet",
            "_runs/x.parquet",
            "documents/year=2015/month=01/part-a-0.parquet",
        })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(file))!);
            File.WriteAllBytes(dir.File(file), []);
        }

        Assert.Equal(
            [dir.File("documents/year=2015/month=01/part-a-0.parquet"), dir.File("documents/year=2016/month=06/part-a-0.parquet")],
            DatasetLayout.DataFiles(dir.Path));
        Assert.Equal([dir.File("_runs/x.parquet")], DatasetLayout.DataFiles(dir.File("_runs/x.parquet")));
        Assert.Throws<DatasetException>(() => DatasetLayout.DataFiles(dir.File("absent")));
    }
}
