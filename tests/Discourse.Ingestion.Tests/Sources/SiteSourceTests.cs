using System.Text;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Ingestion.Canonical;
using Discourse.Ingestion.Tests.Support;
using Discourse.Testing;
using Discourse.Testing.Sites;

namespace Discourse.Ingestion.Tests.Sources;

/// <summary>
/// The crawl acceptance test: the bundled four-site corpus served by Kestrel on 127.0.0.1 with robots.txt, feeds,
/// sitemaps, pagination and faults, crawled twice into one output folder. Everything is asserted on events and on
/// the server's request log, never on timing; politeness delays are off and timeouts generous, so CPU load only
/// makes it slower.
/// </summary>
public sealed class SiteSourceTests
{
    private const string Slow = "articles/2014/03/consultations-finland-cross-border-cooperation.html";
    private const string Throttled = "articles/2015/05/russia-china-agreement-international-information-security-signed.html";
    private const string Changing = "articles/2016/06/comment-western-media-campaign-olympic-athletes.html";
    private const string WrongCharset = "articles/2015/06/vstrecha-s-predstavitelyami-malogo-biznesa.html";
    private const string Disappearing = "articles/2016/12/soveshchanie-po-doktrine-informatsionnoy-bezopasnosti.html";
    private const string Malformed = "articles/2017/01/snegopad-paralizoval-dvizhenie-v-moskve.html";

    private static readonly Dictionary<string, string> ExpectedFailures = new(StringComparer.Ordinal)
    {
        ["articles/faults/server-error.html"] = "HTTP 500 Internal Server Error after 3 attempts",
        ["articles/faults/loop-a.html"] = "redirect loop: ",
        ["articles/faults/oversized.html"] = "exceeds the limit of 1048576 bytes",
        ["articles/faults/gzip-bomb.html"] = "after decompression",
    };

    private static readonly FetchConfig Impolite = new()
    {
        MinDelayMs = 0,
        HonourCrawlDelay = false,
        RespectRobots = true,
        MaxConcurrencyPerHost = 4,
        TimeoutSeconds = 60,
        MaxRetries = 2,
        RetryBaseDelayMs = 10,
        MaxBodyBytes = 1024 * 1024,
        MaxRedirects = 5,
    };

