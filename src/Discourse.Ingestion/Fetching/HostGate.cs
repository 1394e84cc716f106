namespace Discourse.Ingestion.Fetching;

/// <summary>
/// Politeness for one host: at most N requests in flight and at least a minimum interval between request starts.
/// The interval is taken from the source's delay or robots.txt's Crawl-delay, whichever is larger.
/// </summary>
internal sealed class HostGate(int maxConcurrency, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConcurrency));
    private readonly Lock _gate = new();
    private long _nextStart;

    /// <summary>The least time between two request starts; zero turns the wait off.</summary>
    public TimeSpan Interval { get; set; }

    /// <summary>Waits for a free slot and this host's turn; dispose the result to free the slot.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Interval > TimeSpan.Zero)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = clock.GetTimestamp();
                    var start = Math.Max(now, _nextStart);
                    _nextStart = start + (long)(Interval.TotalSeconds * clock.TimestampFrequency);
                    wait = clock.GetElapsedTime(now, start);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct).ConfigureAwait(false);
                }
            }

            return new Slot(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
