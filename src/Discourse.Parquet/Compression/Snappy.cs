using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Discourse.Parquet.Compression;

/// <summary>
/// Snappy raw-format compression (the block format Parquet uses, no framing), written from the format description:
/// a varint length preamble, then literals and back-references. The compressor follows the reference design (64 KiB
/// blocks, a 2^14-entry hash table of 4-byte sequences, skipping ahead faster through incompressible data) so its
/// output size matches other writers'.
/// </summary>
internal static class Snappy
{
    private const int BlockSize = 1 << 16;
    private const int MaxHashTableBits = 14;
    private const int InputMarginBytes = 15;

    /// <summary>The largest compressed size for <paramref name="sourceLength"/> input bytes.</summary>
    public static int MaxCompressedLength(int sourceLength) => 32 + sourceLength + (sourceLength / 6);

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/> (at least <see cref="MaxCompressedLength"/> bytes) and returns the length written.</summary>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The snappy compressor needs a little-endian machine.");
        }

        if (destination.Length < MaxCompressedLength(source.Length))
        {
            throw new ArgumentException("destination is smaller than MaxCompressedLength", nameof(destination));
        }

        var op = WriteVarInt(destination, (uint)source.Length);
        Span<ushort> table = stackalloc ushort[1 << MaxHashTableBits];
        for (var start = 0; start < source.Length; start += BlockSize)
        {
            var block = source.Slice(start, Math.Min(BlockSize, source.Length - start));
            var tableBits = TableBits(block.Length);
            var blockTable = table[..(1 << tableBits)];
            blockTable.Clear();
            op = CompressBlock(block, destination, op, blockTable, 32 - tableBits);
        }

        return op;
    }

    /// <summary>Reads the uncompressed length from the preamble.</summary>
    public static int GetUncompressedLength(ReadOnlySpan<byte> source)
    {
        ReadVarInt(source, out var length);
        return length;
    }

    /// <summary>Decompresses <paramref name="source"/> into <paramref name="destination"/>, which must have exactly the preamble's length.</summary>
    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var ip = ReadVarInt(source, out var expected);
        if (expected != destination.Length)
        {
            throw new InvalidDataException($"snappy data declares {expected} bytes but {destination.Length} were expected");
        }

        var op = 0;
        while (ip < source.Length)
        {
            var tag = source[ip++];
            int length;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    length = tag >> 2;
                    if (length >= 60)
                    {
                        var extra = length - 59;
                        if (ip + extra > source.Length)
                        {
                            throw new InvalidDataException("snappy literal length runs past the input");
                        }

                        length = 0;
                        for (var i = 0; i < extra; i++)
                        {
                            length |= source[ip + i] << (8 * i);
                        }

                        ip += extra;
                        if (length < 0)
                        {
                            throw new InvalidDataException("snappy literal length overflows");
                        }
                    }

                    length++;
                    if (length > source.Length - ip || length > destination.Length - op)
                    {
                        throw new InvalidDataException("snappy literal runs past the input or output");
                    }

                    source.Slice(ip, length).CopyTo(destination[op..]);
                    ip += length;
                    op += length;
                    continue;
                case 1:
                    if (ip >= source.Length)
                    {
                        throw new InvalidDataException("snappy copy runs past the input");
                    }

                    length = ((tag >> 2) & 7) + 4;
                    offset = ((tag >> 5) << 8) | source[ip++];
                    break;
                case 2:
                    if (ip + 2 > source.Length)
                    {
                        throw new InvalidDataException("snappy copy runs past the input");
                    }

                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(source[ip..]);
                    ip += 2;
                    break;
                default:
                    if (ip + 4 > source.Length)
                    {
                        throw new InvalidDataException("snappy copy runs past the input");
                    }

                    length = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadInt32LittleEndian(source[ip..]);
                    ip += 4;
                    break;
            }

            if (offset <= 0 || offset > op || length > destination.Length - op)
            {
                throw new InvalidDataException($"snappy copy of {length} bytes from offset {offset} is out of range at output byte {op}");
            }

            CopyWithin(destination, op - offset, op, length);
            op += length;
        }

        if (op != destination.Length)
        {
            throw new InvalidDataException($"snappy data produced {op} bytes, expected {destination.Length}");
        }
    }

    private static void CopyWithin(Span<byte> buffer, int from, int to, int length)
    {
        if (to - from >= length)
        {
            buffer.Slice(from, length).CopyTo(buffer[to..]);
            return;
        }

        // Overlapping copy: the pattern repeats, so copy byte by byte in order.
        for (var i = 0; i < length; i++)
        {
            buffer[to + i] = buffer[from + i];
        }
    }

    private static int TableBits(int blockLength)
    {
        var bits = 8;
        while (bits < MaxHashTableBits && (1 << bits) < blockLength)
        {
            bits++;
        }

        return bits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Load32(ref byte b, int i) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load64(ref byte b, int i) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(uint bytes, int shift) => (int)((bytes * 0x1e35a7bdu) >> shift);

    private static int CompressBlock(ReadOnlySpan<byte> input, Span<byte> output, int op, Span<ushort> table, int shift)
    {
        var length = input.Length;
        var nextEmit = 0;
        ref var o = ref MemoryMarshal.GetReference(output);
        if (length >= InputMarginBytes)
        {
            ref var b = ref MemoryMarshal.GetReference(input);
            ref var t = ref MemoryMarshal.GetReference(table);
            var ipLimit = length - InputMarginBytes;
            var ip = 1;
            var nextHash = Hash(Load32(ref b, ip), shift);
            while (true)
            {
                // Look for a 4-byte match, stepping further apart the longer nothing matches (incompressible data).
                var skip = 32;
                var nextIp = ip;
                int candidate;
                do
                {
                    ip = nextIp;
                    var hash = nextHash;
                    nextIp = ip + (skip++ >> 5);
                    if (nextIp > ipLimit)
                    {
                        goto EmitRemainder;
                    }

                    nextHash = Hash(Load32(ref b, nextIp), shift);
                    candidate = Unsafe.Add(ref t, hash);
                    Unsafe.Add(ref t, hash) = (ushort)ip;
                }
                while (Load32(ref b, ip) != Load32(ref b, candidate));

                op = EmitLiteral(ref o, op, ref b, nextEmit, ip - nextEmit, length);

                // Emit copies for as long as the data right after a match matches again.
                uint inputBytes;
                do
                {
                    var matched = 4 + FindMatchLength(ref b, candidate + 4, ip + 4, length);
                    var offset = ip - candidate;
                    ip += matched;
                    op = EmitCopy(ref o, op, offset, matched);
                    nextEmit = ip;
                    if (ip >= ipLimit)
                    {
                        goto EmitRemainder;
                    }

                    Unsafe.Add(ref t, Hash(Load32(ref b, ip - 1), shift)) = (ushort)(ip - 1);
                    inputBytes = Load32(ref b, ip);
                    var currentHash = Hash(inputBytes, shift);
                    candidate = Unsafe.Add(ref t, currentHash);
                    Unsafe.Add(ref t, currentHash) = (ushort)ip;
                }
                while (inputBytes == Load32(ref b, candidate));

                ip++;
                nextHash = Hash(Load32(ref b, ip), shift);
            }
        }

    EmitRemainder:
        if (nextEmit < length)
        {
            op = EmitLiteral(ref o, op, ref MemoryMarshal.GetReference(input), nextEmit, length - nextEmit, length);
        }

        return op;
    }

    private static int FindMatchLength(ref byte b, int s1, int s2, int limit)
    {
        var matched = 0;
        while (s2 <= limit - 8)
        {
            var x = Load64(ref b, s2) ^ Load64(ref b, s1 + matched);
            if (x == 0)
            {
                s2 += 8;
                matched += 8;
            }
            else
            {
                return matched + (BitOperations.TrailingZeroCount(x) >> 3);
            }
        }

        while (s2 < limit && Unsafe.Add(ref b, s2) == Unsafe.Add(ref b, s1 + matched))
        {
            s2++;
            matched++;
        }

        return matched;
    }

    /// <summary>Emits a literal of <paramref name="count"/> input bytes from <paramref name="start"/>; the output has the MaxCompressedLength slack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EmitLiteral(ref byte o, int op, ref byte input, int start, int count, int inputLength)
    {
        var n = count - 1;
        if (n < 0)
        {
            return op;
        }

        if (n < 60)
        {
            Unsafe.Add(ref o, op++) = (byte)(n << 2);
            if (count <= 16 && start + 16 <= inputLength)
            {
                // Short literal: one unaligned 16-byte copy is cheaper than an exact-length copy.
                Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref o, op), ref Unsafe.Add(ref input, start), 16);
                return op + count;
            }
        }
        else
        {
            var bytes = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 1 << 24 ? 3 : 4;
            Unsafe.Add(ref o, op++) = (byte)((59 + bytes) << 2);
            for (var i = 0; i < bytes; i++)
            {
                Unsafe.Add(ref o, op++) = (byte)(n >> (8 * i));
            }
        }

        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref o, op), ref Unsafe.Add(ref input, start), (uint)count);
        return op + count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EmitCopy(ref byte o, int op, int offset, int length)
    {
        // Long matches become 64-byte copies; keep at least 4 bytes for the last one (a copy needs 4+).
        while (length >= 68)
        {
            op = EmitCopyUpTo64(ref o, op, offset, 64);
            length -= 64;
        }

        if (length > 64)
        {
            op = EmitCopyUpTo64(ref o, op, offset, 60);
            length -= 60;
        }

        return EmitCopyUpTo64(ref o, op, offset, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EmitCopyUpTo64(ref byte o, int op, int offset, int length)
    {
        if (length < 12 && offset < 2048)
        {
            Unsafe.Add(ref o, op) = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            Unsafe.Add(ref o, op + 1) = (byte)offset;
            return op + 2;
        }

        Unsafe.Add(ref o, op) = (byte)(2 | ((length - 1) << 2));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, op + 1), (ushort)offset);
        return op + 3;
    }

    private static int WriteVarInt(Span<byte> output, uint value)
    {
        var op = 0;
        while (value >= 0x80)
        {
            output[op++] = (byte)(value | 0x80);
            value >>= 7;
        }

        output[op++] = (byte)value;
        return op;
    }

    private static int ReadVarInt(ReadOnlySpan<byte> source, out int value)
    {
        uint result = 0;
        for (var i = 0; i < 5; i++)
        {
            if (i >= source.Length)
            {
                throw new InvalidDataException("snappy data ends inside its length preamble");
            }

            var b = source[i];
            result |= (uint)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (result > int.MaxValue)
                {
                    throw new InvalidDataException($"snappy data declares an impossible length {result}");
                }

                value = (int)result;
                return i + 1;
            }
        }

        throw new InvalidDataException("snappy length preamble longer than 5 bytes");
    }
}
