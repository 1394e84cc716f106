using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Discourse.Testing.Sites;

/// <summary>One request the server answered.</summary>
/// <param name="Site">The site id.</param>
/// <param name="Path">The request path.</param>
/// <param name="Status">The status code sent.</param>
public sealed record ServedRequest(string Site, string Path, int Status);

/// <summary>
/// Serves the bundled site corpus (<c>corpora/site/</c>) from Kestrel on 127.0.0.1, one port per site, so that every
/// site's robots.txt sits at its root. Every body is rewritten from <c>https://www.&lt;site&gt;.example</c> to the
/// site's local address (on bytes, so windows-1251 and KOI8-R pages stay intact; the gzip sitemap is re-packed).
/// Pages carry strong ETags and honour If-None-Match. Faults (<see cref="SiteFault"/>) and extra paths can be set per
/// site, and every answered request is logged.
/// </summary>
public sealed class CorpusSiteServer : IAsyncDisposable
{
    private readonly Dictionary<string, WebApplication> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _roots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, byte[]>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Site, string Path), SiteFault> _faults = new();
    private readonly ConcurrentDictionary<(string Site, string Path), int> _faultHits = new();
    private readonly ConcurrentQueue<ServedRequest> _requests = new();
    private readonly string _corpusRoot;

    private CorpusSiteServer(string corpusRoot) => _corpusRoot = corpusRoot;

    /// <summary>The site ids served (folder names under <c>corpora/site/</c>).</summary>
    public IReadOnlyCollection<string> Sites => _roots.Keys;

    /// <summary>Every request answered so far, in order of completion.</summary>
    public IReadOnlyList<ServedRequest> Requests => _requests.ToArray();

    /// <summary>Starts one server per site folder of <paramref name="corpusRoot"/> (default: the repository's corpora/site).</summary>
    public static async Task<CorpusSiteServer> StartAsync(string? corpusRoot = null)
    {
        corpusRoot ??= Path.Combine(ReferenceData.RepositoryRoot, "corpora", "site");
        var server = new CorpusSiteServer(corpusRoot);
        try
        {
            var sites = Directory.GetDirectories(corpusRoot)
                .Select(Path.GetFileName)
                .Where(name => name is not null && !name.StartsWith('_'))
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var site in sites)
            {
                await server.StartSiteAsync(site!).ConfigureAwait(false);
            }

            foreach (var site in sites)
            {
                server.LoadFiles(site!);
            }
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>The local root URL of a site, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Root(string site) => _roots[site];

    /// <summary>The local URL of a path on a site (path relative to the site folder, e.g. <c>rss.xml</c>).</summary>
    public Uri Url(string site, string path) => new(_roots[site], path.TrimStart('/'));

    /// <summary>The site's original domain, as written in the corpus (<c>https://www.&lt;site&gt;.example</c>).</summary>
    public static string OriginalRoot(string site) => $"https://www.{site}.example";

    /// <summary>Rewrites a corpus URL (<c>https://www.site.example/...</c>) to its local address.</summary>
    public Uri Local(string originalUrl)
    {
        foreach (var site in _roots.Keys)
        {
            var original = OriginalRoot(site);
            if (originalUrl.StartsWith(original, StringComparison.Ordinal))
            {
                return new Uri(_roots[site], originalUrl[original.Length..].TrimStart('/'));
            }
        }

        throw new ArgumentException($"'{originalUrl}' is not on a corpus domain.", nameof(originalUrl));
    }

    /// <summary>Makes <paramref name="path"/> on <paramref name="site"/> misbehave; replaces an earlier fault there.</summary>
    public void SetFault(string site, string path, SiteFault fault)
    {
        _faults[(site, "/" + path.TrimStart('/'))] = fault;
        _faultHits.TryRemove((site, "/" + path.TrimStart('/')), out _);
    }

    /// <summary>Removes the fault of a path.</summary>
    public void ClearFault(string site, string path) => _faults.TryRemove((site, "/" + path.TrimStart('/')), out _);

    /// <summary>Forgets the request log.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>
    /// Adds (or replaces) a page served at <paramref name="path"/> on <paramref name="site"/>, rewritten like the
    /// corpus files once, up front (the benchmark publishes thousands of pages this way).
    /// </summary>
    public void Publish(string site, string path, byte[] bytes) =>
        _files[site]["/" + path.TrimStart('/')] = Rewrite(bytes, gzipped: false);

    /// <summary>The corpus bytes of a file with the domains rewritten, as served.</summary>
    public byte[] ServedBytes(string site, string path) => _files[site]["/" + path.TrimStart('/')];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartSiteAsync(string site)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxConcurrentConnections = null;
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => HandleAsync(site, context));
        await app.StartAsync().ConfigureAwait(false);
        _apps[site] = app;
        _roots[site] = new Uri(app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    private void LoadFiles(string site)
    {
        var folder = Path.Combine(_corpusRoot, site);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = "/" + Path.GetRelativePath(folder, file).Replace('\\', '/');
            files[relative] = Rewrite(File.ReadAllBytes(file), relative.EndsWith(".gz", StringComparison.Ordinal));
        }

        _files[site] = files;
    }

    private byte[] Rewrite(byte[] bytes, bool gzipped)
    {
        if (gzipped)
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            input.CopyTo(plain);
            var rewritten = Rewrite(plain.ToArray(), gzipped: false);
            using var packed = new MemoryStream();
            using (var output = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                output.Write(rewritten);
            }

            return packed.ToArray();
        }

        // Domains are ASCII in every charset the corpus uses, so a byte-level replace is safe.
        var result = bytes;
        foreach (var (site, root) in _roots)
        {
            result = Replace(result, Encoding.ASCII.GetBytes(OriginalRoot(site)), Encoding.ASCII.GetBytes(root.ToString().TrimEnd('/')));
        }

        return result;
    }

    /// <summary>Replaces every occurrence of <paramref name="from"/> in <paramref name="bytes"/>.</summary>
    public static byte[] Replace(byte[] bytes, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
    {
        var span = bytes.AsSpan();
        if (span.IndexOf(from) < 0)
        {
            return bytes;
        }

        using var output = new MemoryStream(bytes.Length);
        while (true)
        {
            var index = span.IndexOf(from);
            if (index < 0)
            {
                output.Write(span);
                return output.ToArray();
            }

            output.Write(span[..index]);
            output.Write(to);
            span = span[(index + from.Length)..];
        }
    }

    private async Task HandleAsync(string site, HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var status = await ServeAsync(site, path, context).ConfigureAwait(false);
        _requests.Enqueue(new ServedRequest(site, path, status));
    }

    private async Task<int> ServeAsync(string site, string path, HttpContext context)
    {
        var response = context.Response;
        var abort = context.RequestAborted;
        byte[]? body = null;
        string? contentType = null;
        if (_faults.TryGetValue((site, path), out var fault))
        {
            var hits = _faultHits.AddOrUpdate((site, path), 1, (_, n) => n + 1);
            switch (fault)
            {
                case SiteFault.Slow slow:
                    await Task.Delay(slow.Delay, abort).ConfigureAwait(false);
                    break;
                case SiteFault.TooManyRequests tooMany when hits <= tooMany.Times:
                    response.StatusCode = 429;
                    response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return 429;
                case SiteFault.Status code:
                    response.StatusCode = code.Code;
                    await response.WriteAsync($"status {code.Code} for {path}", abort).ConfigureAwait(false);
                    return code.Code;
                case SiteFault.RedirectTo redirect:
                    response.StatusCode = 302;
                    response.Headers.Location = new Uri(_roots[site], redirect.Path.TrimStart('/')).ToString();
                    return 302;
                case SiteFault.Oversized oversized:
                    body = new byte[oversized.Bytes];
                    Array.Fill(body, (byte)'x');
                    "<html><body><p>"u8.CopyTo(body);
                    contentType = "text/html";
                    break;
                case SiteFault.GzipBomb bomb:
                    response.StatusCode = 200;
                    response.ContentType = "text/html";
                    response.Headers.ContentEncoding = "gzip";
                    var packed = GzipBombBytes(bomb.InflatedBytes);
                    response.ContentLength = packed.Length;
                    await response.Body.WriteAsync(packed, abort).ConfigureAwait(false);
                    return 200;
                case SiteFault.Header header:
                    contentType = header.ContentType;
                    break;
                case SiteFault.Hang:
                    await Task.Delay(Timeout.InfiniteTimeSpan, abort).ConfigureAwait(false);
                    return 0;
                case SiteFault.Body replacement:
                    body = Rewrite(replacement.Bytes, gzipped: false);
                    contentType = replacement.ContentType;
                    break;
                default:
                    break;
            }
        }

        var file = path.EndsWith('/') ? path + "index.html" : path;
        if (body is null && !_files[site].TryGetValue(file, out body))
        {
            response.StatusCode = 404;
            await response.WriteAsync($"no such page: {path}", abort).ConfigureAwait(false);
            return 404;
        }

        contentType ??= ContentTypeOf(file);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..20] + "\"";
        response.Headers.ETag = etag;
        response.Headers.LastModified = "Mon, 01 Jan 2024 00:00:00 GMT";
        if (context.Request.Headers.IfNoneMatch.Any(v => string.Equals(v, etag, StringComparison.Ordinal)))
        {
            response.StatusCode = 304;
            return 304;
        }

        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, abort).ConfigureAwait(false);
        return 200;
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html",
        ".xml" => "application/xml",
        ".gz" => "application/gzip",
        ".txt" => "text/plain",
        ".css" => "text/css",
        _ => "application/octet-stream",
    };

    private static byte[] GzipBombBytes(int inflatedBytes)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var written = 0; written < inflatedBytes; written += chunk.Length)
            {
                gzip.Write(chunk, 0, Math.Min(chunk.Length, inflatedBytes - written));
            }
        }

        return packed.ToArray();
    }
}
