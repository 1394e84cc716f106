using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Discourse.Ingestion.Warc;

/// <summary>An HTTP response as archived in a WARC response record.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">The header fields (case-insensitive; repeated names joined with ", ").</param>
/// <param name="Body">The payload with transfer and content encodings undone.</param>
internal sealed record ArchivedResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The Content-Type header, if any.</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;
}

/// <summary>Parses the <c>application/http; msgtype=response</c> block of a WARC response record.</summary>
internal static class HttpMessageParser
{
    /// <summary>Parses a response block; throws <see cref="FormatException"/> when it is not an HTTP response.</summary>
    public static ArchivedResponse Parse(byte[] block, long maxBodyBytes)
    {
        var span = block.AsSpan();
        var headerEnd = span.IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (headerEnd < 0)
        {
            headerEnd = span.IndexOf("\n\n"u8);
            separator = 2;
        }

        if (headerEnd < 0)
        {
            throw new FormatException("the HTTP response has no blank line after its headers");
        }

        var lines = Encoding.Latin1.GetString(span[..headerEnd]).Split('\n');
        var statusLine = lines[0].TrimEnd('\r');
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException($"'{statusLine}' is not an HTTP status line");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in lines.Skip(1))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        var body = block[(headerEnd + separator)..];
        if (headers.TryGetValue("Transfer-Encoding", out var transfer) && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            && TryDechunk(body, out var dechunked))
        {
            body = dechunked;
        }

        if (headers.TryGetValue("Content-Encoding", out var encoding))
        {
            body = Decode(body, encoding.Trim().ToLowerInvariant(), maxBodyBytes);
        }

        return new ArchivedResponse(status, headers, body);
    }

    // Crawlers differ: some archive the payload still chunked, some dechunked but keep the header. Dechunk only when
    // the bytes really are chunks.
    private static bool TryDechunk(byte[] body, out byte[] result)
    {
        result = body;
        using var output = new MemoryStream(body.Length);
        var position = 0;
        while (true)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd <= 0)
            {
                return false;
            }

            var sizeText = Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return false;
            }

            position += lineEnd + 2;
            if (size == 0)
            {
                result = output.ToArray();
                return true;
            }

            if (position + size > body.Length)
            {
                return false;
            }

            output.Write(body, position, size);
            position += size + 2;
        }
    }

    private static byte[] Decode(byte[] body, string encoding, long maxBodyBytes)
    {
        Stream? decoder = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return body;
        }

        using (decoder)
        {
            try
            {
                return Fetching.BodyReader.ReadLimitedAsync(decoder, -1, maxBodyBytes, decompressed: true, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (InvalidDataException)
            {
                // Many archives store the payload already decoded but keep the header.
                return body;
            }
        }
    }
}
