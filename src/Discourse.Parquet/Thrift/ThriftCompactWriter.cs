using Discourse.Parquet.Format;

namespace Discourse.Parquet.Thrift;

/// <summary>
/// Writes Thrift compact-protocol structs (the encoding of the Parquet footer and page headers). Field ids are written as
/// deltas from the previous field of the same struct, which is why nested structs keep a stack of last ids.
/// </summary>
internal sealed class ThriftCompactWriter(ByteBuffer output)
{
    private readonly Stack<short> _lastFieldIds = new();
    private short _lastFieldId;

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, ThriftType.I32);
        WriteZigZag(value);
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, ThriftType.I64);
        WriteZigZag(value);
    }

    public void FieldByte(short id, sbyte value)
    {
        FieldHeader(id, ThriftType.Byte);
        output.WriteByte((byte)value);
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse);

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, ThriftType.Binary);
        Binary(value);
    }

    public void FieldString(short id, string value)
    {
        FieldHeader(id, ThriftType.Binary);
        String(value);
    }

    /// <summary>Starts a struct-valued field; close it with <see cref="StructEnd"/>.</summary>
    public void FieldStructBegin(short id)
    {
        FieldHeader(id, ThriftType.Struct);
        StructBegin();
    }

    /// <summary>Starts a list-valued field; its elements follow directly (structs via <see cref="StructBegin"/>).</summary>
    public void FieldListBegin(short id, byte elementType, int count)
    {
        FieldHeader(id, ThriftType.List);
        ListHeader(elementType, count);
    }

    public void StructBegin()
    {
        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void StructEnd()
    {
        output.WriteByte(0);
        _lastFieldId = _lastFieldIds.Pop();
    }

    public void I32(int value) => WriteZigZag(value);

    public void I64(long value) => WriteZigZag(value);

    public void String(string value)
    {
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        output.WriteUnsignedVarInt((uint)byteCount);
        var span = output.GetSpan(byteCount);
        output.Advance(System.Text.Encoding.UTF8.GetBytes(value, span));
    }

    public void Binary(ReadOnlySpan<byte> value)
    {
        output.WriteUnsignedVarInt((uint)value.Length);
        output.Write(value);
    }

    private void ListHeader(byte elementType, int count)
    {
        if (count < 15)
        {
            output.WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            output.WriteByte((byte)(0xF0 | elementType));
            output.WriteUnsignedVarInt((uint)count);
        }
    }

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            output.WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            output.WriteByte(type);
            WriteZigZag(id);
        }

        _lastFieldId = id;
    }

    private void WriteZigZag(long value) => output.WriteUnsignedVarInt((ulong)((value << 1) ^ (value >> 63)));
}

/// <summary>Thrift compact-protocol type codes.</summary>
internal static class ThriftType
{
    public const byte Stop = 0;
    public const byte BooleanTrue = 1;
    public const byte BooleanFalse = 2;
    public const byte Byte = 3;
    public const byte I16 = 4;
    public const byte I32 = 5;
    public const byte I64 = 6;
    public const byte Double = 7;
    public const byte Binary = 8;
    public const byte List = 9;
    public const byte Set = 10;
    public const byte Map = 11;
    public const byte Struct = 12;
}
