using System.Numerics;
using Discourse.Parquet.Format;

namespace Discourse.Parquet.Encodings;

/// <summary>
/// The RLE / bit-packing hybrid (Encodings.md, RLE = 3) for levels and dictionary indices: runs of 8 or more equal
/// values become RLE runs, everything else goes into bit-packed groups of 8.
/// </summary>
internal static class RleBitPackedEncoder
{
    /// <summary>The number of bits needed for values up to <paramref name="maxValue"/>.</summary>
    public static int BitWidth(int maxValue) => maxValue <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue);

    /// <summary>Encodes levels (bytes) or dictionary indices (ints) with <paramref name="bitWidth"/> bits per value.</summary>
    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var pos = 0;
        var literalStart = -1;
        while (pos < values.Length)
        {
            var value = values[pos];
            var run = values[pos..].IndexOfAnyExcept(value);
            if (run < 0)
            {
                run = values.Length - pos;
            }

            if (run >= 8)
            {
                if (literalStart >= 0)
                {
                    var pending = pos - literalStart;
                    var pad = (8 - (pending % 8)) % 8;
                    pos += pad;
                    run -= pad;
                    WriteBitPacked(values[literalStart..pos], bitWidth, output);
                    literalStart = -1;
                }

                if (run > 0)
                {
                    WriteRun(int.CreateTruncating(value), run, bitWidth, output);
                    pos += run;
                }
            }
            else
            {
                if (literalStart < 0)
                {
                    literalStart = pos;
                }

                pos += run;
            }
        }

        if (literalStart >= 0)
        {
            WriteBitPacked(values[literalStart..], bitWidth, output);
        }
    }

    private static void WriteRun(int value, int count, int bitWidth, ByteBuffer output)
    {
        output.WriteUnsignedVarInt((ulong)count << 1);
        var bytes = (bitWidth + 7) / 8;
        for (var i = 0; i < bytes; i++)
        {
            output.WriteByte((byte)(value >> (8 * i)));
        }
    }

    private static void WriteBitPacked<T>(ReadOnlySpan<T> values, int bitWidth, ByteBuffer output)
        where T : unmanaged, IBinaryInteger<T>
    {
        var groups = (values.Length + 7) / 8;
        output.WriteUnsignedVarInt(((ulong)groups << 1) | 1);
        var byteCount = groups * bitWidth;
        var span = output.GetSpan(byteCount);
        ulong acc = 0;
        var bits = 0;
        var o = 0;
        for (var i = 0; i < groups * 8; i++)
        {
            var v = i < values.Length ? uint.CreateTruncating(values[i]) : 0u;
            acc |= (ulong)v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[o++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        output.Advance(byteCount);
    }
}