    [Fact]
    public async Task Crawl_of_the_bundled_sites_with_faults_then_an_incremental_recrawl()
    {
        await using var server = await CorpusSiteServer.StartAsync();
        using var output = new TemporaryDirectory();
        InstallFaults(server);
        var sources = SourcesFor(server);

        // Run 1: every good page exactly once, every bad one a failure with its reason.
        var first = await CrawlAsync(output.Path, sources);
        var documents = first.Documents();
        var expectedUrls = Corpus.Manifest
            .Select(m => UrlCanonicalizer.Canonicalize(server.Local(m.GetProperty("url").GetString()!)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(96, expectedUrls.Count);
        Assert.Equal(96, documents.Count);
        Assert.Equal(expectedUrls.Order(StringComparer.Ordinal), documents.Select(d => d.CanonicalUrl!).Order(StringComparer.Ordinal));
        Assert.Equal(96, documents.Select(d => d.DocId).Distinct().Count());

        var failures = first.OfType<PageFailed>().ToDictionary(f => f.Location, f => f.Reason, StringComparer.Ordinal);
        foreach (var (path, reason) in ExpectedFailures)
        {
            var location = server.Url("mid-press", path).ToString();
            Assert.True(failures.TryGetValue(location, out var actual), $"no failure for {location}; failures: {string.Join("; ", failures)}");
            Assert.Contains(reason, actual, StringComparison.Ordinal);
        }

        var hang = server.Url("mid-press", "articles/faults/hang.html").ToString();
        Assert.StartsWith("timed out after 3 s", failures[hang], StringComparison.Ordinal);
        Assert.Equal(ExpectedFailures.Count + 1, failures.Count);

        var admin = Assert.Single(first.OfType<PageSkipped>(), s => s.Location.Contains("/admin/", StringComparison.Ordinal));
        Assert.Equal("disallowed by robots.txt", admin.Reason);
        Assert.DoesNotContain(server.Requests, r => r.Path.Contains("/admin/", StringComparison.Ordinal));

        // The awkward good pages came through: slow, throttled once, wrong charset header, malformed markup.
        Assert.Contains(server.Requests, r => r.Site == "mid-press" && r.Path == "/" + Throttled && r.Status == 429);
        var wrongCharset = documents.Single(d => d.CanonicalUrl == UrlCanonicalizer.Canonicalize(server.Url("kremlin-transcripts", WrongCharset)));
        Assert.Equal("ru", wrongCharset.Lang);
        Assert.DoesNotContain('\uFFFD', wrongCharset.Text);
        Assert.True(wrongCharset.Text.Count(c => c is >= 'а' and <= 'я') > 200, "the windows-1251 page served as utf-8 should still decode to Cyrillic");
        Assert.Contains(documents, d => d.CanonicalUrl == UrlCanonicalizer.Canonicalize(server.Url("newswire-agency", Malformed)));

        // Every article was downloaded (200) exactly once.
        var articleDownloads = server.Requests
            .Where(r => r.Status == 200 && r.Path.StartsWith("/articles/", StringComparison.Ordinal) && !r.Path.StartsWith("/articles/faults/", StringComparison.Ordinal))
            .GroupBy(r => (r.Site, r.Path))
            .ToList();
        Assert.Equal(96, articleDownloads.Count);
        Assert.All(articleDownloads, g => Assert.Single(g));

        // Between the runs one page changes and one disappears.
        var changedBytes = CorpusSiteServer.Replace(
            Corpus.Bytes("mid-press/" + Changing),
            "<p>"u8,
            "<p>Correction issued after publication: the statement was clarified by the press service. "u8);
        server.SetFault("mid-press", Changing, new SiteFault.Body(changedBytes));
        server.SetFault("kremlin-transcripts", Disappearing, new SiteFault.Status(404));
        server.ClearFault("mid-press", Throttled);
        server.ClearFault("mid-press", Slow);
        server.ClearRequests();

        // Run 2: only the changed page is downloaded and re-ingested; nothing is ingested twice.
        var second = await CrawlAsync(output.Path, sources);
        var changed = Assert.Single(second.Documents());
        Assert.Equal(UrlCanonicalizer.Canonicalize(server.Url("mid-press", Changing)), changed.CanonicalUrl);
        Assert.Equal(documents.Single(d => d.CanonicalUrl == changed.CanonicalUrl).DocId, changed.DocId);
        Assert.Contains("Correction issued after publication", changed.Text, StringComparison.Ordinal);

        var gone = server.Url("kremlin-transcripts", Disappearing).ToString();
        Assert.Equal("HTTP 404 Not Found", second.OfType<PageFailed>().Single(f => f.Location == gone).Reason);
        Assert.Equal(94, second.OfType<PageSkipped>().Count(s => s.Reason == "not modified since the last run (HTTP 304)"));
        var downloads = server.Requests
            .Where(r => r.Status == 200 && r.Path.StartsWith("/articles/", StringComparison.Ordinal) && !r.Path.StartsWith("/articles/faults/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal([("mid-press", "/" + Changing)], downloads.Select(r => (r.Site, r.Path)));
    }

    [Fact]
    public async Task Loopback_sites_are_refused_unless_the_source_allows_private_networks()
    {
        await using var server = await CorpusSiteServer.StartAsync();
        using var output = new TemporaryDirectory();
        var source = Site(server, "mid-press") with { AllowPrivateNetwork = false, Feeds = [server.Url("mid-press", "rss.xml")], StartUrls = [] };
        var events = await CrawlAsync(output.Path, [source]);
        var failure = Assert.IsType<PageFailed>(Assert.Single(events));
        Assert.Contains("is a loopback, private or link-local address; set allow_private_network", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Page_limit_and_date_window_cut_the_crawl_short()
    {
        await using var server = await CorpusSiteServer.StartAsync();
        using var output = new TemporaryDirectory();
        var limited = Site(server, "kremlin-transcripts") with
        {
            Listing = new ListingConfig("div.events-feed a.event__title", "a[rel=next]"),
            MaxPages = 5,
        };
        var windowed = Site(server, "policy-institute") with
        {
            Feeds = [server.Url("policy-institute", "feed.xml")],
            StartUrls = [],
            DateFrom = new DateOnly(2020, 1, 1),
        };
        var events = await CrawlAsync(output.Path, [limited, windowed]);
        Assert.Equal(5, events.Count(e => e is DocumentIngested { Document.Source.Id: "kremlin-transcripts" }));
        var recent = events.Documents().Where(d => d.Source.Id == "policy-institute").ToList();
        var skipped = events.OfType<PageSkipped>().Where(s => s.SourceId == "policy-institute").ToList();
        Assert.NotEmpty(recent);
        Assert.NotEmpty(skipped);
        Assert.Equal(24, recent.Count + skipped.Count);
        Assert.All(recent, d => Assert.True(d.PublishedAt >= new DateTimeOffset(2019, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.All(skipped, s => Assert.StartsWith("feed date 20", s.Reason, StringComparison.Ordinal));
        // Pages outside the window were never downloaded.
        Assert.Equal(recent.Count, server.Requests.Count(r => r.Site == "policy-institute" && r.Path.StartsWith("/articles/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Broken_discovery_inputs_are_failures_not_crashes()
    {
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/robots.txt" => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
            "/feed.xml" => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("<rss><channel><item>") },
            "/sitemap.xml" => new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable),
            _ => StubHandler.Html("<ul><li><a class=story href=/a.html>A</a></li></ul>"),
        });
        using var output = new TemporaryDirectory();
        var source = new SiteSourceConfig
        {
            Id = "broken",
            Name = "Broken site",
            Actor = "international",
            Kind = SourceKind.Other,
            Feeds = [new Uri("https://example.org/feed.xml")],
            Sitemaps = [new Uri("https://example.org/sitemap.xml")],
            StartUrls = [new Uri("https://example.org/")],
            Listing = new ListingConfig("a.story[", null),
            Fetch = Impolite with { MaxRetries = 0 },
        };
        await using var ingestor = new Ingestor(new IngestionOptions { StateDirectory = output.Path, Handler = handler });
        var events = new List<IngestionEvent>();
        await foreach (var e in ingestor.IngestAsync(source, CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.IsType<PageFailed>(e));
        Assert.Contains("malformed feed XML", ((PageFailed)events[0]).Reason, StringComparison.Ordinal);
        Assert.Equal("sitemap could not be fetched: HTTP 503 Service Unavailable", ((PageFailed)events[1]).Reason);
        Assert.Contains("is not valid CSS", ((PageFailed)events[2]).Reason, StringComparison.Ordinal);
    }

    private static async Task<List<IngestionEvent>> CrawlAsync(string output, IReadOnlyList<SourceConfig> sources)
    {
        await using var ingestor = new Ingestor(new IngestionOptions { StateDirectory = output });
        var events = new List<IngestionEvent>();
        foreach (var source in sources)
        {
            await foreach (var e in ingestor.IngestAsync(source, CancellationToken.None))
            {
                events.Add(e);
            }
        }

        return events;
    }

    private static void InstallFaults(CorpusSiteServer server)
    {
        string[] faultPaths = [.. ExpectedFailures.Keys, "admin/index.html"];
        var sitemap = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in faultPaths)
        {
            sitemap.Append("  <url><loc>").Append(server.Url("mid-press", path)).Append("</loc></url>\n");
        }

        sitemap.Append("</urlset>\n");
        server.SetFault("mid-press", "sitemap-faults.xml", new SiteFault.Body(Encoding.UTF8.GetBytes(sitemap.ToString()), "application/xml"));
        server.SetFault("mid-press", "articles/faults/server-error.html", new SiteFault.Status(500));
        server.SetFault("mid-press", "articles/faults/loop-a.html", new SiteFault.RedirectTo("articles/faults/loop-b.html"));
        server.SetFault("mid-press", "articles/faults/loop-b.html", new SiteFault.RedirectTo("articles/faults/loop-a.html"));
        server.SetFault("mid-press", "articles/faults/oversized.html", new SiteFault.Oversized(3 * 1024 * 1024));
        server.SetFault("mid-press", "articles/faults/gzip-bomb.html", new SiteFault.GzipBomb(64 * 1024 * 1024));
        server.SetFault("mid-press", "articles/faults/hang.html", new SiteFault.Hang());
        server.SetFault("mid-press", Slow, new SiteFault.Slow(TimeSpan.FromMilliseconds(300)));
        server.SetFault("mid-press", Throttled, new SiteFault.TooManyRequests(RetryAfterSeconds: 1));
        server.SetFault("kremlin-transcripts", WrongCharset, new SiteFault.Header("text/html; charset=utf-8"));
    }

    private static IReadOnlyList<SourceConfig> SourcesFor(CorpusSiteServer server) =>
    [
        Site(server, "mid-press") with
        {
            Feeds = [server.Url("mid-press", "rss.xml")],
            Sitemaps = [server.Url("mid-press", "sitemap.xml"), server.Url("mid-press", "sitemap-faults.xml")],
            StartUrls = [server.Root("mid-press")],
            Listing = new ListingConfig("ul.news-list a.news-item__link", "a.pagination__next"),
            Include = ["/(articles|admin)/"],
        },
        Site(server, "kremlin-transcripts") with
        {
            StartUrls = [server.Root("kremlin-transcripts")],
            Listing = new ListingConfig("div.events-feed a.event__title", "a[rel=next]"),
        },
        Site(server, "newswire-agency") with
        {
            Feeds = [server.Url("newswire-agency", "atom.xml")],
            Sitemaps = [server.Url("newswire-agency", "sitemap.xml")],
        },
        Site(server, "policy-institute") with
        {
            Feeds = [server.Url("policy-institute", "feed.xml")],
            StartUrls = [server.Root("policy-institute")],
            Listing = new ListingConfig("div.archive h2.post-card__title a", "a.next-page"),
        },
        // A page that never answers gets its own source with a short timeout, so the good pages keep a generous one.
        Site(server, "mid-press") with
        {
            Id = "mid-press-hanging",
            StartUrls = [server.Url("mid-press", "articles/faults/hang.html")],
            Fetch = Impolite with { RespectRobots = false, TimeoutSeconds = 3, MaxRetries = 0 },
        },
    ];

    private static SiteSourceConfig Site(CorpusSiteServer server, string site) => new()
    {
        Id = site,
        Name = site,
        Actor = "international",
        Kind = SourceKind.Other,
        Include = ["/articles/"],
        AllowPrivateNetwork = true,
        Fetch = Impolite,
        StartUrls = [server.Root(site)],
    };
}
