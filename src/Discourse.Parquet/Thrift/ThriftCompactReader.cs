using System.Buffers.Binary;

namespace Discourse.Parquet.Thrift;

/// <summary>
/// Reads Thrift compact-protocol structs from a byte range. Every read is bounds-checked and nesting is limited, so a
/// corrupt footer or page header ends in a <see cref="ThriftFormatException"/> rather than a crash or a hang.
/// </summary>
internal sealed class ThriftCompactReader
{
    private const int MaxDepth = 64;
    private readonly byte[] _data;
    private readonly int _end;
    private readonly Stack<short> _lastFieldIds = new();
    private short _lastFieldId;

    public ThriftCompactReader(byte[] data, int offset, int end)
    {
        if (offset < 0 || end > data.Length || offset > end)
        {
            throw new ThriftFormatException($"byte range {offset}..{end} lies outside the {data.Length}-byte buffer");
        }

        _data = data;
        Position = offset;
        _end = end;
    }

    public int Position { get; private set; }

    public void StructBegin()
    {
        if (_lastFieldIds.Count >= MaxDepth)
        {
            throw new ThriftFormatException($"structs nested deeper than {MaxDepth} levels");
        }

        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void StructEnd() => _lastFieldId = _lastFieldIds.Pop();

    /// <summary>Reads the next field header; false at the struct's stop byte.</summary>
    public bool ReadFieldHeader(out short id, out byte type)
    {
        var header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == ThriftType.Stop)
        {
            id = 0;
            return false;
        }

        var delta = header >> 4;
        id = delta != 0 ? (short)(_lastFieldId + delta) : (short)ReadZigZag32();
        _lastFieldId = id;
        return true;
    }

    /// <summary>Reads a boolean field value (its value travels in the field header's type nibble).</summary>
    public bool ReadBool(byte type) => type switch
    {
        ThriftType.BooleanTrue => true,
        ThriftType.BooleanFalse => false,
        _ => throw new ThriftFormatException($"expected a boolean field, found type {type}"),
    };

    public int ReadI32(byte type)
    {
        Expect(type, ThriftType.I32, ThriftType.I16, ThriftType.Byte);
        return type == ThriftType.Byte ? (sbyte)ReadByte() : ReadZigZag32();
    }

    public long ReadI64(byte type)
    {
        Expect(type, ThriftType.I64, ThriftType.I32, ThriftType.I16);
        return ReadZigZag64();
    }

