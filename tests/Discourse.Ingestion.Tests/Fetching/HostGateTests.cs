using Discourse.Ingestion.Fetching;
using Discourse.Testing;

namespace Discourse.Ingestion.Tests.Fetching;

public sealed class HostGateTests
{
    [Fact]
    public async Task The_second_request_waits_for_the_interval_on_the_clock()
    {
        var clock = new FakeTimeProvider();
        using var gate = new HostGate(maxConcurrency: 4, clock) { Interval = TimeSpan.FromSeconds(2) };
        (await gate.EnterAsync(CancellationToken.None)).Dispose();
        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await second).Dispose();
    }

    [Fact]
    public async Task Concurrency_is_capped_per_host()
    {
        using var gate = new HostGate(maxConcurrency: 1, TimeProvider.System);
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
    }
}
