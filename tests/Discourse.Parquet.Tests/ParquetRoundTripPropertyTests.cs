using FsCheck;
using FsCheck.Fluent;

namespace Discourse.Parquet.Tests;

/// <summary>Random schemas and rows, written and read back, must come back exactly equal (bit-for-bit for floats).</summary>
public sealed class ParquetRoundTripPropertyTests
{
    private static readonly ParquetElementType[] WritableTypes =
    [
        ParquetElementType.Boolean, ParquetElementType.Int8, ParquetElementType.Int16, ParquetElementType.Int32,
        ParquetElementType.Int64, ParquetElementType.UInt8, ParquetElementType.UInt16, ParquetElementType.UInt32,
        ParquetElementType.UInt64, ParquetElementType.Float, ParquetElementType.Double, ParquetElementType.String,
        ParquetElementType.Binary, ParquetElementType.FixedLenByteArray, ParquetElementType.Date, ParquetElementType.Timestamp,
    ];

    private static readonly string[] Words = ["", "мир", "суверенитет", "Ёлка", "peace", "naïve café", "🙂", "a\0b"];

    public sealed record ColumnCase(ParquetElementType Type, bool Optional, bool IsList, bool ElementOptional, int Length)
    {
        public override string ToString() => $"{Type}{(Length > 0 ? $"({Length})" : "")}{(IsList ? $" list(elementOptional={ElementOptional})" : "")}{(Optional ? " optional" : "")}";
    }

    public sealed record Case(IReadOnlyList<ColumnCase> Columns, IReadOnlyList<object?[]> Rows, ParquetCodec Codec, bool Dictionary, int PageBytes, int RowGroupBytes)
    {
        public override string ToString() =>
            $"{Rows.Count} rows, codec {Codec}, dictionary {Dictionary}, page {PageBytes} B, row group {RowGroupBytes} B; columns: {string.Join("; ", Columns)}";
    }

    private static Gen<T> Of<T>() => ArbMap.Default.GeneratorFor<T>();

    private static Gen<object> ValueGen(ColumnCase column) => column.Type switch
    {
        ParquetElementType.Boolean => Of<bool>().Select(v => (object)v),
        ParquetElementType.Int8 => Of<sbyte>().Select(v => (object)v),
        ParquetElementType.Int16 => Of<short>().Select(v => (object)v),
        ParquetElementType.Int32 => Of<int>().Select(v => (object)v),
        ParquetElementType.Int64 => Of<long>().Select(v => (object)v),
        ParquetElementType.UInt8 => Of<byte>().Select(v => (object)v),
        ParquetElementType.UInt16 => Of<ushort>().Select(v => (object)v),
        ParquetElementType.UInt32 => Of<uint>().Select(v => (object)v),
        ParquetElementType.UInt64 => Of<ulong>().Select(v => (object)v),
        ParquetElementType.Float => Of<float>().Select(v => (object)v),
        ParquetElementType.Double => Of<double>().Select(v => (object)v),
        ParquetElementType.String => Gen.OneOf(
            Gen.Elements(Words),
            Of<string>().Where(s => s is not null && Writing.RowValueChecker.IsWellFormedUtf16(s))).Select(v => (object)v),
        ParquetElementType.Binary => Of<byte[]>().Where(b => b is not null).Select(v => (object)v),
        ParquetElementType.FixedLenByteArray => Gen.ArrayOf(Of<byte>(), column.Length).Select(v => (object)v),
        ParquetElementType.Date => Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(d => (object)DateOnly.FromDayNumber(d)),
        ParquetElementType.Timestamp =>
            from day in Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)
            from second in Gen.Choose(0, 86_399)
            from micro in Gen.Choose(0, 999_999)
            select (object)new DateTimeOffset((day * TimeSpan.TicksPerDay) + (second * TimeSpan.TicksPerSecond) + (micro * 10L), TimeSpan.Zero),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };

    private static Gen<object?> Maybe(Gen<object> gen, bool optional) =>
        optional ? Gen.Frequency((1, Gen.Constant<object?>(null)), (4, gen.Select(v => (object?)v))) : gen.Select(v => (object?)v);

    private static Gen<object?> CellGen(ColumnCase column)
    {
        if (!column.IsList)
        {
            return Maybe(ValueGen(column), column.Optional);
        }

        var list = Gen.Sized(size => Gen.Choose(0, Math.Min(size, 12)))
            .SelectMany(n => Gen.ArrayOf(Maybe(ValueGen(column), column.ElementOptional), n))
            .Select(a => (object)a);
        return Maybe(list, column.Optional);
    }

    private static readonly Gen<ColumnCase> ColumnGen =
        from type in Gen.Elements(WritableTypes)
        from optional in Of<bool>()
        from isList in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from elementOptional in Of<bool>()
        from length in Gen.Choose(1, 9)
        select new ColumnCase(type, optional, isList, isList && elementOptional, type == ParquetElementType.FixedLenByteArray ? length : 0);

    private static readonly Gen<Case> CaseGen =
        from columns in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(ColumnGen, n))
        from rowCount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 250)))
        from rows in Gen.ArrayOf(Gen.CollectToArray(columns.Select(CellGen)), rowCount)
        from codec in Gen.Elements(Enum.GetValues<ParquetCodec>())
        from dictionary in Of<bool>()
        from pageBytes in Gen.Choose(64, 16_384)
        from rowGroupBytes in Gen.Choose(512, 200_000)
        select new Case(columns, rows, codec, dictionary, pageBytes, rowGroupBytes);

    private static ParquetSchema SchemaFor(IReadOnlyList<ColumnCase> columns)
    {
        var builder = new ParquetSchemaBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var name = $"c{i}";
            if (c.IsList)
            {
                _ = c.Type == ParquetElementType.FixedLenByteArray
                    ? builder.ListOfFixedLenByteArray(name, c.Length, c.Optional, c.ElementOptional)
                    : builder.List(name, c.Type, c.Optional, c.ElementOptional);
            }
            else
            {
                _ = c.Type == ParquetElementType.FixedLenByteArray ? builder.FixedLenByteArray(name, c.Length, c.Optional) : builder.Column(name, c.Type, c.Optional);
            }
        }

        return builder.Build();
    }

    private static void RoundTrip(Case testCase)
    {
        var schema = SchemaFor(testCase.Columns);
        using var stream = new MemoryStream();
        var options = new ParquetWriteOptions
        {
            Codec = testCase.Codec,
            Dictionary = testCase.Dictionary,
            PageBytes = testCase.PageBytes,
            RowGroupBytes = testCase.RowGroupBytes,
        };
        using (var writer = new ParquetFileWriter(stream, schema, options))
        {
            foreach (var row in testCase.Rows)
            {
                writer.WriteRow(row);
            }

            writer.Complete();
        }

        stream.Position = 0;
        using var reader = ParquetFileReader.Open(stream);
        Assert.Equal(testCase.Rows.Count, reader.RowCount);
        reader.Verify();
        var read = reader.ReadRows().ToList();
        Assert.Equal(testCase.Rows.Count, read.Count);
        for (var r = 0; r < read.Count; r++)
        {
            ParquetFileWriterTests.AssertRowEqual(testCase.Rows[r], read[r]);
        }
    }

    [Fact]
    public void Random_schemas_and_rows_round_trip_exactly() =>
        Prop.ForAll(CaseGen.ToArbitrary(), testCase => RoundTrip(testCase))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(150));
}
