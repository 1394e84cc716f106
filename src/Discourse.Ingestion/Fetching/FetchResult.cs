using System.Net;

namespace Discourse.Ingestion.Fetching;

/// <summary>How a fetch ended.</summary>
internal enum FetchOutcome
{
    /// <summary>A 2xx response whose body was read.</summary>
    Ok,

    /// <summary>304: the stored copy is still current.</summary>
    NotModified,

    /// <summary>robots.txt forbids the URL.</summary>
    Disallowed,

    /// <summary>Anything else; <see cref="FetchResult.Reason"/> says what.</summary>
    Failed,
}

/// <summary>The result of fetching one URL, redirects followed.</summary>
internal sealed record FetchResult(
    FetchOutcome Outcome,
    Uri RequestedUrl,
    Uri FinalUrl,
    IReadOnlyList<Uri> RedirectChain,
    HttpStatusCode? Status,
    byte[] Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    string? Reason,
    int Attempts);

/// <summary>Validators from an earlier fetch, sent as If-None-Match / If-Modified-Since.</summary>
internal sealed record Validators(string? ETag, string? LastModified);
