using Microsoft.Extensions.Logging;

namespace Discourse.Ingestion;

/// <summary>Settings of an <see cref="Ingestor"/> that are not per source.</summary>
public sealed class IngestionOptions
{
    /// <summary>
    /// The output folder of the run. The incremental state lives in <c>&lt;StateDirectory&gt;/_state/ingestion.sqlite</c>,
    /// so a re-run with the same output folder fetches only new or changed pages.
    /// </summary>
    public required string StateDirectory { get; init; }

    /// <summary>The clock for timestamps, politeness delays, retries and timeouts.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Replaces the network handler (tests); null uses a guarded <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Where diagnostics go; null logs nothing.</summary>
    public ILoggerFactory? Logging { get; init; }

    /// <summary>Pages decoded and extracted at once (extraction is CPU-bound); defaults to the processor count.</summary>
    public int ExtractionParallelism { get; init; } = Environment.ProcessorCount;
}
