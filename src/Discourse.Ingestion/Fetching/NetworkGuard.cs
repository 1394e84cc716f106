using System.Net;
using System.Net.Sockets;

namespace Discourse.Ingestion.Fetching;

/// <summary>
/// Refuses loopback, private, link-local and other non-public targets unless the source allows them, so a hostile
/// page or feed cannot point the crawler at the machine it runs on or its network.
/// </summary>
internal static class NetworkGuard
{
    /// <summary>The request option that lets one request through to private addresses.</summary>
    public static readonly HttpRequestOptionsKey<bool> AllowPrivateKey = new("Discourse.AllowPrivateNetwork");

    /// <summary>True when <paramref name="address"/> is reachable only locally or inside a private network.</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127, // carrier-grade NAT
                169 => b[1] == 254, // link-local
                172 => b[1] is >= 16 and <= 31,
                192 => b[1] == 168 || (b[1] == 0 && b[2] == 0),
                198 => b[1] is 18 or 19, // benchmarking
                >= 224 => true, // multicast and reserved
                _ => false,
            };
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// A reason to refuse <paramref name="url"/> before any connection is made (literal non-public IPs and
    /// <c>localhost</c> names), or null. Names that resolve to private addresses are caught when connecting.
    /// </summary>
    public static string? RefusalReason(Uri url, bool allowPrivate)
    {
        if (allowPrivate)
        {
            return null;
        }

        var host = url.IdnHost;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"refused {url}: localhost is not crawled unless the source sets allow_private_network";
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsNonPublic(address)
            ? $"refused {url}: {address} is a loopback, private or link-local address; set allow_private_network on the source to crawl it"
            : null;
    }

    /// <summary>Connects like the default handler, but only to public addresses unless the request allows private ones.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var allowPrivate = context.InitialRequestMessage.Options.TryGetValue(AllowPrivateKey, out var allowed) && allowed;
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct).ConfigureAwait(false);
        var usable = allowPrivate ? addresses : addresses.Where(a => !IsNonPublic(a)).ToArray();
        if (usable.Length == 0)
        {
            throw new HttpRequestException(
                $"refused {endpoint.Host}: it resolves only to loopback, private or link-local addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}); " +
                "set allow_private_network on the source to crawl it");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, endpoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
