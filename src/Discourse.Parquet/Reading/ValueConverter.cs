using System.Buffers.Binary;
using System.Numerics;
using Discourse.Parquet.Format;

namespace Discourse.Parquet.Reading;

/// <summary>Converts stored (physical) values to the CLR type of their leaf column.</summary>
internal static class ValueConverter
{
    private const long UnixEpochTicks = 621355968000000000L;
    private const long JulianDayOfUnixEpoch = 2440588;
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly object True = true;
    private static readonly object False = false;

    public static object FromBoolean(bool value) => value ? True : False;

    public static object FromInt32(LeafColumn leaf, int value) => leaf.ValueType switch
    {
        ParquetElementType.Int8 => (sbyte)value,
        ParquetElementType.Int16 => (short)value,
        ParquetElementType.UInt8 => (byte)value,
        ParquetElementType.UInt16 => (ushort)value,
        ParquetElementType.UInt32 => unchecked((uint)value),
        ParquetElementType.Date => ToDate(value),
        ParquetElementType.Time => ToTime(value, leaf.TimeUnit),
        ParquetElementType.Decimal => ToDecimal(value, leaf.Scale),
        _ => value,
    };

    public static object FromInt64(LeafColumn leaf, long value) => leaf.ValueType switch
    {
        ParquetElementType.UInt64 => unchecked((ulong)value),
        ParquetElementType.Timestamp => ToTimestamp(value, leaf.TimeUnit),
        ParquetElementType.Time => ToTime(value, leaf.TimeUnit),
        ParquetElementType.Decimal => ToDecimal(value, leaf.Scale),
        _ => value,
    };

    /// <summary>INT96 timestamps: 8 bytes nanoseconds within the day, then 4 bytes Julian day number, little-endian.</summary>
    public static object FromInt96(ReadOnlySpan<byte> bytes)
    {
        var nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var julianDay = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        var nanos = ((julianDay - JulianDayOfUnixEpoch) * 86_400_000_000_000L) + nanosOfDay;
        return ToTimestamp(nanos, ParquetTimeUnit.Nanos);
    }

    public static object FromBytes(LeafColumn leaf, ReadOnlySpan<byte> bytes) => leaf.ValueType switch
    {
        ParquetElementType.String => DecodeString(bytes),
        ParquetElementType.Decimal => ToDecimal(bytes, leaf.Scale),
        ParquetElementType.Uuid => new Guid(bytes, bigEndian: true),
        ParquetElementType.Float16 => BinaryPrimitives.ReadHalfLittleEndian(bytes),
        ParquetElementType.Timestamp when leaf.Physical == PhysicalType.Int96 => FromInt96(bytes),
        _ => bytes.ToArray(),
    };

    private static string DecodeString(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new InvalidDataException("a STRING value is not valid UTF-8", e);
        }
    }

    private static DateOnly ToDate(int days)
    {
        var dayNumber = (long)ValueConversions.UnixEpochDayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new InvalidDataException($"DATE value {days} (days since 1970-01-01) lies outside years 1..9999");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    private static long TicksPerUnit(ParquetTimeUnit unit) => unit switch
    {
        ParquetTimeUnit.Millis => TimeSpan.TicksPerMillisecond,
        ParquetTimeUnit.Micros => TimeSpan.TicksPerMillisecond / 1000,
        _ => 0,
    };

    private static long ToTicks(long value, ParquetTimeUnit unit, string what)
    {
        if (unit == ParquetTimeUnit.Nanos)
        {
            var ticks = Math.DivRem(value, 100, out var rem);
            if (rem != 0)
            {
                throw new InvalidDataException($"{what} value {value} ns has sub-100-ns precision, which .NET date/time types cannot hold");
            }

            return ticks;
        }

        var perUnit = TicksPerUnit(unit);
        var max = long.MaxValue / perUnit;
        if (value > max || value < -max)
        {
            throw new InvalidDataException($"{what} value {value} is out of range");
        }

        return value * perUnit;
    }

    private static DateTimeOffset ToTimestamp(long value, ParquetTimeUnit unit)
    {
        var ticks = ToTicks(value, unit, "TIMESTAMP");
        if (ticks > DateTimeOffset.MaxValue.UtcTicks - UnixEpochTicks || ticks < -UnixEpochTicks)
        {
            throw new InvalidDataException($"TIMESTAMP value {value} ({unit}) lies outside years 1..9999");
        }

        return new DateTimeOffset(ticks + UnixEpochTicks, TimeSpan.Zero);
    }

    private static TimeSpan ToTime(long value, ParquetTimeUnit unit) => new(ToTicks(value, unit, "TIME"));

    private static decimal ToDecimal(long unscaled, int scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? (ulong)(-(unscaled + 1)) + 1 : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    private static decimal ToDecimal(ReadOnlySpan<byte> bigEndianTwosComplement, int scale)
    {
        if (bigEndianTwosComplement.Length == 0)
        {
            return 0m;
        }

        var value = new BigInteger(bigEndianTwosComplement, isUnsigned: false, isBigEndian: true);
        var negative = value.Sign < 0;
        var magnitude = BigInteger.Abs(value);
        if (magnitude.GetBitLength() > 96)
        {
            throw new InvalidDataException($"DECIMAL value {value} does not fit System.Decimal");
        }

        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, negative, (byte)scale);
    }
}
