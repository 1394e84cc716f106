using Discourse.Testing;
using Xunit.Abstractions;

namespace Discourse.Parquet.Tests;

/// <summary>
/// Walks the whole of ../shared/reference/parquet/parquet-testing. Files whose features we read must give the values
/// DuckDB (or, where DuckDB fails, the other two readers) read, per MANIFEST.tsv's checksum; every other file, and
/// every file in bad_data/, must end in a ParquetFormatException naming the file — never a crash, a hang or other values.
/// </summary>
public sealed class ParquetFileReaderConformanceTests(ITestOutputHelper output)
{
    private const string TestingFolder = "reference/parquet/parquet-testing";

    /// <summary>Files in data/ we reject on purpose, with the words the error must contain.</summary>
    private static readonly Dictionary<string, string> ExpectedRejections = new(StringComparer.Ordinal)
    {
        // ZSTD: no decoder here (the codec is not one the issue asks for).
        ["data/byte_stream_split.zstd.parquet"] = "ZSTD",
        ["data/delta_length_byte_array.parquet"] = "ZSTD",
        ["data/geospatial/geography-lines.parquet"] = "ZSTD",
        ["data/geospatial/geography-points.parquet"] = "ZSTD",
        ["data/geospatial/geography-polygons.parquet"] = "ZSTD",
        ["data/page_v2_empty_compressed.parquet"] = "ZSTD",
        // Structs, maps and lists of lists: only primitive columns and lists of primitives are read.
        ["data/incorrect_map_schema.parquet"] = "map",
        ["data/large_string_map.brotli.parquet"] = "map",
        ["data/map_no_value.parquet"] = "list",
        ["data/nested_lists.snappy.parquet"] = "list",
        ["data/nested_structs.rust.parquet"] = "struct",
        ["data/old_list_structure.parquet"] = "list",
        ["data/nested_maps.snappy.parquet"] = "map",
        ["data/nonnullable.impala.parquet"] = "struct",
        ["data/nullable.impala.parquet"] = "struct",
        ["data/nulls.snappy.parquet"] = "struct",
        ["data/repeated_no_annotation.parquet"] = "struct",
        ["data/repeated_primitive_no_list.parquet"] = "struct",
        // Spark INT96 timestamps with nanosecond digits: .NET date/time types hold 100-ns ticks, so we refuse rather than round.
        ["data/int96_from_spark.parquet"] = "100-ns",
    };

    [SkippableFact]
    public void Every_file_is_read_like_DuckDB_or_rejected_with_a_clear_error()
    {
        var root = ReferenceData.Require(TestingFolder);
        var manifest = Manifest.Load(Path.Combine(root, "MANIFEST.tsv"));
        var files = Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var entry = manifest.GetValueOrDefault(file);
            var outcome = ReadWithTimeout(Path.Combine(root, file), TimeSpan.FromMinutes(2));
            var verdict = Judge(file, entry, outcome);
            output.WriteLine($"{(verdict is null ? "ok  " : "FAIL")} {file}: {outcome.Describe()}{(verdict is null ? "" : " -> " + verdict)}");
            if (verdict is not null)
            {
                failures.Add($"{file}: {verdict}");
            }
        }

        Assert.True(failures.Count == 0, "Conformance failures:\n" + string.Join('\n', failures));
    }

    [SkippableTheory]
    [InlineData("data/datapage_v1-corrupt-checksum.parquet", false)]
    [InlineData("data/rle-dict-uncompressed-corrupt-checksum.parquet", false)]
    [InlineData("data/datapage_v1-uncompressed-checksum.parquet", true)]
    [InlineData("data/datapage_v1-snappy-compressed-checksum.parquet", true)]
    [InlineData("data/plain-dict-uncompressed-checksum.parquet", true)]
    [InlineData("data/rle-dict-snappy-checksum.parquet", true)]
    public void Verify_checks_page_CRCs(string file, bool crcsMatch)
    {
        var path = Path.Combine(ReferenceData.Require(TestingFolder), file);
        using var reader = ParquetFileReader.Open(path);
        if (crcsMatch)
        {
            reader.Verify();
        }
        else
        {
            var error = Assert.Throws<ParquetFormatException>(reader.Verify);
            Assert.Contains("CRC32", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.Column);
        }
    }

    private static string? Judge(string file, Manifest.Entry? entry, Outcome outcome)
    {
        var isBad = file.StartsWith("bad_data/", StringComparison.Ordinal);
        var expected = entry?.Checksum;
        switch (outcome.Kind)
        {
            case OutcomeKind.Read:
                if (ExpectedRejections.ContainsKey(file))
                {
                    return "read, but the test expects a rejection: update ExpectedRejections";
                }

                if (string.IsNullOrEmpty(expected))
                {
                    return isBad ? "a bad file was read without error and no reference reader agrees on values" : "read, but MANIFEST.tsv has no checksum to compare with";
                }

                if (entry!.Rows is { } rows && rows != outcome.Rows)
                {
                    return $"read {outcome.Rows} rows, MANIFEST.tsv says {rows}";
                }

                return outcome.Checksum == expected ? null : $"values differ from the reference readers (checksum {outcome.Checksum[..16]} vs {expected[..16]})";
            case OutcomeKind.FormatError:
                if (!outcome.Message.Contains(file.Split('/')[^1], StringComparison.Ordinal))
                {
                    return "the error does not name the file";
                }

                if (isBad)
                {
                    return null;
                }

                if (ExpectedRejections.TryGetValue(file, out var words))
                {
                    return outcome.Message.Contains(words, StringComparison.OrdinalIgnoreCase) ? null : $"rejected, but the reason lacks '{words}'";
                }

                return "a file with supported features was rejected";
            case OutcomeKind.Hang:
                return "no result within the time limit (hang)";
            default:
                return "crashed with " + outcome.Message;
        }
    }

    private static Outcome ReadWithTimeout(string path, TimeSpan limit)
    {
        var task = Task.Run(() =>
        {
            try
            {
                using var reader = ParquetFileReader.Open(path);
                var rows = reader.ReadRows().ToList();
                return new Outcome(OutcomeKind.Read, rows.Count, CanonicalChecksum.Compute(rows), "");
            }
            catch (ParquetFormatException e)
            {
                return new Outcome(OutcomeKind.FormatError, 0, "", e.Message);
            }
            catch (Exception e)
            {
                return new Outcome(OutcomeKind.Crash, 0, "", $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        });
        return task.Wait(limit) ? task.Result : new Outcome(OutcomeKind.Hang, 0, "", "");
    }

    private enum OutcomeKind
    {
        Read,
        FormatError,
        Crash,
        Hang,
    }

    private sealed record Outcome(OutcomeKind Kind, long Rows, string Checksum, string Message)
    {
        public string Describe() => Kind switch
        {
            OutcomeKind.Read => $"read {Rows} rows, checksum {Checksum[..16]}",
            OutcomeKind.FormatError => "ParquetFormatException: " + Message,
            _ => Kind + ": " + Message,
        };
    }
}
