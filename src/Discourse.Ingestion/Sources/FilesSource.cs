using System.Runtime.CompilerServices;
using System.Text.Json;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;

namespace Discourse.Ingestion.Sources;

/// <summary>
/// Local files: each glob is expanded (sorted), .html/.htm pages and .txt/.md texts are read with their optional
/// sidecar <c>NAME.meta.json</c> (<c>url</c>, <c>title</c>, <c>published</c>, <c>author</c>, <c>lang</c>).
/// </summary>
internal static class FilesSource
{
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md" };

    /// <summary>The pages (or per-file failures) of the source, in path order.</summary>
    public static async IAsyncEnumerable<SourceItem> ReadAsync(FilesSourceConfig source, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, failure) in GlobExpander.ExpandAll(source.Paths, source.Id, "files"))
        {
            ct.ThrowIfCancellationRequested();
            if (failure is not null)
            {
                yield return failure;
                continue;
            }

            if (!seen.Add(path!) || path!.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var extension = Path.GetExtension(path);
            var plain = TextExtensions.Contains(extension);
            if (!plain && !HtmlExtensions.Contains(extension))
            {
                yield return new EventItem(new PageSkipped(source.Id, new Uri(path).ToString(), $"'{extension}' files are not read; files sources take .html, .htm, .txt and .md"));
                continue;
            }

            yield return await ReadFileAsync(source, path, plain, clock, ct).ConfigureAwait(false);
        }
    }

    private static async Task<SourceItem> ReadFileAsync(FilesSourceConfig source, string path, bool plain, TimeProvider clock, CancellationToken ct)
    {
        var uri = new Uri(path);
        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return new EventItem(new PageFailed(source.Id, uri.ToString(), $"cannot read {path}: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return new EventItem(new PageFailed(source.Id, uri.ToString(), $"cannot read {path}: {ex.Message}"));
        }

        PageHints? hints;
        try
        {
            hints = await ReadSidecarAsync(path, ct).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            return new EventItem(new PageFailed(source.Id, uri.ToString(), ex.Message));
        }

        var contentType = plain ? "text/plain" : null;
        var raw = new RawPage(source.Info, uri, body, contentType, clock.GetUtcNow(), []);
        return new PageItem(new FetchedPage(raw, uri.ToString(), DocumentFactory.Sha256Hex(body), null, null, hints, plain));
    }

    /// <summary>Reads <c>NAME.meta.json</c> (or <c>NAME.ext.meta.json</c>) beside the file, if present.</summary>
    internal static async Task<PageHints?> ReadSidecarAsync(string path, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        string[] candidates =
        [
            Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".meta.json"),
            path + ".meta.json",
        ];
        var sidecar = candidates.FirstOrDefault(File.Exists);
        if (sidecar is null)
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(sidecar, ct).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{sidecar}: sidecar metadata must be a JSON object with url, title, published, author, lang");
            }

            var root = json.RootElement;
            DateTimeOffset? published = null;
            if (Text(root, "published", sidecar) is { } publishedText)
            {
                published = Discovery.FeedParser.ParseDate(publishedText)
                    ?? throw new FormatException($"{sidecar}: 'published' value '{publishedText}' is not a date; use ISO 8601, e.g. 2016-06-21T10:00:00+03:00");
            }

            var url = Text(root, "url", sidecar);
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new FormatException($"{sidecar}: 'url' value '{url}' is not an absolute URL");
            }

            return new PageHints(url, Text(root, "title", sidecar), published, Text(root, "author", sidecar), Text(root, "lang", sidecar));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{sidecar}: invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}", ex);
        }
    }

    private static string? Text(JsonElement root, string name, string file)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"{file}: '{name}' must be a string or null, found {value.ValueKind}");
    }
}
