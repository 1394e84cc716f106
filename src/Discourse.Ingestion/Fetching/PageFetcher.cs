using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Discourse.Core.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Discourse.Ingestion.Fetching;

/// <summary>
/// Fetches URLs for one site source: robots.txt rules, per-host concurrency and delay, the private-network guard,
/// Polly retries (honouring Retry-After) with a timeout per attempt, manual redirects with loop detection, a body
/// size limit after decompression, and conditional requests. Thread-safe; one per source and run.
/// </summary>
internal sealed class PageFetcher : IDisposable
{
    private const string Accept = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    private readonly HttpClient _client;
    private readonly FetchConfig _config;
    private readonly bool _allowPrivate;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Attempt> _pipeline;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> _robots = new(StringComparer.Ordinal);

    public PageFetcher(HttpClient client, FetchConfig config, bool allowPrivate, TimeProvider clock, ILogger logger)
    {
        _client = client;
        _config = config;
        _allowPrivate = allowPrivate;
        _clock = clock;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = clock };
        if (config.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = config.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(Math.Max(0, config.RetryBaseDelayMs)),
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .Handle<HttpRequestException>(ex => RefusalOf(ex) is null)
                    .Handle<TimeoutRejectedException>()
                    .Handle<IOException>()
                    .HandleResult(a => a.IsRetryable),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            });
        }

        builder.AddTimeout(TimeSpan.FromSeconds(config.TimeoutSeconds));
        _pipeline = builder.Build();
    }

    /// <summary>The robots.txt rules of the URL's host (fetched once per run), or allow-all when robots are off.</summary>
    public Task<RobotsRules> RobotsAsync(Uri url, CancellationToken ct)
    {
        if (!_config.RespectRobots)
        {
            return Task.FromResult(RobotsRules.AllowAll);
        }

        var key = url.GetLeftPart(UriPartial.Authority);
        return _robots.GetOrAdd(key, k => new Lazy<Task<RobotsRules>>(() => LoadRobotsAsync(new Uri(k + "/robots.txt"), ct))).Value;
    }

    /// <summary>Fetches <paramref name="url"/>: robots.txt checked, redirects followed (each hop checked again).</summary>
    public async Task<FetchResult> FetchAsync(Uri url, Validators? validators, CancellationToken ct)
    {
        // A refused target is refused before its robots.txt is even asked for.
        if (NetworkGuard.RefusalReason(url, _allowPrivate) is { } refusal)
        {
            return Failure(FetchOutcome.Failed, url, url, [], null, refusal, 0);
        }

        var rules = await RobotsAsync(url, ct).ConfigureAwait(false);
        if (!rules.IsAllowed(url))
        {
            return Failure(FetchOutcome.Disallowed, url, url, [], null, "disallowed by robots.txt", 0);
        }

        return await FetchIgnoringRobotsAsync(url, validators, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<FetchResult> FetchIgnoringRobotsAsync(Uri url, Validators? validators, CancellationToken ct)
    {
        var chain = new List<Uri>();
        var current = url;
        var attempts = 0;
        while (true)
        {
            if (NetworkGuard.RefusalReason(current, _allowPrivate) is { } refusal)
            {
                return Failure(FetchOutcome.Failed, url, current, chain, null, refusal, attempts);
            }

            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            {
                return Failure(FetchOutcome.Failed, url, current, chain, null, $"unsupported scheme in {current}", attempts);
            }

            Attempt attempt;
            var attemptsThisHop = 0;
            try
            {
                var target = current;
                // Validators only belong to the URL they were stored for, not to redirect targets.
                var hopValidators = chain.Count == 0 ? validators : null;
                attempt = await _pipeline.ExecuteAsync(
                    async token =>
                    {
                        attemptsThisHop++;
                        return await SendOnceAsync(target, hopValidators, token).ConfigureAwait(false);
                    },
                    ct).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException)
            {
                return Failure(FetchOutcome.Failed, url, current, chain, null,
                    $"timed out after {_config.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s ({attempts + attemptsThisHop} attempts)", attempts + attemptsThisHop);
            }
            catch (HttpRequestException ex)
            {
                return Failure(FetchOutcome.Failed, url, current, chain, null,
                    RefusalOf(ex) ?? $"connection failed: {ex.Message} ({attempts + attemptsThisHop} attempts)",
                    attempts + attemptsThisHop);
            }
            catch (IOException ex)
            {
                return Failure(FetchOutcome.Failed, url, current, chain, null, $"transfer failed: {ex.Message} ({attempts + attemptsThisHop} attempts)", attempts + attemptsThisHop);
            }

            attempts += attemptsThisHop;
            if (attempt.Rejection is { } rejection)
            {
                return Failure(FetchOutcome.Failed, url, current, chain, attempt.Status, rejection, attempts);
            }

            var status = (int)attempt.Status;
            if (status is >= 300 and < 400 && status != 304)
            {
                if (attempt.Location is null)
                {
                    return Failure(FetchOutcome.Failed, url, current, chain, attempt.Status, $"HTTP {status} redirect without a Location header", attempts);
                }

                var next = new Uri(current, attempt.Location);
                chain.Add(current);
                if (next == url || chain.Contains(next))
                {
                    return Failure(FetchOutcome.Failed, url, next, chain, attempt.Status,
                        $"redirect loop: {string.Join(" -> ", chain.Append(next))}", attempts);
                }

                if (chain.Count > _config.MaxRedirects)
                {
                    return Failure(FetchOutcome.Failed, url, next, chain, attempt.Status,
                        $"more than {_config.MaxRedirects} redirects (max_redirects): {string.Join(" -> ", chain.Append(next))}", attempts);
                }

                var rules = await RobotsAsync(next, ct).ConfigureAwait(false);
                if (!rules.IsAllowed(next))
                {
                    return Failure(FetchOutcome.Disallowed, url, next, chain, attempt.Status, $"redirect target {next} is disallowed by robots.txt", attempts);
                }

                current = next;
                continue;
            }

            if (status == 304)
            {
                return new FetchResult(FetchOutcome.NotModified, url, current, chain, attempt.Status, [], null,
                    attempt.ETag ?? validators?.ETag, attempt.LastModified ?? validators?.LastModified, "not modified since the last run", attempts);
            }

            if (status is < 200 or >= 300)
            {
                var retried = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
                return Failure(FetchOutcome.Failed, url, current, chain, attempt.Status,
                    $"HTTP {status} {attempt.ReasonPhrase}{retried}".TrimEnd(), attempts);
            }

            return new FetchResult(FetchOutcome.Ok, url, current, chain, attempt.Status, attempt.Body, attempt.ContentType,
                attempt.ETag, attempt.LastModified, null, attempts);
        }
    }

    private async Task<Attempt> SendOnceAsync(Uri url, Validators? validators, CancellationToken ct)
    {
        var gate = GateFor(url);
        using var slot = await gate.EnterAsync(ct).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(NetworkGuard.AllowPrivateKey, _allowPrivate);
        request.Headers.TryAddWithoutValidation("User-Agent", _config.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        if (validators?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var status = response.StatusCode;
        var etagValue = response.Headers.ETag?.ToString();
        var lastModifiedValue = response.Content.Headers.TryGetValues("Last-Modified", out var lm) ? lm.FirstOrDefault() : null;
        if ((int)status is < 200 or >= 300)
        {
            return new Attempt(status, response.ReasonPhrase, [], null, etagValue, lastModifiedValue, response.Headers.Location,
                RetryAfterOf(response), null);
        }

        try
        {
            var body = await BodyReader.ReadAsync(response, _config.MaxBodyBytes, ct).ConfigureAwait(false);
            return new Attempt(status, response.ReasonPhrase, body, response.Content.Headers.ContentType?.ToString(), etagValue,
                lastModifiedValue, null, null, null);
        }
        catch (BodyRejectedException ex)
        {
            return new Attempt(status, response.ReasonPhrase, [], null, null, null, null, null, ex.Message);
        }
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - _clock.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private async Task<RobotsRules> LoadRobotsAsync(Uri robotsUrl, CancellationToken ct)
    {
        var gate = GateFor(robotsUrl);
        var result = await FetchIgnoringRobotsAsync(robotsUrl, null, ct).ConfigureAwait(false);
        RobotsRules rules;
        if (result.Outcome == FetchOutcome.Ok)
        {
            rules = RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(result.Body), _config.UserAgent, result.FinalUrl);
        }
        else if (result.Status is { } status && (int)status is >= 400 and < 500)
        {
            rules = RobotsRules.AllowAll;
        }
        else
        {
            _logger.LogWarning("robots.txt at {Url} unreachable ({Reason}); treating the host as disallowed", robotsUrl, result.Reason);
            rules = RobotsRules.DisallowAll;
        }

        var delay = TimeSpan.FromMilliseconds(Math.Max(0, _config.MinDelayMs));
        if (_config.HonourCrawlDelay && rules.CrawlDelay is { } crawlDelay && crawlDelay > delay)
        {
            delay = crawlDelay;
        }

        gate.Interval = delay;
        return rules;
    }

    /// <summary>The least time between two requests to the URL's host, as robots.txt and the source set it.</summary>
    internal TimeSpan IntervalFor(Uri url) => GateFor(url).Interval;

    // The private-network guard's refusal, however the handler wrapped it; refusals are final, not retried.
    private static string? RefusalOf(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException && ex.Message.StartsWith("refused ", StringComparison.Ordinal))
            {
                return ex.Message;
            }
        }

        return null;
    }

    private HostGate GateFor(Uri url) => _gates.GetOrAdd(
        url.GetLeftPart(UriPartial.Authority),
        _ => new HostGate(_config.MaxConcurrencyPerHost, _clock) { Interval = TimeSpan.FromMilliseconds(Math.Max(0, _config.MinDelayMs)) });

    private static FetchResult Failure(FetchOutcome outcome, Uri requested, Uri final, IReadOnlyList<Uri> chain, HttpStatusCode? status, string reason, int attempts) =>
        new(outcome, requested, final, chain, status, [], null, null, null, reason, attempts);

    /// <summary>One request's response, reduced to what the fetcher needs; <see cref="Rejection"/> set when the body broke a limit.</summary>
    private sealed record Attempt(
        HttpStatusCode Status,
        string? ReasonPhrase,
        byte[] Body,
        string? ContentType,
        string? ETag,
        string? LastModified,
        Uri? Location,
        TimeSpan? RetryAfter,
        string? Rejection)
    {
        public bool IsRetryable => Rejection is null && (int)Status is 408 or 429 or 500 or 502 or 503 or 504;
    }
}
