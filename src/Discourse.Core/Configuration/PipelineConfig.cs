using Discourse.Core.Documents;

namespace Discourse.Core.Configuration;

/// <summary>
/// The whole of pipeline.yaml after validation. Relative paths are resolved against the folder of the config file.
/// </summary>
public sealed record PipelineConfig
{
    /// <summary>The file the config was read from (absolute), for messages and relative paths.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>The dataset folder (default <c>out</c>), absolute.</summary>
    public required string OutputDir { get; init; }

    /// <summary>The model used to classify documents.</summary>
    public required ModelConfig Model { get; init; }

    /// <summary>Run-wide settings.</summary>
    public required RunConfig Run { get; init; }

    /// <summary>The sources, in the order they are read; ids are unique.</summary>
    public required IReadOnlyList<SourceConfig> Sources { get; init; }
}

/// <summary>Which model classifies the run's documents.</summary>
/// <param name="Path">Absolute path of the model file.</param>
public sealed record ModelConfig(string Path);

/// <summary>Run-wide settings.</summary>
public sealed record RunConfig
{
    /// <summary>Parquet codec for the dataset: <c>snappy</c> (default), <c>gzip</c> or <c>uncompressed</c>.</summary>
    public string Codec { get; init; } = "snappy";

    /// <summary>Upper bound of a row group's uncompressed size in bytes (default 128 MiB).</summary>
    public long RowGroupBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Stop after this many documents in total; null for no limit.</summary>
    public int? MaxDocuments { get; init; }

    /// <summary>Seed for anything random that must be reproducible (sampling); run id suffixes are always fresh, so two runs started in the same second never clash.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Month partitions with a Parquet file open at once (default 32). Each open file buffers up to one row group, so
    /// memory stays below about <c>MaxOpenFiles × RowGroupBytes</c>; more partitions than this in one run means some
    /// get more than one part file.
    /// </summary>
    public int MaxOpenFiles { get; init; } = 32;
}

/// <summary>One source of pages. Concrete kinds: <see cref="SiteSourceConfig"/>, <see cref="FilesSourceConfig"/>, <see cref="WarcSourceConfig"/>.</summary>
public abstract record SourceConfig
{
    /// <summary>Unique id of the source (letters, digits, '-', '_').</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Actor or country, e.g. <c>RU</c>, <c>CN</c>, <c>US</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>What kind of publisher this is.</summary>
    public required SourceKind Kind { get; init; }

    /// <summary>Only documents published on or after this date are kept (inclusive); null for no bound.</summary>
    public DateOnly? DateFrom { get; init; }

    /// <summary>Only documents published on or before this date are kept (inclusive); null for no bound.</summary>
    public DateOnly? DateTo { get; init; }

    /// <summary>The publisher facts copied into every document of this source.</summary>
    public SourceInfo Info => new(Id, Name, Actor, Kind);
}

/// <summary>Local files: HTML, text or Markdown, with optional sidecar metadata (<c>NAME.meta.json</c>).</summary>
public sealed record FilesSourceConfig : SourceConfig
{
    /// <summary>Glob patterns (absolute after loading), e.g. <c>corpora/site/**/*.html</c>.</summary>
    public required IReadOnlyList<string> Paths { get; init; }
}

/// <summary>WARC 1.0/1.1 archives (.warc, .warc.gz); response records are read.</summary>
public sealed record WarcSourceConfig : SourceConfig
{
    /// <summary>Glob patterns of archive files (absolute after loading).</summary>
    public required IReadOnlyList<string> Paths { get; init; }
}

/// <summary>A web site crawled politely from start URLs, feeds, sitemaps and listing pages.</summary>
public sealed record SiteSourceConfig : SourceConfig
{
    /// <summary>Pages to start from (article or listing pages).</summary>
    public IReadOnlyList<Uri> StartUrls { get; init; } = [];

    /// <summary>RSS or Atom feeds whose items are fetched.</summary>
    public IReadOnlyList<Uri> Feeds { get; init; } = [];

    /// <summary>sitemap.xml files or sitemap indexes (.xml or .xml.gz).</summary>
    public IReadOnlyList<Uri> Sitemaps { get; init; } = [];

    /// <summary>How to walk listing pages, if the site has them.</summary>
    public ListingConfig? Listing { get; init; }

    /// <summary>Regular expressions; when any is given, only matching article URLs are fetched.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Regular expressions; matching URLs are never fetched.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Stop after this many article pages; null for no limit.</summary>
    public int? MaxPages { get; init; }

    /// <summary>Allow loopback, private and link-local addresses (off by default; tests turn it on).</summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Fetching and politeness settings.</summary>
    public FetchConfig Fetch { get; init; } = new();
}

/// <summary>CSS selectors that find article links and the next listing page.</summary>
/// <param name="ArticleLinks">Selector of <c>a</c> elements linking to articles.</param>
/// <param name="NextPage">Selector of the <c>a</c> element linking to the next listing page, if any.</param>
/// <param name="MaxListingPages">At most this many listing pages are walked per start URL.</param>
public sealed record ListingConfig(string ArticleLinks, string? NextPage, int MaxListingPages = 50);

/// <summary>How pages are fetched from a site.</summary>
public sealed record FetchConfig
{
    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; init; } = "DiscourseBot/0.1 (+research crawler)";

    /// <summary>Honour robots.txt, including Crawl-delay.</summary>
    public bool RespectRobots { get; init; } = true;

    /// <summary>Requests in flight at once to one host.</summary>
    public int MaxConcurrencyPerHost { get; init; } = 2;

    /// <summary>Minimum delay between two requests to one host, in milliseconds (robots Crawl-delay wins if larger).</summary>
    public int MinDelayMs { get; init; } = 1000;

    /// <summary>Timeout of one request, in seconds.</summary>
    public double TimeoutSeconds { get; init; } = 30;

    /// <summary>Retries after a failed attempt (429, 5xx, timeouts).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Largest body accepted, after decompression, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Redirects followed at most.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Wait robots.txt's Crawl-delay between requests to a host (off only for benchmarks and tests on a local server).</summary>
    public bool HonourCrawlDelay { get; init; } = true;

    /// <summary>First retry delay in milliseconds; later ones double (with jitter). A Retry-After header wins.</summary>
    public int RetryBaseDelayMs { get; init; } = 1000;
}
