namespace Discourse.Parquet;

/// <summary>Conversions between CLR values and their Parquet storage forms.</summary>
internal static class ValueConversions
{
    public static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private const long UnixEpochTicks = 621355968000000000L;

    /// <summary>Microseconds since 1970-01-01 UTC, rounding sub-microsecond ticks toward the past.</summary>
    public static long ToUnixMicroseconds(object value)
    {
        var ticks = value switch
        {
            DateTimeOffset dto => dto.UtcTicks,
            DateTime dt => dt.Ticks,
            _ => throw new InvalidCastException($"{value.GetType().Name} is not a timestamp"),
        };
        return Math.DivRem(ticks - UnixEpochTicks, 10, out var rem) - (rem < 0 ? 1 : 0);
    }

    public static long ToUnixMicroseconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - UnixEpochTicks;
        return Math.DivRem(ticks, 10, out var rem) - (rem < 0 ? 1 : 0);
    }

    /// <summary>The integer column type of a width and signedness, or null for a width Parquet does not define.</summary>
    public static ParquetElementType? IntegerType(int bitWidth, bool signed) => (bitWidth, signed) switch
    {
        (8, true) => ParquetElementType.Int8,
        (16, true) => ParquetElementType.Int16,
        (32, true) => ParquetElementType.Int32,
        (64, true) => ParquetElementType.Int64,
        (8, false) => ParquetElementType.UInt8,
        (16, false) => ParquetElementType.UInt16,
        (32, false) => ParquetElementType.UInt32,
        (64, false) => ParquetElementType.UInt64,
        _ => null,
    };

    public static string ClrTypeName(ParquetElementType type) => type switch
    {
        ParquetElementType.Boolean => "bool",
        ParquetElementType.Int8 => "sbyte",
        ParquetElementType.Int16 => "short",
        ParquetElementType.Int32 => "int",
        ParquetElementType.Int64 => "long",
        ParquetElementType.UInt8 => "byte",
        ParquetElementType.UInt16 => "ushort",
        ParquetElementType.UInt32 => "uint",
        ParquetElementType.UInt64 => "ulong",
        ParquetElementType.Float => "float",
        ParquetElementType.Double => "double",
        ParquetElementType.String => "string",
        ParquetElementType.Binary or ParquetElementType.FixedLenByteArray => "byte[]",
        ParquetElementType.Date => "DateOnly",
        ParquetElementType.Timestamp => "DateTimeOffset",
        ParquetElementType.Time => "TimeSpan",
        ParquetElementType.Decimal => "decimal",
        ParquetElementType.Float16 => "Half",
        ParquetElementType.Uuid => "Guid",
        _ => "?",
    };
}
