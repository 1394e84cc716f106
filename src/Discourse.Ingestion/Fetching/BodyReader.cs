using System.IO.Compression;

namespace Discourse.Ingestion.Fetching;

/// <summary>Thrown when a body breaks a limit or cannot be decoded; the message is the page's failure reason.</summary>
internal sealed class BodyRejectedException(string message) : Exception(message);

/// <summary>
/// Reads a response body, undoing its Content-Encoding (gzip, deflate, br) ourselves so that the size limit applies
/// to the decompressed bytes: a small compressed "bomb" is stopped as soon as it inflates past the limit.
/// </summary>
internal static class BodyReader
{
    /// <summary>Reads at most <paramref name="maxBytes"/> decompressed bytes or throws <see cref="BodyRejectedException"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken ct)
    {
        var declared = response.Content.Headers.ContentLength;
        var encodings = response.Content.Headers.ContentEncoding
            .Where(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (encodings.Count == 0 && declared > maxBytes)
        {
            throw new BodyRejectedException($"body of {declared} bytes exceeds the limit of {maxBytes} bytes (max_body_bytes)");
        }

        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var decoded = stream;
            // Encodings are listed in the order applied, so they are undone from last to first.
            for (var i = encodings.Count - 1; i >= 0; i--)
            {
                decoded = encodings[i].ToLowerInvariant() switch
                {
                    "gzip" or "x-gzip" => new GZipStream(decoded, CompressionMode.Decompress),
                    "deflate" => new ZLibStream(decoded, CompressionMode.Decompress),
                    "br" => new BrotliStream(decoded, CompressionMode.Decompress),
                    var other => throw new BodyRejectedException($"unsupported Content-Encoding '{other}'"),
                };
            }

            try
            {
                return await ReadLimitedAsync(decoded, declared is { } length && encodings.Count == 0 ? (int)length : -1, maxBytes, encodings.Count > 0, ct)
                    .ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw new BodyRejectedException($"corrupt {string.Join('+', encodings)} body: {ex.Message}");
            }
            finally
            {
                if (!ReferenceEquals(decoded, stream))
                {
                    await decoded.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Reads a stream to the end, failing once more than <paramref name="maxBytes"/> arrive.</summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream stream, int expectedLength, long maxBytes, bool decompressed, CancellationToken ct)
    {
        if (expectedLength >= 0)
        {
            // Known length: one exact buffer, no copies.
            var exact = new byte[expectedLength];
            await stream.ReadExactlyAsync(exact, ct).ConfigureAwait(false);
            return exact;
        }

        var buffer = new byte[16 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > maxBytes)
            {
                throw new BodyRejectedException(decompressed
                    ? $"body exceeds the limit of {maxBytes} bytes after decompression (a decompression bomb?); max_body_bytes"
                    : $"body exceeds the limit of {maxBytes} bytes (max_body_bytes)");
            }
        }

        return buffer[..length];
    }
}
