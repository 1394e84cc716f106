namespace Discourse.Testing.Sites;

/// <summary>Misbehaviour <see cref="CorpusSiteServer"/> shows for one path instead of (or on top of) serving the file.</summary>
public abstract record SiteFault
{
    /// <summary>Serves the page normally after a delay.</summary>
    public sealed record Slow(TimeSpan Delay) : SiteFault;

    /// <summary>Answers 429 with <c>Retry-After</c> the first <paramref name="Times"/> requests, then serves the page.</summary>
    public sealed record TooManyRequests(int RetryAfterSeconds, int Times = 1) : SiteFault;

    /// <summary>Always answers with this status code (e.g. 500, 404) and a short body.</summary>
    public sealed record Status(int Code) : SiteFault;

    /// <summary>Redirects (302) to another path on the same site.</summary>
    public sealed record RedirectTo(string Path) : SiteFault;

    /// <summary>Serves an HTML body of this many bytes (for body size limits).</summary>
    public sealed record Oversized(int Bytes) : SiteFault;

    /// <summary>Serves <c>Content-Encoding: gzip</c> that inflates to this many bytes of spaces.</summary>
    public sealed record GzipBomb(int InflatedBytes) : SiteFault;

    /// <summary>Serves the page with this Content-Type header instead of its own (e.g. a wrong charset).</summary>
    public sealed record Header(string ContentType) : SiteFault;

    /// <summary>Never answers until the client gives up.</summary>
    public sealed record Hang : SiteFault;

    /// <summary>Serves these bytes (host names rewritten like every other body) with a fresh ETag.</summary>
    public sealed record Body(byte[] Bytes, string ContentType = "text/html") : SiteFault;
}
