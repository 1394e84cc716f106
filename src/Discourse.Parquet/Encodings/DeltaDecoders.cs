namespace Discourse.Parquet.Encodings;

/// <summary>Decoders for DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY (Encodings.md).</summary>
internal static class DeltaDecoders
{
    /// <summary>Decodes <paramref name="output"/>.Length values; returns the bytes consumed.</summary>
    public static int DecodeBinaryPacked(ReadOnlySpan<byte> data, Span<long> output)
    {
        var pos = 0;
        var blockSize = ReadUVarInt(data, ref pos);
        var miniblocks = ReadUVarInt(data, ref pos);
        var total = ReadUVarInt(data, ref pos);
        var value = ReadZigZag(data, ref pos);
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0)
        {
            throw new InvalidDataException($"DELTA_BINARY_PACKED header has block size {blockSize} with {miniblocks} miniblocks");
        }

        if (total < (ulong)output.Length)
        {
            throw new InvalidDataException($"DELTA_BINARY_PACKED holds {total} values, {output.Length} needed");
        }

        if (output.Length == 0)
        {
            return pos;
        }

        var perMiniblock = (int)(blockSize / miniblocks);
        output[0] = value;
        var produced = 1;
        Span<byte> widths = stackalloc byte[(int)Math.Min(miniblocks, 1024)];
        if (miniblocks > 1024)
        {
            throw new InvalidDataException($"DELTA_BINARY_PACKED block has {miniblocks} miniblocks");
        }

        while (produced < output.Length)
        {
            var minDelta = ReadZigZag(data, ref pos);
            if (pos + (int)miniblocks > data.Length)
            {
                throw new InvalidDataException("DELTA_BINARY_PACKED bit widths run past the data");
            }

            data.Slice(pos, (int)miniblocks).CopyTo(widths);
            pos += (int)miniblocks;
            for (var m = 0; m < (int)miniblocks && produced < output.Length; m++)
            {
                int width = widths[m];
                if (width > 64)
                {
                    throw new InvalidDataException($"DELTA_BINARY_PACKED miniblock bit width {width}");
                }

                var bytes = perMiniblock * width / 8;
                if (pos + bytes > data.Length)
                {
                    throw new InvalidDataException("DELTA_BINARY_PACKED miniblock runs past the data");
                }

                var mini = data.Slice(pos, bytes);
                for (var i = 0; i < perMiniblock && produced < output.Length; i++)
                {
                    var delta = ReadBits(mini, i * width, width);
                    value = unchecked(value + minDelta + (long)delta);
                    output[produced++] = value;
                }

                pos += bytes;
            }
        }

        return pos;
    }

    /// <summary>Decodes the lengths then slices the concatenated bytes; returns the bytes consumed.</summary>
    public static int DecodeLengthByteArray(ReadOnlySpan<byte> data, byte[][] output)
    {
        var lengths = new long[output.Length];
        var pos = DecodeBinaryPacked(data, lengths);
        for (var i = 0; i < output.Length; i++)
        {
            var length = lengths[i];
            if (length < 0 || length > data.Length - pos)
            {
                throw new InvalidDataException($"DELTA_LENGTH_BYTE_ARRAY value {i} of {length} bytes runs past the data");
            }

            output[i] = data.Slice(pos, (int)length).ToArray();
            pos += (int)length;
        }

        return pos;
    }

    public static void DecodeByteArray(ReadOnlySpan<byte> data, byte[][] output)
    {
        var prefixes = new long[output.Length];
        var pos = DecodeBinaryPacked(data, prefixes);
        var suffixes = new byte[output.Length][];
        DecodeLengthByteArray(data[pos..], suffixes);
        ReadOnlySpan<byte> previous = [];
        for (var i = 0; i < output.Length; i++)
        {
            var prefix = prefixes[i];
            if (prefix < 0 || prefix > previous.Length)
            {
                throw new InvalidDataException($"DELTA_BYTE_ARRAY value {i} reuses {prefix} bytes of a {previous.Length}-byte predecessor");
            }

            var value = new byte[prefix + suffixes[i].Length];
            previous[..(int)prefix].CopyTo(value);
            suffixes[i].CopyTo(value.AsSpan((int)prefix));
            output[i] = value;
            previous = value;
        }
    }

    private static ulong ReadBits(ReadOnlySpan<byte> data, int bitOffset, int width)
    {
        if (width == 0)
        {
            return 0;
        }

        UInt128 acc = 0;
        var first = bitOffset >> 3;
        var last = (bitOffset + width - 1) >> 3;
        for (var b = last; b >= first; b--)
        {
            acc = (acc << 8) | data[b];
        }

        acc >>= bitOffset & 7;
        return width == 64 ? (ulong)acc : (ulong)acc & ((1UL << width) - 1);
    }

    private static ulong ReadUVarInt(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new InvalidDataException("DELTA header runs past the data");
            }

            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("DELTA varint longer than 10 bytes");
    }

    private static long ReadZigZag(ReadOnlySpan<byte> data, ref int pos)
    {
        var raw = ReadUVarInt(data, ref pos);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
