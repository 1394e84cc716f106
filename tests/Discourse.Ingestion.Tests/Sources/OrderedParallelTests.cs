using Discourse.Ingestion.Sources;

namespace Discourse.Ingestion.Tests.Sources;

public sealed class OrderedParallelTests
{
    [Fact]
    public async Task Results_come_back_in_input_order_whatever_order_they_finish_in()
    {
        var release = Enumerable.Range(0, 20).Select(_ => new TaskCompletionSource()).ToArray();
        var results = new List<int>();
        var consumer = Task.Run(async () =>
        {
            await foreach (var value in OrderedParallel.SelectAsync(Range(20), async (i, _) => { await release[i].Task; return i * 10; }, degree: 20, CancellationToken.None))
            {
                results.Add(value);
            }
        });

        // Finish them last-first: the consumer still sees 0, 10, 20, ...
        for (var i = 19; i >= 0; i--)
        {
            release[i].SetResult();
        }

        await consumer;
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 10), results);
    }

    [Fact]
    public async Task At_most_degree_steps_run_at_once()
    {
        var running = 0;
        var peak = 0;
        var results = new List<int>();
        await foreach (var value in OrderedParallel.SelectAsync(Range(40), async (i, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return i;
        }, degree: 3, CancellationToken.None))
        {
            results.Add(value);
        }

        Assert.Equal(Enumerable.Range(0, 40), results);
        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public async Task Stopping_early_cancels_the_rest()
    {
        // Steps after the first never finish on their own: the loop below only ends because they are cancelled.
        var started = 0;
        await foreach (var value in OrderedParallel.SelectAsync(Range(1000), async (i, ct) =>
        {
            Interlocked.Increment(ref started);
            if (i > 0)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }

            return i;
        }, degree: 4, CancellationToken.None))
        {
            Assert.Equal(0, value);
            break;
        }

        // Four in flight, one more when item 0's slot frees, and at most one more that the producer may win from a
        // slot released by a cancelled step before it sees the cancellation itself: never the remaining 990-odd.
        Assert.InRange(started, 1, 6);
    }

    private static async IAsyncEnumerable<int> Range(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
