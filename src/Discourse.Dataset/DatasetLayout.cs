using System.Globalization;
using Discourse.Core.Documents;

namespace Discourse.Dataset;

/// <summary>
/// Where things live in a dataset folder:
/// <c>documents/year=YYYY/month=MM/part-&lt;run_id&gt;-&lt;n&gt;.parquet</c> (Hive partitions by publication month, UTC;
/// undated documents under <c>year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__</c>), run manifests in
/// <c>_runs/&lt;run_id&gt;.json</c>, the run lock in <c>.discourse.lock</c>. Files being written are named
/// <c>.part-&lt;run_id&gt;-&lt;n&gt;.parquet.tmp</c>: hidden and not <c>*.parquet</c>, so readers ignore them.
/// </summary>
public static class DatasetLayout
{
    /// <summary>The folder holding the Parquet files, below the dataset folder.</summary>
    public const string DocumentsFolder = "documents";

    /// <summary>The folder holding the run manifests, below the dataset folder.</summary>
    public const string RunsFolder = "_runs";

    /// <summary>The lock file that keeps two runs from writing one dataset at once.</summary>
    public const string LockFileName = ".discourse.lock";

    /// <summary>The partition value Hive, Spark, DuckDB and pyarrow read as null.</summary>
    public const string DefaultPartitionValue = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>The suffix of files still being written.</summary>
    public const string TemporarySuffix = ".parquet.tmp";

    /// <summary>The partition folder (relative, '/'-separated) of a document published at <paramref name="publishedAt"/>.</summary>
    public static string Partition(DateTimeOffset? publishedAt)
    {
        if (publishedAt is not { } published)
        {
            return $"year={DefaultPartitionValue}/month={DefaultPartitionValue}";
        }

        var utc = published.ToUniversalTime();
        return string.Create(CultureInfo.InvariantCulture, $"year={utc.Year:D4}/month={utc.Month:D2}");
    }

    /// <summary>The file name of the <paramref name="sequence"/>-th file of a run in one partition.</summary>
    public static string FileName(RunId runId, int sequence) => string.Create(CultureInfo.InvariantCulture, $"part-{runId.Value}-{sequence}.parquet");

    /// <summary>The name the same file has while it is being written.</summary>
    public static string TemporaryFileName(RunId runId, int sequence) => "." + FileName(runId, sequence) + ".tmp";

    /// <summary>The manifest path of a run, relative to the dataset folder.</summary>
    public static string ManifestPath(RunId runId) => $"{RunsFolder}/{runId.Value}.json";

    /// <summary>
    /// Every complete Parquet file of <paramref name="path"/>: the file itself, or the <c>*.parquet</c> files below a
    /// folder (hidden and temporary files excluded), in ordinal path order.
    /// </summary>
    public static IReadOnlyList<string> DataFiles(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        if (!Directory.Exists(path))
        {
            throw new DatasetException($"'{path}' is neither a Parquet file nor a folder.", "Pass a .parquet file or a dataset folder such as out/.");
        }

        return Directory.EnumerateFiles(path, "*.parquet", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(path, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') || part.StartsWith('_')))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
