using System.Net;
using System.Runtime.CompilerServices;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Ingestion.Dedup;
using Discourse.Ingestion.Fetching;
using Discourse.Ingestion.Sources;
using Discourse.Ingestion.State;
using Discourse.Ingestion.Warc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Discourse.Ingestion;

/// <summary>
/// Reads the pages of <c>files</c>, <c>warc</c> and <c>site</c> sources and turns them into documents: one event per
/// page (<see cref="DocumentIngested"/>, <see cref="PageFailed"/> or <see cref="PageSkipped"/>), duplicates marked in
/// <see cref="Document.DuplicateOf"/>, and an incremental state in the output folder so that a re-run processes only
/// new or changed pages and never yields the same document twice. Events come in a reproducible order (the order
/// pages are discovered), though pages are fetched and extracted in parallel.
/// </summary>
public sealed class Ingestor : IAsyncDisposable
{
    private const string ClientName = "discourse-crawler";

    private readonly IngestionOptions _options;
    private readonly ILogger _logger;
    private readonly ServiceProvider _services;
    private readonly HttpClient _client;
    private readonly Lock _commitGate = new();
    private readonly HashSet<string> _yieldedDocIds = new(StringComparer.Ordinal);
    private IngestionState? _state;
    private DuplicateIndex? _duplicates;

    /// <summary>Creates an ingestor; the state database is opened on first use.</summary>
    public Ingestor(IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            throw new ArgumentException("IngestionOptions.StateDirectory must name the output folder.", nameof(options));
        }

        _options = options;
        _logger = (options.Logging ?? NullLoggerFactory.Instance).CreateLogger<Ingestor>();
        var services = new ServiceCollection();
        services.AddSingleton(options.Logging ?? NullLoggerFactory.Instance);
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => options.Handler ?? CreateHandler())
            // One long-lived handler keeps connections pooled across pages; DNS changes are handled by the
            // handler's own connection lifetime, and the per-request logging handlers would only cost time.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    /// <summary>Reads every page of <paramref name="source"/> and reports what became of it.</summary>
    public async IAsyncEnumerable<IngestionEvent> IngestAsync(SourceConfig source, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = OpenState();
        using var fetcher = source is SiteSourceConfig site
            ? new PageFetcher(_client, site.Fetch, site.AllowPrivateNetwork, _options.Clock, _logger)
            : null;
        var items = source switch
        {
            FilesSourceConfig files => FilesSource.ReadAsync(files, _options.Clock, ct),
            WarcSourceConfig warc => WarcSource.ReadAsync(warc, _options.Clock, ct),
            SiteSourceConfig site2 => new SiteSource(site2, fetcher!, state, _options.Clock, _logger).ReadAsync(ct),
            _ => throw new ArgumentException($"Source '{source.Id}' has an unsupported kind {source.GetType().Name}.", nameof(source)),
        };
        var steps = OrderedParallel.SelectAsync(
            items,
            (item, _) => Task.FromResult(Prepare(source, state, item)),
            _options.ExtractionParallelism,
            ct);
        int ingested = 0, failed = 0, skipped = 0;
        try
        {
            await foreach (var step in steps.ConfigureAwait(false))
            {
                var outcome = Commit(state, step);
                switch (outcome)
                {
                    case DocumentIngested:
                        ingested++;
                        break;
                    case PageFailed failure:
                        failed++;
                        _logger.LogWarning("{Source}: {Location} failed: {Reason}", source.Id, failure.Location, failure.Reason);
                        break;
                    default:
                        skipped++;
                        break;
                }

                yield return outcome;
            }
        }
        finally
        {
            state.Flush();
            _logger.LogInformation("{Source}: {Ingested} documents, {Failed} failed, {Skipped} skipped", source.Id, ingested, failed, skipped);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _state?.Dispose();
        await _services.DisposeAsync().ConfigureAwait(false);
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectCallback = NetworkGuard.ConnectAsync,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        MaxConnectionsPerServer = int.MaxValue,
    };

    private IngestionState OpenState()
    {
        lock (_commitGate)
        {
            if (_state is null)
            {
                _state = IngestionState.Open(_options.StateDirectory);
                _duplicates = new DuplicateIndex();
                foreach (var (docId, contentSha, simHash) in _state.KnownDocuments())
                {
                    _duplicates.Add(docId, contentSha, simHash);
                }
            }

            return _state;
        }
    }

    // Runs in parallel: state look-up and extraction only, no shared mutable state besides the thread-safe store.
    private Step Prepare(SourceConfig source, IngestionState state, SourceItem item)
    {
        switch (item)
        {
            case EventItem decided:
                return new Step(decided.Event, decided.StateUpdate, null);
            case PageItem { Page: var page }:
                var stored = state.Find(source.Id, page.StateKey);
                if (stored is not null && string.Equals(stored.BodySha256, page.BodySha256, StringComparison.Ordinal))
                {
                    return new Step(
                        new PageSkipped(source.Id, page.Raw.Url.ToString(), "unchanged since the last run (same content hash)"),
                        stored with { FetchedAt = page.Raw.FetchedAt, ETag = page.ETag ?? stored.ETag, LastModified = page.LastModified ?? stored.LastModified },
                        null);
                }

                var (prepared, failure) = DocumentFactory.Build(page, source);
                if (prepared is null)
                {
                    // A date-window skip is remembered so an unchanged page is not extracted again; failures are retried.
                    var update = failure is PageSkipped ? RecordOf(source, page, null) : null;
                    return new Step(failure, update, null);
                }

                return new Step(null, null, prepared);
            default:
                throw new InvalidOperationException($"Unknown source item {item.GetType().Name}.");
        }
    }

    // Runs in order, one at a time: duplicate detection and state writes.
    private IngestionEvent Commit(IngestionState state, Step step)
    {
        if (step.Prepared is not { } prepared)
        {
            if (step.StateUpdate is { } update)
            {
                state.Save(update);
            }

            return step.Event!;
        }

        var document = prepared.Document;
        var source = document.Source;
        lock (_commitGate)
        {
            var duplicates = _duplicates!;
            if (duplicates.IsKnown(document.DocId, document.ContentSha256) || _yieldedDocIds.Contains(document.DocId))
            {
                state.Save(RecordOf(prepared));
                return new PageSkipped(source.Id, prepared.Page.Raw.Url.ToString(),
                    $"already ingested as document {document.DocId} ({document.CanonicalUrl})");
            }

            var original = duplicates.FindOriginal(document.DocId, document.ContentSha256, prepared.SimHash);
            duplicates.Add(document.DocId, document.ContentSha256, prepared.SimHash);
            _yieldedDocIds.Add(document.DocId);
            state.Save(RecordOf(prepared));
            return new DocumentIngested(original is null ? document : document with { DuplicateOf = original });
        }
    }

    private static PageRecord RecordOf(PreparedDocument prepared) =>
        RecordOf(prepared.Document.Source.Id, prepared.Page, prepared.Document) with { SimHash = prepared.SimHash };

    private static PageRecord RecordOf(SourceConfig source, FetchedPage page, Document? document) =>
        RecordOf(source.Id, page, document);

    private static PageRecord RecordOf(string sourceId, FetchedPage page, Document? document) => new(
        sourceId,
        page.StateKey,
        document?.DocId,
        page.Raw.FetchedAt,
        page.ETag,
        page.LastModified,
        page.BodySha256,
        document?.ContentSha256,
        null);

    private sealed record Step(IngestionEvent? Event, PageRecord? StateUpdate, PreparedDocument? Prepared);
}
