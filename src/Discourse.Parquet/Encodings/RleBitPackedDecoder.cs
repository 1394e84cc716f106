namespace Discourse.Parquet.Encodings;

/// <summary>Decodes the RLE / bit-packing hybrid; every read is bounds-checked against the encoded bytes.</summary>
internal static class RleBitPackedDecoder
{
    /// <summary>
    /// Decodes <paramref name="output"/>.Length values from <paramref name="data"/>. Returns the number of bytes consumed.
    /// Throws <see cref="InvalidDataException"/> when the data ends early or is malformed.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new InvalidDataException($"RLE bit width {bitWidth} is outside 0..32");
        }

        var pos = 0;
        var produced = 0;
        var byteWidth = (bitWidth + 7) / 8;
        while (produced < output.Length)
        {
            if (pos >= data.Length)
            {
                throw new InvalidDataException($"RLE data ends after {produced} of {output.Length} values");
            }

            var header = ReadVarInt(data, ref pos);
            if ((header & 1) == 0)
            {
                var count = header >> 1;
                if (count == 0)
                {
                    throw new InvalidDataException("RLE run of zero values");
                }

                if (pos + byteWidth > data.Length)
                {
                    throw new InvalidDataException("RLE run value runs past the data");
                }

                var value = 0;
                for (var i = 0; i < byteWidth; i++)
                {
                    value |= data[pos + i] << (8 * i);
                }

                pos += byteWidth;
                var take = (int)Math.Min(count, (ulong)(output.Length - produced));
                output.Slice(produced, take).Fill(value);
                produced += take;
            }
            else
            {
                var groups = header >> 1;
                var totalValues = groups * 8;
                var bytesNeeded = groups * (ulong)bitWidth;
                var available = (ulong)(data.Length - pos);
                if (bytesNeeded > available)
                {
                    // Writers may end the final group early; accept it only for the values still needed.
                    var needValues = (ulong)(output.Length - produced);
                    if (needValues * (ulong)bitWidth > available * 8)
                    {
                        throw new InvalidDataException("RLE bit-packed run runs past the data");
                    }

                    bytesNeeded = available;
                    totalValues = Math.Min(totalValues, needValues);
                }

                var take = (int)Math.Min(totalValues, (ulong)(output.Length - produced));
                Unpack(data.Slice(pos, (int)bytesNeeded), bitWidth, output.Slice(produced, take));
                pos += (int)bytesNeeded;
                produced += take;
            }
        }

        return pos;
    }

    /// <summary>Unpacks little-endian bit-packed values.</summary>
    public static void Unpack(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        ulong acc = 0;
        var bits = 0;
        var pos = 0;
        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        for (var i = 0; i < output.Length; i++)
        {
            while (bits < bitWidth)
            {
                acc |= (ulong)(pos < data.Length ? data[pos] : 0) << bits;
                pos++;
                bits += 8;
            }

            output[i] = (int)((uint)acc & mask);
            acc >>= bitWidth;
            bits -= bitWidth;
        }
    }

    /// <summary>The deprecated BIT_PACKED level encoding: values packed most-significant bit first, no header.</summary>
    public static int DecodeLegacyBitPacked(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        var totalBits = (long)bitWidth * output.Length;
        var byteCount = (int)((totalBits + 7) / 8);
        if (byteCount > data.Length)
        {
            throw new InvalidDataException("BIT_PACKED levels run past the page");
        }

        long bit = 0;
        for (var i = 0; i < output.Length; i++)
        {
            var value = 0;
            for (var k = 0; k < bitWidth; k++, bit++)
            {
                var b = data[(int)(bit >> 3)];
                value = (value << 1) | ((b >> (7 - (int)(bit & 7))) & 1);
            }

            output[i] = value;
        }

        return byteCount;
    }

    private static ulong ReadVarInt(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new InvalidDataException("RLE run header runs past the data");
            }

            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("RLE run header longer than 9 bytes");
    }
}
