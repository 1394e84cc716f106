using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Ingestion.Canonical;
using Discourse.Ingestion.Discovery;
using Discourse.Ingestion.Extraction;
using Discourse.Ingestion.Fetching;
using Discourse.Ingestion.State;
using Microsoft.Extensions.Logging;

namespace Discourse.Ingestion.Sources;

/// <summary>
/// A crawled site: article URLs are discovered from feeds, then sitemaps (indexes and .gz followed), then start
/// URLs (walked as listing pages when the source has listing selectors), filtered by include/exclude patterns and
/// robots.txt, capped by the page limit, and fetched in parallel (per-host limits apply inside the fetcher),
/// conditionally when the state has validators from an earlier run.
/// </summary>
internal sealed class SiteSource(SiteSourceConfig source, PageFetcher fetcher, IngestionState state, TimeProvider clock, ILogger logger)
{
    private const int MaxSitemapFiles = 1000;
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex[] _include = Compile(source.Include, "include", source.Id);
    private readonly Regex[] _exclude = Compile(source.Exclude, "exclude", source.Id);

    /// <summary>Pages and per-page outcomes, in discovery order.</summary>
    public IAsyncEnumerable<SourceItem> ReadAsync(CancellationToken ct)
    {
        var hosts = source.StartUrls.Concat(source.Feeds).Concat(source.Sitemaps).Select(u => u.Authority).Distinct().Count();
        var degree = Math.Max(2, source.Fetch.MaxConcurrencyPerHost * Math.Max(1, hosts));
        return OrderedParallel.SelectAsync(DiscoverAsync(ct), FetchAsync, degree, ct);
    }

    private async Task<SourceItem> FetchAsync(SourceItem discovered, CancellationToken ct)
    {
        if (discovered is not LinkItem { Link: var link })
        {
            return discovered;
        }

        var location = link.Url.ToString();
        var key = UrlCanonicalizer.Canonicalize(link.Url);
        var stored = state.Find(source.Id, key);
        var validators = stored is { ETag: not null } or { LastModified: not null } ? new Validators(stored.ETag, stored.LastModified) : null;
        var result = await fetcher.FetchAsync(link.Url, validators, ct).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case FetchOutcome.NotModified:
                return new EventItem(
                    new PageSkipped(source.Id, location, "not modified since the last run (HTTP 304)"),
                    stored! with { FetchedAt = clock.GetUtcNow(), ETag = result.ETag, LastModified = result.LastModified });
            case FetchOutcome.Disallowed:
                return new EventItem(new PageSkipped(source.Id, location, result.Reason!));
            case FetchOutcome.Failed:
                return new EventItem(new PageFailed(source.Id, location, result.Reason!));
            default:
                break;
        }

        var mediaType = Warc.WarcSource.MediaTypeOf(result.ContentType);
        if (mediaType is not (null or "text/html" or "application/xhtml+xml" or "text/plain"))
        {
            return new EventItem(new PageSkipped(source.Id, location, $"not an HTML page (Content-Type {result.ContentType})"));
        }

