namespace Discourse.Testing;

/// <summary>
/// Runs <see cref="ParquetCheck"/> on files that sit in Hive partition folders (<c>year=2016/month=06/</c>). DuckDB
/// turns such path segments into extra columns that the other readers do not add, so the checker would report a
/// mismatch that is not in the files: each file is checked through a copy in a flat temporary folder.
/// </summary>
public static class HivePartitions
{
    /// <summary>Validates every file with the independent readers (skips when the checker is not installed).</summary>
    public static ParquetCheckResult Validate(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        ParquetCheck.Require();
        using var flat = new TemporaryDirectory();
        var copies = files.Select((file, i) =>
        {
            var copy = flat.File($"{i:D4}-{Path.GetFileName(file)}");
            File.Copy(file, copy);
            return copy;
        }).ToArray();
        return ParquetCheck.Validate(copies);
    }
}
