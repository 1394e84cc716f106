using System.Globalization;
using System.IO.Compression;
using System.Net.Mime;
using System.Runtime.CompilerServices;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Ingestion.Canonical;
using Discourse.Ingestion.Fetching;
using Discourse.Ingestion.Sources;

namespace Discourse.Ingestion.Warc;

/// <summary>
/// WARC archives: every <c>response</c> record with an HTML or plain-text 2xx payload becomes a page; the record's
/// WARC-Target-URI is its URL and WARC-Date its fetch time. Other records are passed over silently (requests,
/// metadata, warcinfo) or reported as skipped (non-2xx, non-HTML, oversized responses).
/// </summary>
internal static class WarcSource
{
    /// <summary>Largest response block read; bigger ones (videos, dumps) are skipped without loading them.</summary>
    public const long MaxRecordBytes = 32L * 1024 * 1024;

    /// <summary>The pages of the source's archives, file by file in path order, record by record.</summary>
    public static async IAsyncEnumerable<SourceItem> ReadAsync(WarcSourceConfig source, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var (file, failure) in GlobExpander.ExpandAll(source.Paths, source.Id, "WARC files"))
        {
            if (failure is not null)
            {
                yield return failure;
                continue;
            }

            await foreach (var item in ReadFileAsync(source, file!, clock, ct).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<SourceItem> ReadFileAsync(WarcSourceConfig source, string path, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
            path = $"{path}: {ex.Message}";
        }

        if (stream == Stream.Null)
        {
            yield return new EventItem(new PageFailed(source.Id, path, $"cannot read the WARC file {path}"));
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            var gzipped = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || StartsWithGzipMagic(stream);
            var input = gzipped ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
            var reader = new WarcReader(new BufferedStream(input, 1 << 16), Path.GetFileName(path));
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                WarcRecord? record;
                string? error = null;
                try
                {
                    record = reader.Next(MaxRecordBytes);
                }
                catch (WarcFormatException ex)
                {
                    record = null;
                    error = ex.Message;
                }

                if (error is not null)
                {
                    // After a format error the record boundaries are lost; the rest of the file cannot be trusted.
                    yield return new EventItem(new PageFailed(source.Id, path, error + "; the rest of the file was not read"));
                    break;
                }

                if (record is null)
                {
                    break;
                }

                if (ToItem(source, path, record, clock) is { } item)
                {
                    yield return item;
                }
            }

            if (gzipped)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static SourceItem? ToItem(WarcSourceConfig source, string path, WarcRecord record, TimeProvider clock)
    {
        if (!string.Equals(record.Type, "response", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!record.Headers.TryGetValue("WARC-Target-URI", out var target)
            || !Uri.TryCreate(target.Trim('<', '>'), UriKind.Absolute, out var url))
        {
            return new EventItem(new PageFailed(source.Id, $"{path}@{record.Offset}", "response record without a valid WARC-Target-URI"));
        }

        var location = url.ToString();
        if (record.Block is null)
        {
            return new EventItem(new PageSkipped(source.Id, location, $"archived response of {record.ContentLength} bytes exceeds {MaxRecordBytes} bytes"));
        }

        ArchivedResponse response;
        try
        {
            response = HttpMessageParser.Parse(record.Block, MaxRecordBytes);
        }
        catch (Exception ex) when (ex is FormatException or BodyRejectedException)
        {
            return new EventItem(new PageFailed(source.Id, location, $"{Path.GetFileName(path)}@{record.Offset}: {ex.Message}"));
        }

        if (response.Status is < 200 or >= 300)
        {
            return new EventItem(new PageSkipped(source.Id, location, $"archived response is HTTP {response.Status}, not a page"));
        }

        var mediaType = MediaTypeOf(response.ContentType);
        if (mediaType is not (null or "text/html" or "application/xhtml+xml" or "text/plain"))
        {
            return new EventItem(new PageSkipped(source.Id, location, $"not an HTML page (Content-Type {response.ContentType})"));
        }

        var fetchedAt = record.Headers.TryGetValue("WARC-Date", out var date)
            && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : clock.GetUtcNow();
        var raw = new RawPage(source.Info, url, response.Body, response.ContentType, fetchedAt, []);
        return new PageItem(new FetchedPage(raw, UrlCanonicalizer.Canonicalize(url), DocumentFactory.Sha256Hex(response.Body),
            null, null, null, mediaType == "text/plain"));
    }

    /// <summary>The lower-case media type of a Content-Type value, or null when absent or unparsable.</summary>
    internal static string? MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        try
        {
            return new ContentType(contentType).MediaType.ToLowerInvariant();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool StartsWithGzipMagic(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.Read(magic);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
