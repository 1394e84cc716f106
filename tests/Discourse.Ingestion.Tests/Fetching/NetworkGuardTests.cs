using System.Net;
using Discourse.Ingestion.Fetching;

namespace Discourse.Ingestion.Tests.Fetching;

public sealed class NetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::1111", false)]
    public void Classifies_addresses(string address, bool nonPublic) =>
        Assert.Equal(nonPublic, NetworkGuard.IsNonPublic(IPAddress.Parse(address)));

    [Fact]
    public void Literal_private_targets_and_localhost_are_refused_unless_allowed()
    {
        Assert.Contains("allow_private_network", NetworkGuard.RefusalReason(new Uri("http://127.0.0.1:8080/"), allowPrivate: false), StringComparison.Ordinal);
        Assert.NotNull(NetworkGuard.RefusalReason(new Uri("http://localhost/"), allowPrivate: false));
        Assert.NotNull(NetworkGuard.RefusalReason(new Uri("http://[::1]/"), allowPrivate: false));
        Assert.Null(NetworkGuard.RefusalReason(new Uri("http://127.0.0.1:8080/"), allowPrivate: true));
        Assert.Null(NetworkGuard.RefusalReason(new Uri("https://example.org/"), allowPrivate: false));
    }
}
