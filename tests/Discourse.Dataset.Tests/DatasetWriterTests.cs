using Discourse.Core.Documents;
using Discourse.Parquet;
using Discourse.Testing;

namespace Discourse.Dataset.Tests;

public sealed class DatasetWriterTests : IDisposable
{
    private static readonly RunId Run1 = RunId.Parse("20241122T074000Z-0001");
    private static readonly RunId Run2 = RunId.Parse("20241123T074000Z-0002");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static DatasetWriteOptions Options(int maxOpenFiles = 8, long rowGroupBytes = 128L * 1024 * 1024, Func<string, Stream>? open = null)
    {
        var options = new DatasetWriteOptions { ModelVersion = "framing-1.0.0", SoftwareVersion = "9.9.9-test", MaxOpenFiles = maxOpenFiles, RowGroupBytes = rowGroupBytes };
        return open is null ? options : new DatasetWriteOptions
        {
            ModelVersion = options.ModelVersion,
            SoftwareVersion = options.SoftwareVersion,
            MaxOpenFiles = maxOpenFiles,
            RowGroupBytes = rowGroupBytes,
            OpenFile = open,
        };
    }

    private static List<LabelledDocument> Mixed() =>
    [
        SampleDocuments.Create(1, SampleDocuments.Month(2016, 6)),
        SampleDocuments.Create(2, null),
        SampleDocuments.Create(3, SampleDocuments.Month(2016, 6, 30)),
        SampleDocuments.Create(4, SampleDocuments.Month(2024, 10), classified: false),
        SampleDocuments.Create(5, SampleDocuments.Month(2014, 1, 1), duplicateOf: "0000000000000001"),
    ];

    private IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir.Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    private IEnumerable<string> ParquetFiles() => AllFiles().Where(f => f.EndsWith(".parquet", StringComparison.Ordinal));

    private IEnumerable<string> TemporaryFiles() => AllFiles().Where(f => f.EndsWith(".tmp", StringComparison.Ordinal));

    [Fact]
    public void Writes_one_file_per_month_and_only_publishes_on_complete()
    {
        var documents = Mixed();
        DatasetWriteResult result;
        using (var writer = new DatasetWriter(_dir.Path, Run1, Options()))
        {
            foreach (var document in documents)
            {
                writer.Write(document);
            }

            Assert.Empty(ParquetFiles());
            Assert.Equal(4, TemporaryFiles().Count());
            result = writer.Complete();
        }

        Assert.Empty(TemporaryFiles());
        Assert.Equal(
            [
                "documents/year=2014/month=01/part-20241122T074000Z-0001-0.parquet",
                "documents/year=2016/month=06/part-20241122T074000Z-0001-0.parquet",
                "documents/year=2024/month=10/part-20241122T074000Z-0001-0.parquet",
                "documents/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-20241122T074000Z-0001-0.parquet",
            ],
            ParquetFiles());
        Assert.Equal(ParquetFiles(), result.Files.Select(f => f.Path));
        Assert.Equal(5, result.Rows);
        Assert.Equal([1L, 2L, 1L, 1L], result.Files.Select(f => f.Rows));
        Assert.All(result.Files, f => Assert.Equal(new FileInfo(_dir.File(f.Path)).Length, f.Bytes));
    }

