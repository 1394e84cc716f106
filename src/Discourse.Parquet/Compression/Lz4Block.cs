namespace Discourse.Parquet.Compression;

/// <summary>Decoder for the LZ4 block format (Parquet's LZ4_RAW codec): sequences of literals followed by matches.</summary>
internal static class Lz4Block
{
    /// <summary>
    /// The deprecated LZ4 codec: Hadoop's framing (big-endian decompressed and compressed sizes before each block) as
    /// parquet-mr writes it, or a bare block as old parquet-cpp wrote it; the framing is tried first.
    /// </summary>
    public static byte[] DecompressHadoopOrRaw(ReadOnlySpan<byte> source, int uncompressedSize)
    {
        var output = new byte[uncompressedSize];
        if (TryHadoopFraming(source, output))
        {
            return output;
        }

        var written = Decompress(source, output);
        if (written != uncompressedSize)
        {
            throw new InvalidDataException($"LZ4 data produced {written} bytes but the page header says {uncompressedSize}");
        }

        return output;
    }

    private static bool TryHadoopFraming(ReadOnlySpan<byte> source, Span<byte> output)
    {
        var ip = 0;
        var op = 0;
        while (ip < source.Length)
        {
            if (source.Length - ip < 8)
            {
                return false;
            }

            var rawSize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(source[ip..]);
            var compressedSize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(source[(ip + 4)..]);
            ip += 8;
            if (compressedSize > (uint)(source.Length - ip) || rawSize > (uint)(output.Length - op))
            {
                return false;
            }

            try
            {
                if (Decompress(source.Slice(ip, (int)compressedSize), output.Slice(op, (int)rawSize)) != rawSize)
                {
                    return false;
                }
            }
            catch (InvalidDataException)
            {
                return false;
            }

            ip += (int)compressedSize;
            op += (int)rawSize;
        }

        return op == output.Length;
    }

    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var ip = 0;
        var op = 0;
        while (ip < source.Length)
        {
            var token = source[ip++];
            var literalLength = token >> 4;
            if (literalLength == 15)
            {
                literalLength += ReadLengthExtension(source, ref ip);
            }

            if (literalLength > source.Length - ip || literalLength > destination.Length - op)
            {
                throw new InvalidDataException("LZ4 literal runs past the input or output");
            }

            source.Slice(ip, literalLength).CopyTo(destination[op..]);
            ip += literalLength;
            op += literalLength;
            if (ip == source.Length)
            {
                break;
            }

            if (ip + 2 > source.Length)
            {
                throw new InvalidDataException("LZ4 match offset runs past the input");
            }

            var offset = source[ip] | (source[ip + 1] << 8);
            ip += 2;
            var matchLength = token & 15;
            if (matchLength == 15)
            {
                matchLength += ReadLengthExtension(source, ref ip);
            }

            matchLength += 4;
            if (offset == 0 || offset > op || matchLength > destination.Length - op)
            {
                throw new InvalidDataException($"LZ4 match of {matchLength} bytes at offset {offset} is out of range");
            }

            for (var i = 0; i < matchLength; i++)
            {
                destination[op + i] = destination[op - offset + i];
            }

            op += matchLength;
        }

        return op;
    }

    private static int ReadLengthExtension(ReadOnlySpan<byte> source, ref int ip)
    {
        var length = 0;
        byte b;
        do
        {
            if (ip >= source.Length)
            {
                throw new InvalidDataException("LZ4 length runs past the input");
            }

            b = source[ip++];
            length += b;
            if (length > int.MaxValue / 2)
            {
                throw new InvalidDataException("LZ4 length overflows");
            }
        }
        while (b == 255);
        return length;
    }
}
