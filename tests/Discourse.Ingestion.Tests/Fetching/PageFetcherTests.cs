using System.Net;
using Discourse.Core.Configuration;
using Discourse.Ingestion.Fetching;
using Discourse.Ingestion.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Discourse.Ingestion.Tests.Fetching;

public sealed class PageFetcherTests
{
    private static readonly FetchConfig Fast = new() { MinDelayMs = 0, RetryBaseDelayMs = 0, MaxRetries = 2, TimeoutSeconds = 30 };

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_then_succeeds()
    {
        var calls = 0;
        var handler = new StubHandler(request =>
        {
            if (request.RequestUri!.AbsolutePath == "/robots.txt")
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            if (++calls == 1)
            {
                var busy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                return busy;
            }

            return StubHandler.Html("<p>ok</p>");
        });
        var result = await FetchAsync(handler, "https://example.org/a.html");
        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("<p>ok</p>", System.Text.Encoding.UTF8.GetString(result.Body));
    }

    [Fact]
    public async Task Persistent_server_errors_fail_with_status_and_attempt_count()
    {
        var handler = WithoutRobots(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var result = await FetchAsync(handler, "https://example.org/a.html");
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("HTTP 500 Internal Server Error after 3 attempts", result.Reason);
        Assert.Equal(3, handler.Paths.Count(p => p == "/a.html"));
    }

    [Fact]
    public async Task Redirects_are_followed_and_recorded_and_loops_fail()
    {
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/old" => StubHandler.Redirect("/middle"),
            "/middle" => StubHandler.Redirect("https://example.org/new"),
            "/new" => StubHandler.Html("<p>moved</p>"),
            "/loop-a" => StubHandler.Redirect("/loop-b"),
            "/loop-b" => StubHandler.Redirect("/loop-a"),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });
        var moved = await FetchAsync(handler, "https://example.org/old");
        Assert.Equal(FetchOutcome.Ok, moved.Outcome);
        Assert.Equal(new Uri("https://example.org/new"), moved.FinalUrl);
        Assert.Equal([new Uri("https://example.org/old"), new Uri("https://example.org/middle")], moved.RedirectChain);

        var loop = await FetchAsync(handler, "https://example.org/loop-a");
        Assert.Equal(FetchOutcome.Failed, loop.Outcome);
        Assert.StartsWith("redirect loop: https://example.org/loop-a -> https://example.org/loop-b -> https://example.org/loop-a", loop.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_redirects_than_allowed_fail()
    {
        var handler = WithoutRobots(request => StubHandler.Redirect("/r" + (int.Parse(request.RequestUri!.AbsolutePath[2..], System.Globalization.CultureInfo.InvariantCulture) + 1)));
        var result = await FetchAsync(handler, "https://example.org/r0", Fast with { MaxRedirects = 3 });
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith("more than 3 redirects", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validators_are_sent_and_a_304_is_not_modified()
    {
        var handler = new StubHandler(request =>
            request.Headers.IfNoneMatch.Any(t => t.Tag == "\"v1\"") && request.Headers.TryGetValues("If-Modified-Since", out _)
                ? new HttpResponseMessage(HttpStatusCode.NotModified)
                : StubHandler.Html("<p>fresh</p>"));
        var result = await FetchAsync(handler, "https://example.org/a.html", validators: new Validators("\"v1\"", "Mon, 01 Jan 2024 00:00:00 GMT"));
        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
        Assert.Equal("\"v1\"", result.ETag);
    }

    [Fact]
    public async Task Robots_disallow_is_honoured_and_robots_is_fetched_once_per_host()
    {
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath == "/robots.txt"
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("User-agent: *\nDisallow: /admin/\n") }
            : StubHandler.Html("<p>page</p>"));
        using var fetcher = Fetcher(handler, Fast);
        var admin = await fetcher.FetchAsync(new Uri("https://example.org/admin/x"), null, CancellationToken.None);
        var page = await fetcher.FetchAsync(new Uri("https://example.org/page"), null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Disallowed, admin.Outcome);
        Assert.Equal(FetchOutcome.Ok, page.Outcome);
        Assert.Equal(["/robots.txt", "/page"], handler.Paths);
    }

    [Fact]
    public async Task Robots_unreachable_with_a_server_error_disallows_the_host()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var result = await FetchAsync(handler, "https://example.org/a", Fast with { MaxRetries = 0 });
        Assert.Equal(FetchOutcome.Disallowed, result.Outcome);
    }

    [Fact]
    public async Task Private_targets_are_refused_without_a_request()
    {
        var handler = new StubHandler(_ => StubHandler.Html("<p>internal</p>"));
        using var fetcher = new PageFetcher(new HttpClient(handler), Fast with { RespectRobots = false }, allowPrivate: false, TimeProvider.System, NullLogger.Instance);
        var result = await fetcher.FetchAsync(new Uri("http://169.254.169.254/latest/meta-data"), null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("link-local", result.Reason, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_response_that_never_comes_times_out()
    {
        var handler = new StubHandler(async (request, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return StubHandler.Html("never");
        });
        var result = await FetchAsync(handler, "https://example.org/hang", Fast with { RespectRobots = false, MaxRetries = 1, TimeoutSeconds = 0.2 });
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith("timed out after 0.2 s (2 attempts)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_bodies_fail_without_retries()
    {
        var handler = WithoutRobots(_ => StubHandler.Html(new string('x', 5000)));
        var result = await FetchAsync(handler, "https://example.org/big", Fast with { MaxBodyBytes = 1000 });
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("exceeds the limit of 1000 bytes", result.Reason, StringComparison.Ordinal);
        Assert.Single(handler.Paths, p => p == "/big");
    }

    [Theory]
    [InlineData(5, 1000, true, 5000)]
    [InlineData(5, 1000, false, 1000)]
    [InlineData(0.5, 1000, true, 1000)]
    [InlineData(0, 0, true, 0)]
    public async Task The_host_interval_is_the_larger_of_the_source_delay_and_robots_crawl_delay(double crawlDelay, int minDelayMs, bool honour, int expectedMs)
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"User-agent: *\nCrawl-delay: {crawlDelay}\n")),
        });
        using var fetcher = Fetcher(handler, Fast with { MinDelayMs = minDelayMs, HonourCrawlDelay = honour });
        await fetcher.RobotsAsync(new Uri("https://example.org/a"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), fetcher.IntervalFor(new Uri("https://example.org/b")));
    }

    private static async Task<FetchResult> FetchAsync(StubHandler handler, string url, FetchConfig? config = null, Validators? validators = null)
    {
        using var fetcher = Fetcher(handler, config ?? Fast);
        return await fetcher.FetchAsync(new Uri(url), validators, CancellationToken.None);
    }

    // A site without robots.txt (404): everything allowed.
    private static StubHandler WithoutRobots(Func<HttpRequestMessage, HttpResponseMessage> respond) =>
        new(request => request.RequestUri!.AbsolutePath == "/robots.txt" ? new HttpResponseMessage(HttpStatusCode.NotFound) : respond(request));

    private static PageFetcher Fetcher(StubHandler handler, FetchConfig config) =>
        new(new HttpClient(handler), config, allowPrivate: false, TimeProvider.System, NullLogger.Instance);
}