    [Fact]
    public void Files_read_back_with_the_values_written_and_the_metadata()
    {
        var documents = Mixed();
        using (var writer = new DatasetWriter(_dir.Path, Run1, Options()))
        {
            documents.ForEach(writer.Write);
            writer.Complete();
        }

        var rows = new List<object?[]>();
        foreach (var file in DatasetLayout.DataFiles(_dir.Path))
        {
            using var reader = ParquetFileReader.Open(file);
            Assert.Equal(DatasetSchema.Columns.Select(c => c.Name), reader.Schema.Fields.Select(f => f.Name));
            Assert.Equal(DatasetSchema.Version, reader.KeyValueMetadata[MetadataKeys.SchemaVersion]);
            Assert.Equal("9.9.9-test", reader.KeyValueMetadata[MetadataKeys.SoftwareVersion]);
            Assert.Equal(Run1.Value, reader.KeyValueMetadata[MetadataKeys.RunId]);
            Assert.Equal("framing-1.0.0", reader.KeyValueMetadata[MetadataKeys.ModelVersion]);
            Assert.EndsWith(reader.KeyValueMetadata[MetadataKeys.Partition], Path.GetDirectoryName(file)!.Replace('\\', '/'), StringComparison.Ordinal);
            rows.AddRange(reader.ReadRows());
        }

        var expected = documents.Select(d => DatasetSchema.ToRow(d, Run1)).OrderBy(r => (string)r[0]!, StringComparer.Ordinal).ToList();
        var actual = rows.OrderBy(r => (string)r[0]!, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [SkippableFact]
    public void Files_pass_the_independent_readers()
    {
        using (var writer = new DatasetWriter(_dir.Path, Run1, Options(rowGroupBytes: 600)))
        {
            for (var n = 0; n < 60; n++)
            {
                writer.Write(SampleDocuments.Create(n, n % 7 == 0 ? null : SampleDocuments.Month(2014 + (n % 3), 1 + (n % 12)), classified: n % 9 != 0));
            }

            writer.Complete();
        }

        HivePartitions.Validate(DatasetLayout.DataFiles(_dir.Path));
    }

    [Fact]
    public void Dispose_without_complete_leaves_nothing_behind()
    {
        using (var writer = new DatasetWriter(_dir.Path, Run1, Options()))
        {
            Mixed().ForEach(writer.Write);
        }

        Assert.Empty(ParquetFiles());
        Assert.Empty(TemporaryFiles());
    }

    [Fact]
    public void A_stream_failing_mid_write_gives_a_clear_error_no_partial_file_and_keeps_earlier_runs()
    {
        using (var first = new DatasetWriter(_dir.Path, Run1, Options()))
        {
            Mixed().ForEach(first.Write);
            first.Complete();
        }

        var before = ParquetFiles().ToDictionary(f => f, f => File.ReadAllBytes(_dir.File(f)));
        var failing = Options(rowGroupBytes: 512, open: path => new FailingStream(new FileStream(path, FileMode.CreateNew), failAfterBytes: 3000));
        var ex = Assert.Throws<DatasetException>(() =>
        {
            using var writer = new DatasetWriter(_dir.Path, Run2, failing);
            for (var n = 0; n < 200; n++)
            {
                writer.Write(SampleDocuments.Create(n, SampleDocuments.Month(2016, 6)));
            }

            writer.Complete();
        });

        Assert.Contains("disk full (injected)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(".part-20241123T074000Z-0002-0.parquet.tmp", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", ex.Message, StringComparison.Ordinal);
        Assert.Empty(TemporaryFiles());
        Assert.Equal(before.Keys, ParquetFiles());
        Assert.All(before, pair => Assert.Equal(pair.Value, File.ReadAllBytes(_dir.File(pair.Key))));
    }

    [Fact]
    public void A_second_run_adds_files_beside_the_first()
    {
        foreach (var run in new[] { Run1, Run2 })
        {
            using var writer = new DatasetWriter(_dir.Path, run, Options());
            Mixed().ForEach(writer.Write);
            writer.Complete();
        }

        Assert.Equal(8, ParquetFiles().Count());
        Assert.Equal(4, ParquetFiles().Count(f => f.Contains(Run2.Value, StringComparison.Ordinal)));
    }

    [Fact]
    public void Few_open_files_split_a_partition_into_several_parts_without_losing_rows()
    {
        DatasetWriteResult result;
        using (var writer = new DatasetWriter(_dir.Path, Run1, Options(maxOpenFiles: 2)))
        {
            for (var n = 0; n < 30; n++)
            {
                writer.Write(SampleDocuments.Create(n, SampleDocuments.Month(2020, 1 + (n % 3))));
            }

            result = writer.Complete();
        }

        Assert.True(result.Files.Count > 3, string.Join(", ", result.Files.Select(f => f.Path)));
        Assert.Equal(30, result.Rows);
        Assert.Equal(30, DatasetLayout.DataFiles(_dir.Path).Sum(f => { using var r = ParquetFileReader.Open(f); return r.ReadRows().Count(); }));
        Assert.Contains("documents/year=2020/month=01/part-20241122T074000Z-0001-1.parquet", result.Files.Select(f => f.Path));
    }

    [Fact]
    public void Only_one_writer_may_hold_a_dataset_folder()
    {
        using (var writer = new DatasetWriter(_dir.Path, Run1, Options()))
        {
            var ex = Assert.Throws<DatasetException>(() => new DatasetWriter(_dir.Path, Run2, Options()));
            Assert.Contains("Another discourse run is writing", ex.Message, StringComparison.Ordinal);
            Assert.Contains("--output", ex.Fix, StringComparison.Ordinal);
        }

        using var next = new DatasetWriter(_dir.Path, Run2, Options());
        Assert.Equal(0, next.Complete().Rows);
    }

    [Fact]
    public void An_output_path_below_a_file_is_a_clear_error()
    {
        File.WriteAllText(_dir.File("not-a-folder"), "x");

        var ex = Assert.Throws<DatasetException>(() => new DatasetWriter(_dir.File("not-a-folder/out"), Run1, Options()));

        Assert.Contains("Cannot create the output folder", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.File("not-a-folder/out"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Temporary_files_of_a_killed_run_are_removed_and_counted()
    {
        var stale = _dir.File("documents/year=2016/month=06/.part-20200101T000000Z-dead-0.parquet.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "PAR1 half a file");

        using var writer = new DatasetWriter(_dir.Path, Run1, Options());

        Assert.False(File.Exists(stale));
        Assert.Equal(1, writer.Complete().StaleTemporaryFilesRemoved);
    }

    [Fact]
    public void Writing_after_complete_is_refused()
    {
        using var writer = new DatasetWriter(_dir.Path, Run1, Options());
        writer.Complete();

        Assert.Throws<InvalidOperationException>(() => writer.Write(SampleDocuments.Create(1, null)));
    }

    /// <summary>A stream that throws like a full disk once a number of bytes went through.</summary>
    private sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > failAfterBytes)
            {
                throw new IOException("No space left on device: disk full (injected)");
            }

            inner.Write(buffer);
            _written += buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
