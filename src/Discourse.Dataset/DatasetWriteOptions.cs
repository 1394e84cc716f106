using System.Reflection;
using Discourse.Parquet;

namespace Discourse.Dataset;

/// <summary>Settings of a <see cref="DatasetWriter"/>.</summary>
public sealed class DatasetWriteOptions
{
    /// <summary>The page compression codec (default Snappy).</summary>
    public ParquetCodec Codec { get; init; } = ParquetCodec.Snappy;

    /// <summary>Upper bound of a row group's uncompressed size (default 128 MiB).</summary>
    public long RowGroupBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// How many partition files may be open at once (default 32). Each open file buffers up to one row group, so memory
    /// stays below about <c>MaxOpenFiles × RowGroupBytes</c>; when a document belongs to yet another partition, the
    /// least recently used file is finished and a later document of its partition starts a new part file.
    /// </summary>
    public int MaxOpenFiles { get; init; } = 32;

    /// <summary>The model version written into the files' metadata; null when the run does not classify.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>The software version written into the files' metadata (default: this assembly's informational version).</summary>
    public string SoftwareVersion { get; init; } = CurrentSoftwareVersion;

    /// <summary>The clock (for the lock file note).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The version of the running Discourse build, e.g. <c>0.1.0+3f2a9c1</c>.</summary>
    public static string CurrentSoftwareVersion { get; } =
        typeof(DatasetWriteOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DatasetWriteOptions).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Opens the stream a temporary file is written to; tests swap it to inject failures.</summary>
    internal Func<string, Stream> OpenFile { get; init; } =
        path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
}
