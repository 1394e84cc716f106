using System.Collections;

namespace Discourse.Parquet.Writing;

/// <summary>Checks a row value against its column before anything of the row is written, so a bad row leaves no trace.</summary>
internal static class RowValueChecker
{
    public static void Check(ParquetField field, object? value)
    {
        if (value is null)
        {
            if (!field.IsOptional)
            {
                throw new ArgumentException($"Column '{field.Name}' is required but the value is null.");
            }

            return;
        }

        if (!field.IsList)
        {
            CheckScalar(field, value, null);
            return;
        }

        if (value is not IEnumerable list || value is string || value is byte[])
        {
            throw new ArgumentException($"Column '{field.Name}' is a list; pass an IEnumerable of {field.Type} values, not {value.GetType().Name}.");
        }

        var index = 0;
        foreach (var element in list)
        {
            if (element is null)
            {
                if (!field.IsElementOptional)
                {
                    throw new ArgumentException($"Column '{field.Name}': element {index} is null but the list's elements are required.");
                }
            }
            else
            {
                CheckScalar(field, element, index);
            }

            index++;
        }
    }

    /// <summary>True unless the string holds an unpaired surrogate (the common surrogate-free case is one vectorised scan).</summary>
    internal static bool IsWellFormedUtf16(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return true;
        }

        for (var i = first; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckScalar(ParquetField field, object value, int? element)
    {
        var ok = field.Type switch
        {
            ParquetElementType.Boolean => value is bool,
            ParquetElementType.Int8 => value is sbyte,
            ParquetElementType.Int16 => value is short,
            ParquetElementType.Int32 => value is int,
            ParquetElementType.Int64 => value is long,
            ParquetElementType.UInt8 => value is byte,
            ParquetElementType.UInt16 => value is ushort,
            ParquetElementType.UInt32 => value is uint,
            ParquetElementType.UInt64 => value is ulong,
            ParquetElementType.Float => value is float,
            ParquetElementType.Double => value is double,
            ParquetElementType.String => value is string,
            ParquetElementType.Binary => value is byte[] or ReadOnlyMemory<byte>,
            ParquetElementType.FixedLenByteArray => value is byte[] or ReadOnlyMemory<byte>,
            ParquetElementType.Date => value is DateOnly,
            ParquetElementType.Timestamp => value is DateTimeOffset || value is DateTime { Kind: DateTimeKind.Utc },
            _ => false,
        };
        var where = element is null ? $"Column '{field.Name}'" : $"Column '{field.Name}' element {element}";
        if (!ok)
        {
            var hint = field.Type == ParquetElementType.Timestamp && value is DateTime
                ? " (a DateTime must have Kind Utc; or pass a DateTimeOffset)"
                : "";
            throw new ArgumentException($"{where} holds {field.Type} values ({ValueConversions.ClrTypeName(field.Type)}); got {value.GetType().Name}{hint}.");
        }

        if (value is string text && !IsWellFormedUtf16(text))
        {
            throw new ArgumentException($"{where} holds a string with an unpaired surrogate, which has no UTF-8 form; fix or drop the character.");
        }

        if (field.Type == ParquetElementType.FixedLenByteArray)
        {
            var length = value is byte[] bytes ? bytes.Length : ((ReadOnlyMemory<byte>)value).Length;
            if (length != field.Length)
            {
                throw new ArgumentException($"{where} holds {field.Length}-byte values; got {length} bytes.");
            }
        }
    }
}
