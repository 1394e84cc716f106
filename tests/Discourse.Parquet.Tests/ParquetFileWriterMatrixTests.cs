using Discourse.Testing;

namespace Discourse.Parquet.Tests;

/// <summary>
/// The writer test matrix: every column type, required and optional, lists with empty and null elements, empty and
/// Cyrillic strings, values at type limits, many row groups, a zero-row file, each codec, dictionary and plain. Every
/// file is read back by our reader and handed to the independent checker (DuckDB, hyparquet, parquet-wasm), and our
/// reader's values must give DuckDB's checksum.
/// </summary>
public sealed class ParquetFileWriterMatrixTests
{
    private static readonly string[] Texts = ["", "a", "Москва", "суверенитет и безопасность", "emoji 🙂 and \"quotes\"", "tab\tnew\nline", "ё Ё й", new string('x', 300)];

    private static readonly ParquetElementType[] ScalarTypes =
    [
        ParquetElementType.Boolean, ParquetElementType.Int8, ParquetElementType.Int16, ParquetElementType.Int32,
        ParquetElementType.Int64, ParquetElementType.UInt8, ParquetElementType.UInt16, ParquetElementType.UInt32,
        ParquetElementType.UInt64, ParquetElementType.Float, ParquetElementType.Double, ParquetElementType.String,
        ParquetElementType.Binary, ParquetElementType.Date, ParquetElementType.Timestamp,
    ];

    /// <summary>Values at and near the limits of each type, then ordinary ones; cycled through the rows.</summary>
    internal static object Sample(ParquetElementType type, int i) => type switch
    {
        ParquetElementType.Boolean => i % 3 == 0,
        ParquetElementType.Int8 => Pick(i, [sbyte.MinValue, sbyte.MaxValue, (sbyte)0, (sbyte)-1], (sbyte)((i * 7) % 100)),
        ParquetElementType.Int16 => Pick(i, [short.MinValue, short.MaxValue, (short)0, (short)-1], (short)((i * 131) - 9000)),
        ParquetElementType.Int32 => Pick(i, [int.MinValue, int.MaxValue, 0, -1], (i * 7919) - 1_000_000),
        ParquetElementType.Int64 => Pick(i, [long.MinValue, long.MaxValue, 0L, -1L], ((long)i * 1_000_000_007L) - 5_000_000_000L),
        ParquetElementType.UInt8 => Pick(i, [byte.MinValue, byte.MaxValue, (byte)128], (byte)(i % 7)),
        ParquetElementType.UInt16 => Pick(i, [ushort.MinValue, ushort.MaxValue, (ushort)32768], (ushort)(i * 3)),
        ParquetElementType.UInt32 => Pick(i, [uint.MinValue, uint.MaxValue, 2147483648u], (uint)i * 100_003u),
        ParquetElementType.UInt64 => Pick(i, [ulong.MinValue, ulong.MaxValue, 9223372036854775808UL], (ulong)i * 10_000_000_019UL),
        ParquetElementType.Float => Pick(i, [float.MinValue, float.MaxValue, float.Epsilon, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity], i / 3f),
        ParquetElementType.Double => Pick(i, [double.MinValue, double.MaxValue, double.Epsilon, -0d, double.NaN, double.PositiveInfinity, double.NegativeInfinity], i / 7d),
        ParquetElementType.String => Texts[i % Texts.Length] + (i >= Texts.Length ? $" {i % 97}" : ""),
        ParquetElementType.Binary => i % 5 == 0 ? Array.Empty<byte>() : Enumerable.Range(0, i % 17).Select(k => (byte)(k * 37 + i)).ToArray(),
        ParquetElementType.Date => Pick(i, [DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1970, 1, 1), new DateOnly(1969, 12, 31)], new DateOnly(2000, 2, 29).AddDays(i * 17)),
        ParquetElementType.Timestamp => Pick(i,
            [new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddTicks(-10)],
            new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.FromHours(3)).AddTicks(i * 36_000_000_070L)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static object Pick<T>(int i, T[] limits, T ordinary)
        where T : notnull => i < limits.Length ? limits[i] : ordinary;

    private static ParquetSchema ScalarSchema(bool optional)
    {
        var builder = new ParquetSchemaBuilder();
        foreach (var type in ScalarTypes)
        {
            builder.Column(type.ToString().ToLowerInvariant(), type, optional);
        }

        return builder.FixedLenByteArray("fixed5", 5, optional).Build();
    }

    private static IEnumerable<object?[]> ScalarRows(int count, bool optional) => Enumerable.Range(0, count).Select(i =>
    {
        var row = new object?[ScalarTypes.Length + 1];
        for (var c = 0; c < ScalarTypes.Length; c++)
        {
            row[c] = optional && (i + c) % 4 == 1 ? null : Sample(ScalarTypes[c], i);
        }

        row[^1] = optional && i % 4 == 3 ? null : new[] { (byte)i, (byte)(i >> 8), (byte)0xFF, (byte)0, (byte)(i * 3) };
        return row;
    });

    private static ParquetSchema ListSchema() => new ParquetSchemaBuilder()
        .List("tags", ParquetElementType.String, optional: true, elementOptional: true)
        .List("required_tags", ParquetElementType.String)
        .List("ints", ParquetElementType.Int32, optional: true)
        .List("longs", ParquetElementType.Int64, elementOptional: true)
        .List("doubles", ParquetElementType.Double, optional: true, elementOptional: true)
        .List("flags", ParquetElementType.Boolean, optional: true)
        .List("days", ParquetElementType.Date, optional: true, elementOptional: true)
        .List("times", ParquetElementType.Timestamp, optional: true)
        .ListOfFixedLenByteArray("hashes", 4, optional: true)
        .Build();

