using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Discourse.Ingestion.Canonical;

/// <summary>
/// Normalises URLs so that the same article reached through different links gets one key: lowercase scheme and
/// host, default port dropped, fragment dropped, tracking parameters removed, remaining query parameters sorted,
/// trailing slash removed (except the root).
/// </summary>
internal static class UrlCanonicalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "pk_", "_hs", "hsa_"];

    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid", "ttclid",
        "_ga", "_gl", "mkt_tok", "ref_src", "spm", "cmpid", "ncid", "oly_enc_id", "oly_anon_id", "vero_id",
        "_openstat", "rb_clickid", "s_cid",
    };

    /// <summary>The canonical text form of <paramref name="url"/>; non-http(s) URLs only lose their fragment.</summary>
    public static string Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute URL; canonical URLs need a scheme and host.", nameof(url));
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
        }

        var builder = new StringBuilder(url.OriginalString.Length);
        builder.Append(url.Scheme).Append("://").Append(url.IdnHost.ToLowerInvariant());
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port.ToString(CultureInfo.InvariantCulture));
        }

        var path = url.AbsolutePath;
        while (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        builder.Append(path.Length == 0 ? "/" : path);
        var query = CleanQuery(url.Query);
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        return builder.ToString();
    }

    /// <summary>Parses and canonicalises; returns null for text that is not an absolute http(s) URL.</summary>
    public static string? TryCanonicalize(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)
        && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            ? Canonicalize(parsed)
            : null;

    /// <summary>The document id for a canonical URL: the first 16 lowercase hex digits of its SHA-256.</summary>
    public static string DocId(string canonicalUrl)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>True when the query parameter <paramref name="name"/> only tracks campaigns or clicks.</summary>
    public static bool IsTrackingParameter(string name)
    {
        if (TrackingNames.Contains(name))
        {
            return true;
        }

        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var kept = new List<string>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (!IsTrackingParameter(name))
            {
                kept.Add(pair);
            }
        }

        // Sorting makes ?a=1&b=2 and ?b=2&a=1 one page; order of parameters carries no meaning on article URLs.
        kept.Sort(StringComparer.Ordinal);
        return string.Join('&', kept);
    }
}
