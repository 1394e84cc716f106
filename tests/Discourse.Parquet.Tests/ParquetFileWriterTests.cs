using Discourse.Testing;

namespace Discourse.Parquet.Tests;

public sealed class ParquetFileWriterTests
{
    private static ParquetSchema DocumentSchema() => new ParquetSchemaBuilder()
        .String("doc_id")
        .String("title", optional: true)
        .Int32("words")
        .Int64("bytes", optional: true)
        .Boolean("is_duplicate")
        .Double("score", optional: true)
        .Timestamp("published_at", optional: true)
        .Date("day", optional: true)
        .List("tags", ParquetElementType.String, optional: true, elementOptional: true)
        .Build();

    private static object?[][] DocumentRows(int count) => Enumerable.Range(0, count).Select(i => new object?[]
    {
        $"doc-{i:D6}",
        i % 7 == 0 ? null : i % 2 == 0 ? $"Заголовок номер {i}" : $"Title number {i}",
        i * 3,
        i % 5 == 0 ? null : (long)i * 1_000_000_007L,
        i % 3 == 0,
        i % 11 == 0 ? null : i / 7.0,
        i % 13 == 0 ? null : new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i * 3671.5),
        i % 17 == 0 ? null : new DateOnly(2020, 2, 29).AddDays(i),
        (i % 4) switch
        {
            0 => null,
            1 => Array.Empty<string>(),
            2 => new[] { "sovereignty", i % 8 == 2 ? "" : "суверенитет" },
            _ => new string?[] { "non_aggression", null, $"tag-{i % 50}" },
        },
    }).ToArray();

    [Fact]
    public void Rows_written_are_read_back_exactly()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.File("docs.parquet");
        var rows = DocumentRows(2500);
        Write(path, DocumentSchema(), rows, new ParquetWriteOptions { PageBytes = 8 * 1024, RowGroupBytes = 64 * 1024 });

        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(rows.Length, reader.RowCount);
        Assert.True(reader.RowGroups.Count > 1, "the small RowGroupBytes should split the file into several row groups");
        var read = reader.ReadRows().ToList();
        Assert.Equal(rows.Length, read.Count);
        for (var r = 0; r < rows.Length; r++)
        {
            AssertRowEqual(rows[r], read[r]);
        }

        reader.Verify();
    }

    [SkippableFact]
    public void Independent_readers_read_the_file_identically()
    {
        ParquetCheck.Require();
        using var dir = new TemporaryDirectory();
        var snappy = dir.File("docs-snappy.parquet");
        var gzip = dir.File("docs-gzip.parquet");
        var rows = DocumentRows(3000);
        Write(snappy, DocumentSchema(), rows, new ParquetWriteOptions { PageBytes = 16 * 1024, RowGroupBytes = 256 * 1024 });
        Write(gzip, DocumentSchema(), rows, new ParquetWriteOptions { Codec = ParquetCodec.Gzip, Dictionary = false });

        var result = ParquetCheck.Validate(snappy, gzip);

        Assert.Equal(result.Files[0].DuckDbChecksum, result.Files[1].DuckDbChecksum);
    }

    [Fact]
    public void A_bad_value_is_rejected_naming_the_column_and_the_row_is_not_written()
    {
        using var stream = new MemoryStream();
        using var writer = new ParquetFileWriter(stream, new ParquetSchemaBuilder().String("name").Int32("count", optional: true).Build());
        writer.WriteRow(["first", 1]);

        Assert.Contains("'name' is required", Assert.Throws<ArgumentException>(() => writer.WriteRow([null, 2])).Message, StringComparison.Ordinal);
        Assert.Contains("'count'", Assert.Throws<ArgumentException>(() => writer.WriteRow(["x", 2L])).Message, StringComparison.Ordinal);
        Assert.Contains("surrogate", Assert.Throws<ArgumentException>(() => writer.WriteRow(["ok 🙂 then broken \uD800 text", 3])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => writer.WriteRow(["too few"]));
        writer.WriteRow(["second", null]);
        writer.Complete();

        stream.Position = 0;
        using var reader = ParquetFileReader.Open(stream);
        Assert.Equal(new[] { "first", "second" }, reader.ReadRows().Select(r => (string)r[0]!).ToArray());
    }

    [Fact]
    public void Footer_carries_key_value_metadata_and_codec()
    {
        using var stream = new MemoryStream();
        var metadata = new Dictionary<string, string> { ["discourse.schema_version"] = "1", ["discourse.run_id"] = "run-42" };
        using (var writer = new ParquetFileWriter(stream, new ParquetSchemaBuilder().Int64("n").Build(), new ParquetWriteOptions { Codec = ParquetCodec.Gzip, KeyValueMetadata = metadata }))
        {
            writer.WriteRow([1L]);
            writer.Complete();
        }

        stream.Position = 0;
        using var reader = ParquetFileReader.Open(stream);
        Assert.Equal("run-42", reader.KeyValueMetadata["discourse.run_id"]);
        Assert.Equal("1", reader.KeyValueMetadata["discourse.schema_version"]);
        Assert.Equal("GZIP", Assert.Single(Assert.Single(reader.RowGroups).Columns).Codec);
        Assert.StartsWith("discourse-parquet version", reader.CreatedBy, StringComparison.Ordinal);
    }

    internal static void Write(string path, ParquetSchema schema, IEnumerable<object?[]> rows, ParquetWriteOptions? options = null)
    {
        using var stream = File.Create(path);
        using var writer = new ParquetFileWriter(stream, schema, options);
        foreach (var row in rows)
        {
            writer.WriteRow(row);
        }

        writer.Complete();
    }

    internal static void AssertRowEqual(object?[] expected, object?[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var c = 0; c < expected.Length; c++)
        {
            AssertValueEqual(expected[c], actual[c]);
        }
    }

    internal static void AssertValueEqual(object? expected, object? actual)
    {
        switch (expected)
        {
            case null:
                Assert.Null(actual);
                break;
            case byte[] bytes:
                Assert.Equal(bytes, Assert.IsType<byte[]>(actual));
                break;
            case string:
                Assert.Equal(expected, actual);
                break;
            case System.Collections.IEnumerable list:
                var actualList = Assert.IsAssignableFrom<IReadOnlyList<object?>>(actual);
                var expectedList = list.Cast<object?>().ToList();
                Assert.Equal(expectedList.Count, actualList.Count);
                for (var i = 0; i < expectedList.Count; i++)
                {
                    AssertValueEqual(expectedList[i], actualList[i]);
                }

                break;
            case double d:
                Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(Assert.IsType<double>(actual)));
                break;
            case float f:
                Assert.Equal(BitConverter.SingleToInt32Bits(f), BitConverter.SingleToInt32Bits(Assert.IsType<float>(actual)));
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
