using System.Globalization;
using System.Text;

namespace Discourse.Ingestion.Warc;

/// <summary>Thrown for a WARC file that does not follow the format; the message names the file and offset.</summary>
internal sealed class WarcFormatException(string message) : Exception(message);

/// <summary>One WARC record: its named fields and its content block (null when larger than the limit and skipped).</summary>
/// <param name="Version">The version line, <c>WARC/1.0</c> or <c>WARC/1.1</c>.</param>
/// <param name="Headers">The named fields (names case-insensitive; the first of repeated names is kept).</param>
/// <param name="Block">The content block, or null when it exceeded the limit and was skipped.</param>
/// <param name="ContentLength">The declared block length.</param>
/// <param name="Offset">Where the record starts in the (decompressed) stream.</param>
internal sealed record WarcRecord(string Version, IReadOnlyDictionary<string, string> Headers, byte[]? Block, long ContentLength, long Offset)
{
    /// <summary>WARC-Type (<c>response</c>, <c>request</c>, <c>warcinfo</c>…).</summary>
    public string Type => Headers.TryGetValue("WARC-Type", out var type) ? type : string.Empty;
}

/// <summary>
/// Reads WARC 1.0/1.1 records (ISO 28500) one after another from an uncompressed stream. For .warc.gz pass a
/// <see cref="System.IO.Compression.GZipStream"/>: it reads the concatenated per-record gzip members in sequence.
/// </summary>
internal sealed class WarcReader(Stream stream, string fileName)
{
    private const int MaxHeaderLine = 64 * 1024;
    private const int MaxHeaderLines = 1000;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _consumed;

    /// <summary>The next record, or null at the end of the stream.</summary>
    public WarcRecord? Next(long maxBlockBytes)
    {
        string? versionLine;
        // Records are separated by blank lines; tolerate extra ones.
        do
        {
            versionLine = ReadLine();
        }
        while (versionLine is { Length: 0 });

        if (versionLine is null)
        {
            return null;
        }

        var offset = _consumed - Encoding.ASCII.GetByteCount(versionLine) - 2;
        if (!versionLine.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new WarcFormatException($"{fileName}: expected a 'WARC/1.0' or 'WARC/1.1' line at offset {Math.Max(0, offset)}, found '{Truncate(versionLine)}'; is this a WARC file?");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var count = 0; ; count++)
        {
            var line = ReadLine() ?? throw new WarcFormatException($"{fileName}: record at offset {offset} ends inside its header");
            if (line.Length == 0)
            {
                break;
            }

            if (count >= MaxHeaderLines)
            {
                throw new WarcFormatException($"{fileName}: record at offset {offset} has more than {MaxHeaderLines} header lines");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new WarcFormatException($"{fileName}: record at offset {offset} has a header line without a name: '{Truncate(line)}'");
            }

            headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        if (!headers.TryGetValue("Content-Length", out var lengthText)
            || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new WarcFormatException($"{fileName}: record at offset {offset} has no valid Content-Length");
        }

        byte[]? block = null;
        if (length <= maxBlockBytes)
        {
            block = new byte[length];
            ReadExactly(block, offset);
        }
        else
        {
            Skip(length, offset);
        }

        return new WarcRecord(versionLine, headers, block, length, offset);
    }

    private string? ReadLine()
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                if (line.Count == 0)
                {
                    return null;
                }

                break;
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line.AddRange(span[..newline]);
                _start += newline + 1;
                _consumed += newline + 1;
                break;
            }

            line.AddRange(span);
            _consumed += span.Length;
            _start = _end;
            if (line.Count > MaxHeaderLine)
            {
                throw new WarcFormatException($"{fileName}: header line longer than {MaxHeaderLine} bytes near offset {_consumed}");
            }
        }

        var count = line.Count;
        if (count > 0 && line[count - 1] == '\r')
        {
            count--;
        }

        // Field values are UTF-8 in WARC 1.1 (ASCII in 1.0, a subset).
        return Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line)[..count]);
    }

    private void ReadExactly(Span<byte> target, long recordOffset)
    {
        while (target.Length > 0)
        {
            if (_start == _end && !Fill())
            {
                throw new WarcFormatException($"{fileName}: record at offset {recordOffset} is truncated: its block ends before Content-Length bytes");
            }

            var take = Math.Min(target.Length, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(target);
            _start += take;
            _consumed += take;
            target = target[take..];
        }
    }

    private void Skip(long count, long recordOffset)
    {
        while (count > 0)
        {
            if (_start == _end && !Fill())
            {
                throw new WarcFormatException($"{fileName}: record at offset {recordOffset} is truncated: its block ends before Content-Length bytes");
            }

            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            _consumed += take;
            count -= take;
        }
    }

    private bool Fill()
    {
        try
        {
            _start = 0;
            _end = stream.Read(_buffer, 0, _buffer.Length);
            return _end > 0;
        }
        catch (InvalidDataException ex)
        {
            throw new WarcFormatException($"{fileName}: corrupt gzip data near offset {_consumed}: {ex.Message}");
        }
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
