using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Ingestion.Canonical;
using Discourse.Ingestion.Dedup;
using Discourse.Ingestion.Extraction;

namespace Discourse.Ingestion.Sources;

/// <summary>A document built from a page, before duplicate detection, with its fingerprint.</summary>
internal sealed record PreparedDocument(FetchedPage Page, Document Document, ulong? SimHash);

/// <summary>Turns fetched bytes into a <see cref="Document"/>: decode, extract, apply hints, check the date window.</summary>
internal static class DocumentFactory
{
    /// <summary>A prepared document, or the event that says why the page yields none.</summary>
    public static (PreparedDocument? Document, IngestionEvent? Event) Build(FetchedPage page, SourceConfig source)
    {
        var location = page.Raw.Url.ToString();
        ExtractedPage extracted;
        try
        {
            if (page.IsPlainText)
            {
                var decoded = HtmlDecoder.Decode(page.Raw.Body.Span, page.Raw.ContentType ?? "text/plain");
                extracted = HtmlExtractor.ExtractPlainText(decoded.Html, page.Raw.Url);
            }
            else
            {
                var decoded = HtmlDecoder.Decode(page.Raw.Body.Span, page.Raw.ContentType);
                extracted = HtmlExtractor.Extract(decoded.Html, page.Raw.Url);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Hostile markup must cost one page, not the run; the reason goes to the manifest.
            return (null, new PageFailed(source.Id, location, $"extraction failed: {ex.GetType().Name}: {ex.Message}"));
        }

        if (string.IsNullOrWhiteSpace(extracted.Text))
        {
            return (null, new PageFailed(source.Id, location, "no main text found in the page"));
        }

        var hints = page.Hints;
        var published = hints?.Published ?? extracted.Published;
        if (published is { } date && OutsideWindow(date, source) is { } window)
        {
            return (null, new PageSkipped(source.Id, location,
                $"published {date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, outside the date window {window}"));
        }

        var canonical = ChooseCanonical(page, extracted);
        var text = extracted.Text;
        var document = new Document
        {
            DocId = UrlCanonicalizer.DocId(canonical),
            Source = source.Info,
            Url = hints?.Url ?? location,
            CanonicalUrl = canonical,
            Lang = hints?.Lang ?? extracted.Lang,
            Title = hints?.Title ?? extracted.Title,
            Text = text,
            Author = hints?.Author ?? extracted.Author,
            PublishedAt = published?.ToUniversalTime(),
            FetchedAt = page.Raw.FetchedAt.ToUniversalTime(),
            ContentSha256 = Sha256Hex(Encoding.UTF8.GetBytes(text)),
        };
        return (new PreparedDocument(page, document, SimHash.Compute(text)), null);
    }

    /// <summary>Lowercase hex SHA-256.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The window text when <paramref name="published"/> falls outside the source's dates, else null.</summary>
    public static string? OutsideWindow(DateTimeOffset published, SourceConfig source)
    {
        var day = DateOnly.FromDateTime(published.UtcDateTime);
        if ((source.DateFrom is { } from && day < from) || (source.DateTo is { } to && day > to))
        {
            return $"{source.DateFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}..{source.DateTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";
        }

        return null;
    }

    /// <summary>
    /// The URL that identifies the document: the sidecar's URL, else rel=canonical when it stays on the fetched host
    /// (a canonical pointing elsewhere is more often a template mistake than the truth), else the fetched URL.
    /// Local files have no host to compare, so their rel=canonical is taken as is.
    /// </summary>
    private static string ChooseCanonical(FetchedPage page, ExtractedPage extracted)
    {
        if (UrlCanonicalizer.TryCanonicalize(page.Hints?.Url) is { } hinted)
        {
            return hinted;
        }

        var fetched = page.Raw.Url;
        if (extracted.CanonicalUrl is { } declared
            && Uri.TryCreate(fetched, declared, out var canonical)
            && (canonical.Scheme == Uri.UriSchemeHttp || canonical.Scheme == Uri.UriSchemeHttps)
            && (fetched.IsFile || string.Equals(canonical.Authority, fetched.Authority, StringComparison.OrdinalIgnoreCase)))
        {
            return UrlCanonicalizer.Canonicalize(canonical);
        }

        return UrlCanonicalizer.Canonicalize(fetched);
    }
}