    public double ReadDouble(byte type)
    {
        Expect(type, ThriftType.Double, ThriftType.Double, ThriftType.Double);
        Need(8);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(Position, 8));
        Position += 8;
        return value;
    }

    public byte[] ReadBinary(byte type)
    {
        Expect(type, ThriftType.Binary, ThriftType.Binary, ThriftType.Binary);
        var length = ReadLength();
        var value = _data.AsSpan(Position, length).ToArray();
        Position += length;
        return value;
    }

    public string ReadString(byte type)
    {
        Expect(type, ThriftType.Binary, ThriftType.Binary, ThriftType.Binary);
        var length = ReadLength();
        var value = System.Text.Encoding.UTF8.GetString(_data, Position, length);
        Position += length;
        return value;
    }

    /// <summary>Reads a list header; the count is checked against the bytes left so a corrupt count cannot allocate wildly.</summary>
    public int ReadListHeader(byte type, out byte elementType)
    {
        Expect(type, ThriftType.List, ThriftType.Set, ThriftType.List);
        var header = ReadByte();
        elementType = (byte)(header & 0x0F);
        var count = header >> 4;
        if (count == 15)
        {
            var big = ReadUnsignedVarInt();
            if (big > int.MaxValue)
            {
                throw new ThriftFormatException($"list of {big} elements");
            }

            count = (int)big;
        }

        if (count > _end - Position && elementType is not (ThriftType.BooleanTrue or ThriftType.BooleanFalse))
        {
            throw new ThriftFormatException($"list claims {count} elements but only {_end - Position} bytes remain");
        }

        return count;
    }

    /// <summary>Reads one element of a list of i32/enum values.</summary>
    public int ReadListI32(byte elementType) => ReadI32(elementType);

    public string ReadListString(byte elementType) => ReadString(elementType);

    public bool ReadListBool()
    {
        var value = ReadByte();
        return value == ThriftType.BooleanTrue;
    }

    /// <summary>Skips a value of any type (unknown or unneeded fields).</summary>
    public void Skip(byte type) => Skip(type, 0);

    private void Skip(byte type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ThriftFormatException($"values nested deeper than {MaxDepth} levels");
        }

        switch (type)
        {
            case ThriftType.BooleanTrue:
            case ThriftType.BooleanFalse:
                return;
            case ThriftType.Byte:
                ReadByte();
                return;
            case ThriftType.I16:
            case ThriftType.I32:
            case ThriftType.I64:
                ReadUnsignedVarInt();
                return;
            case ThriftType.Double:
                Need(8);
                Position += 8;
                return;
            case ThriftType.Binary:
                {
                    // Read the length first: "Position += ReadLength()" would add it to the position before the varint.
                    var length = ReadLength();
                    Position += length;
                    return;
                }
            case ThriftType.List:
            case ThriftType.Set:
                {
                    var count = ReadListHeader(type, out var elementType);
                    for (var i = 0; i < count; i++)
                    {
                        if (elementType is ThriftType.BooleanTrue or ThriftType.BooleanFalse)
                        {
                            ReadByte();
                        }
                        else
                        {
                            Skip(elementType, depth + 1);
                        }
                    }

                    return;
                }

            case ThriftType.Map:
                {
                    var count = ReadUnsignedVarInt();
                    if (count == 0)
                    {
                        return;
                    }

                    if (count > (ulong)(_end - Position))
                    {
                        throw new ThriftFormatException($"map claims {count} entries but only {_end - Position} bytes remain");
                    }

                    var types = ReadByte();
                    for (ulong i = 0; i < count; i++)
                    {
                        Skip((byte)(types >> 4), depth + 1);
                        Skip((byte)(types & 0x0F), depth + 1);
                    }

                    return;
                }

            case ThriftType.Struct:
                StructBegin();
                while (ReadFieldHeader(out _, out var fieldType))
                {
                    Skip(fieldType, depth + 1);
                }

                StructEnd();
                return;
            default:
                throw new ThriftFormatException($"unknown Thrift type code {type} at byte {Position}");
        }
    }

    private static void Expect(byte actual, byte a, byte b, byte c)
    {
        if (actual != a && actual != b && actual != c)
        {
            throw new ThriftFormatException($"unexpected Thrift type {actual} (expected {a})");
        }
    }

    private int ReadLength()
    {
        var length = ReadUnsignedVarInt();
        if (length > (ulong)(_end - Position))
        {
            throw new ThriftFormatException($"a {length}-byte string runs past the end of the {_end - Position} remaining bytes");
        }

        return (int)length;
    }

    private byte ReadByte()
    {
        if (Position >= _end)
        {
            throw new ThriftFormatException("unexpected end of Thrift data");
        }

        return _data[Position++];
    }

    private void Need(int count)
    {
        if (_end - Position < count)
        {
            throw new ThriftFormatException("unexpected end of Thrift data");
        }
    }

    private ulong ReadUnsignedVarInt()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ThriftFormatException("variable-length integer longer than 10 bytes");
    }

    private int ReadZigZag32()
    {
        var raw = ReadUnsignedVarInt();
        var value = (long)(raw >> 1) ^ -(long)(raw & 1);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new ThriftFormatException($"32-bit integer out of range: {value}");
        }

        return (int)value;
    }

    private long ReadZigZag64()
    {
        var raw = ReadUnsignedVarInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}

/// <summary>Malformed Thrift data; the reader wraps it into a <see cref="ParquetFormatException"/> with file context.</summary>
internal sealed class ThriftFormatException(string message) : Exception(message);