    private static object? ListOf(ParquetElementType type, int i, bool allowNullList, bool allowNullElements) => (i % 6) switch
    {
        0 when allowNullList => null,
        1 => Array.Empty<object?>(),
        2 => new object?[] { Sample(type, i) },
        3 when allowNullElements => new object?[] { null },
        4 when allowNullElements => new object?[] { Sample(type, i), null, Sample(type, i + 1), null },
        _ => Enumerable.Range(0, 1 + (i % 9)).Select(k => (object?)Sample(type, i + k)).ToArray(),
    };

    private static IEnumerable<object?[]> ListRows(int count) => Enumerable.Range(0, count).Select(i => new object?[]
    {
        ListOf(ParquetElementType.String, i, true, true),
        ListOf(ParquetElementType.String, i + 1, false, false),
        ListOf(ParquetElementType.Int32, i + 2, true, false),
        ListOf(ParquetElementType.Int64, i + 3, false, true),
        ListOf(ParquetElementType.Double, i + 4, true, true),
        ListOf(ParquetElementType.Boolean, i + 5, true, false),
        ListOf(ParquetElementType.Date, i, true, true),
        ListOf(ParquetElementType.Timestamp, i + 1, true, false),
        i % 6 == 0 ? null : Enumerable.Range(0, i % 4).Select(k => (object?)BitConverter.GetBytes(i * 31 + k)).ToArray(),
    });

    /// <summary>Values repeat at first (the dictionary is used), then become long and distinct (the chunk falls back to PLAIN).</summary>
    private static IEnumerable<object?[]> FallbackRows(int count) => Enumerable.Range(0, count).Select(i => new object?[]
    {
        i < count / 3 ? $"label-{i % 5}" : $"distinct value {i} " + new string('z', i % 200),
        i < count / 3 ? (long)(i % 3) : (long)i * 7919,
    });

    private static IEnumerable<(string Name, ParquetSchema Schema, IEnumerable<object?[]> Rows, ParquetWriteOptions Options)> Matrix()
    {
        foreach (var codec in Enum.GetValues<ParquetCodec>())
        {
            foreach (var dictionary in new[] { true, false })
            {
                var options = new ParquetWriteOptions { Codec = codec, Dictionary = dictionary, PageBytes = 4096 };
                yield return ($"scalars-required-{codec}-{(dictionary ? "dict" : "plain")}", ScalarSchema(false), ScalarRows(600, false), options);
                yield return ($"scalars-optional-{codec}-{(dictionary ? "dict" : "plain")}", ScalarSchema(true), ScalarRows(600, true), options);
                yield return ($"lists-{codec}-{(dictionary ? "dict" : "plain")}", ListSchema(), ListRows(700), options);
            }
        }

        yield return ("many-row-groups", ScalarSchema(true), ScalarRows(5000, true), new ParquetWriteOptions { RowGroupBytes = 16 * 1024, PageBytes = 2048 });
        yield return ("zero-rows", ScalarSchema(true), [], new ParquetWriteOptions());
        yield return ("zero-rows-lists", ListSchema(), [], new ParquetWriteOptions());
        yield return ("all-null", new ParquetSchemaBuilder().String("s", optional: true).Double("d", optional: true).List("l", ParquetElementType.Int32, optional: true).Build(),
            Enumerable.Range(0, 100).Select(_ => new object?[] { null, null, null }), new ParquetWriteOptions());
        yield return ("dictionary-fallback", new ParquetSchemaBuilder().String("text").Int64("n").Build(), FallbackRows(3000),
            new ParquetWriteOptions { PageBytes = 8 * 1024, MaxDictionaryBytes = 16 * 1024 });
    }

    [Fact]
    public void Every_matrix_file_reads_back_exactly()
    {
        using var dir = new TemporaryDirectory();
        foreach (var (name, schema, rows, options) in Matrix())
        {
            var path = dir.File(name + ".parquet");
            var expected = rows.ToList();
            ParquetFileWriterTests.Write(path, schema, expected, options);
            using var reader = ParquetFileReader.Open(path);
            reader.Verify();
            var actual = reader.ReadRows().ToList();
            Assert.True(expected.Count == actual.Count, $"{name}: wrote {expected.Count} rows, read {actual.Count}");
            for (var r = 0; r < expected.Count; r++)
            {
                ParquetFileWriterTests.AssertRowEqual(expected[r], actual[r]);
            }
        }
    }

    [SkippableFact]
    public void Independent_readers_agree_with_our_reader_on_every_matrix_file()
    {
        ParquetCheck.Require();
        using var dir = new TemporaryDirectory();
        var files = new List<string>();
        foreach (var (name, schema, rows, options) in Matrix())
        {
            var path = dir.File(name + ".parquet");
            ParquetFileWriterTests.Write(path, schema, rows, options);
            files.Add(path);
        }

        var result = ParquetCheck.Validate([.. files]);

        foreach (var verdict in result.Files)
        {
            using var reader = ParquetFileReader.Open(verdict.File);
            Assert.True(CanonicalChecksum.Compute(reader.ReadRows()) == verdict.DuckDbChecksum, $"{verdict.File}: our reader's values differ from DuckDB's");
        }
    }
}