        var raw = new RawPage(source.Info, result.FinalUrl, result.Body, result.ContentType, clock.GetUtcNow(), result.RedirectChain);
        var hints = link.Published is { } published ? new PageHints(null, null, published, null, null) : null;
        return new PageItem(new FetchedPage(raw, key, DocumentFactory.Sha256Hex(result.Body), result.ETag, result.LastModified, hints,
            mediaType == "text/plain"));
    }

    private async IAsyncEnumerable<SourceItem> DiscoverAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = 0;
        await foreach (var item in DiscoverLinksAsync(ct).ConfigureAwait(false))
        {
            if (item is not LinkItem { Link: var link })
            {
                yield return item;
                continue;
            }

            if (link.Url.Scheme != Uri.UriSchemeHttp && link.Url.Scheme != Uri.UriSchemeHttps)
            {
                continue;
            }

            if (!seen.Add(UrlCanonicalizer.Canonicalize(link.Url)))
            {
                continue;
            }

            var location = link.Url.ToString();
            if ((_include.Length > 0 && !_include.Any(r => r.IsMatch(location))) || _exclude.Any(r => r.IsMatch(location)))
            {
                yield return new EventItem(new PageSkipped(source.Id, location, "excluded by the source's include/exclude patterns"));
                continue;
            }

            if (link.Published is { } published && DocumentFactory.OutsideWindow(published, source) is { } window)
            {
                yield return new EventItem(new PageSkipped(source.Id, location, $"feed date {published:yyyy-MM-dd} is outside the date window {window}"));
                continue;
            }

            if (source.MaxPages is { } max && accepted >= max)
            {
                logger.LogInformation("Source {Source}: page limit {Max} reached; discovery stops", source.Id, max);
                yield break;
            }

            accepted++;
            yield return item;
        }
    }

    private async IAsyncEnumerable<SourceItem> DiscoverLinksAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var feed in source.Feeds)
        {
            var (body, failure) = await FetchDiscoveryAsync(feed, "feed", ct).ConfigureAwait(false);
            if (failure is not null)
            {
                yield return failure;
                continue;
            }

            IReadOnlyList<DiscoveredLink> links;
            try
            {
                links = FeedParser.Parse(body!, feed);
            }
            catch (FormatException ex)
            {
                links = [];
                failure = new EventItem(new PageFailed(source.Id, feed.ToString(), ex.Message));
            }

            if (failure is not null)
            {
                yield return failure;
            }

            foreach (var link in links)
            {
                yield return new LinkItem(link);
            }
        }

        var sitemapQueue = new Queue<Uri>(source.Sitemaps);
        var sitemapsSeen = new HashSet<Uri>(source.Sitemaps);
        while (sitemapQueue.Count > 0 && sitemapsSeen.Count <= MaxSitemapFiles)
        {
            var sitemap = sitemapQueue.Dequeue();
            var (body, failure) = await FetchDiscoveryAsync(sitemap, "sitemap", ct).ConfigureAwait(false);
            SitemapContent? content = null;
            if (failure is null)
            {
                try
                {
                    content = SitemapParser.Parse(body!, sitemap, source.Fetch.MaxBodyBytes);
                }
                catch (Exception ex) when (ex is FormatException or BodyRejectedException)
                {
                    failure = new EventItem(new PageFailed(source.Id, sitemap.ToString(), ex.Message));
                }
            }

            if (failure is not null)
            {
                yield return failure;
                continue;
            }

            foreach (var child in content!.Sitemaps)
            {
                if (sitemapsSeen.Add(child))
                {
                    sitemapQueue.Enqueue(child);
                }
            }

            foreach (var page in content.Pages)
            {
                yield return new LinkItem(new DiscoveredLink(page, null));
            }
        }

        foreach (var start in source.StartUrls)
        {
            if (source.Listing is null)
            {
                yield return new LinkItem(new DiscoveredLink(start, null));
                continue;
            }

            await foreach (var item in WalkListingAsync(start, source.Listing, ct).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<SourceItem> WalkListingAsync(Uri start, ListingConfig listing, [EnumeratorCancellation] CancellationToken ct)
    {
        var parser = new HtmlParser();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Uri? page = start;
        for (var count = 0; page is not null && count < listing.MaxListingPages && visited.Add(UrlCanonicalizer.Canonicalize(page)); count++)
        {
            var (body, failure) = await FetchDiscoveryAsync(page, "listing page", ct).ConfigureAwait(false);
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            var html = HtmlDecoder.Decode(body, null).Html;
            using var document = parser.ParseDocument(html);
            var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href && Uri.TryCreate(page, href, out var declaredBase)
                ? declaredBase
                : page;
            var (articles, next, selectorError) = SelectLinks(document, baseUrl, listing);
            if (selectorError is not null)
            {
                yield return new EventItem(new PageFailed(source.Id, page.ToString(), selectorError));
                yield break;
            }

            foreach (var article in articles)
            {
                yield return new LinkItem(new DiscoveredLink(article, null));
            }

            page = next;
        }
    }

    private static (List<Uri> Articles, Uri? Next, string? Error) SelectLinks(AngleSharp.Html.Dom.IHtmlDocument document, Uri baseUrl, ListingConfig listing)
    {
        var articles = new List<Uri>();
        Uri? next = null;
        try
        {
            foreach (var anchor in document.QuerySelectorAll(listing.ArticleLinks))
            {
                if (anchor.GetAttribute("href") is { } link && Uri.TryCreate(baseUrl, link.Trim(), out var absolute))
                {
                    articles.Add(absolute);
                }
            }

            if (listing.NextPage is { } nextSelector
                && document.QuerySelector(nextSelector)?.GetAttribute("href") is { } nextHref
                && Uri.TryCreate(baseUrl, nextHref.Trim(), out var nextUrl))
            {
                next = nextUrl;
            }
        }
        catch (AngleSharp.Dom.DomException ex)
        {
            return ([], null, $"listing selector '{listing.ArticleLinks}' or '{listing.NextPage}' is not valid CSS ({ex.Message}); fix listing.article_links / listing.next_page");
        }

        return (articles, next, null);
    }

    private async Task<(byte[]? Body, SourceItem? Failure)> FetchDiscoveryAsync(Uri url, string what, CancellationToken ct)
    {
        var result = await fetcher.FetchAsync(url, null, ct).ConfigureAwait(false);
        return result.Outcome switch
        {
            FetchOutcome.Ok => (result.Body, null),
            FetchOutcome.Disallowed => (null, new EventItem(new PageSkipped(source.Id, url.ToString(), $"{what} {result.Reason}"))),
            _ => (null, new EventItem(new PageFailed(source.Id, url.ToString(), $"{what} could not be fetched: {result.Reason}"))),
        };
    }

    private static Regex[] Compile(IReadOnlyList<string> patterns, string what, string sourceId) =>
        patterns.Select(p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"Source '{sourceId}': {what} pattern '{p}' is not a valid regular expression: {ex.Message}", ex);
            }
        }).ToArray();

    /// <summary>A discovered article link on its way to the fetch step.</summary>
    private sealed record LinkItem(DiscoveredLink Link) : SourceItem;
}
