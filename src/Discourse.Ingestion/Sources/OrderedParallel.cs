using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Discourse.Ingestion.Sources;

/// <summary>
/// Runs an asynchronous step on many items at once but hands the results back in input order, so runs are
/// reproducible (the first of two duplicates is always the same one) while fetches and extraction overlap.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Maps <paramref name="items"/> through <paramref name="step"/> with at most <paramref name="degree"/> running at once.</summary>
    public static async IAsyncEnumerable<TOut> SelectAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> items,
        Func<TIn, CancellationToken, Task<TOut>> step,
        int degree,
        [EnumeratorCancellation] CancellationToken ct)
    {
        degree = Math.Max(1, degree);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var running = new SemaphoreSlim(degree);
        // Completed results wait here for their turn; the bound keeps one slow item from letting memory grow.
        var queue = Channel.CreateBounded<Task<TOut>>(new BoundedChannelOptions(degree * 4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var item in items.WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        await running.WaitAsync(stop.Token).ConfigureAwait(false);
                        var task = RunAsync(item);
                        await queue.Writer.WriteAsync(task, stop.Token).ConfigureAwait(false);
                    }

                    queue.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    queue.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var task in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return await task.ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped early; the producer was told to stop.
            }

            while (queue.Reader.TryRead(out var leftover))
            {
                try
                {
                    await leftover.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Cancelled with the rest of the run.
                }
            }
        }

        ct.ThrowIfCancellationRequested();

        async Task<TOut> RunAsync(TIn item)
        {
            try
            {
                await Task.Yield();
                return await step(item, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                running.Release();
            }
        }
    }
}
