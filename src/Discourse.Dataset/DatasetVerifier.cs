using Discourse.Dataset.Runs;
using Discourse.Parquet;

namespace Discourse.Dataset;

/// <summary>The verdict on one Parquet file.</summary>
/// <param name="Path">The file (absolute).</param>
/// <param name="Rows">Rows the footer declares.</param>
/// <param name="Problem">What is wrong, or null when the file is sound.</param>
public sealed record FileVerification(string Path, long Rows, string? Problem);

/// <summary>The verdict on a file or a dataset folder.</summary>
/// <param name="Files">Every Parquet file checked.</param>
/// <param name="Problems">Dataset-level problems (a manifest naming a missing or different file).</param>
/// <param name="Warnings">Things worth knowing that do not make the data wrong (a file no manifest lists).</param>
public sealed record DatasetVerification(IReadOnlyList<FileVerification> Files, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings)
{
    /// <summary>True when every file is sound and the manifests agree with the files.</summary>
    public bool Ok => Problems.Count == 0 && Files.All(f => f.Problem is null);

    /// <summary>Rows over all files.</summary>
    public long Rows => Files.Sum(f => f.Rows);
}

/// <summary>
/// Re-reads every Parquet file of a dataset: the footer, every page (CRC32s, sizes, value counts) and every row, and
/// checks that the rows read match the footer and the row groups; for a dataset folder also that every file a
/// successful run's manifest lists is there with the recorded row count and size.
/// </summary>
public static class DatasetVerifier
{
    /// <summary>Verifies a .parquet file or a dataset folder.</summary>
    /// <exception cref="DatasetException"><paramref name="path"/> is neither a file nor a folder.</exception>
    public static DatasetVerification Verify(string path)
    {
        var files = DatasetLayout.DataFiles(path).Select(VerifyFile).ToList();
        var problems = new List<string>();
        var warnings = new List<string>();
        if (Directory.Exists(path))
        {
            CheckManifests(Path.GetFullPath(path), files, problems, warnings);
        }

        return new DatasetVerification(files, problems, warnings);
    }

    /// <summary>Verifies one file.</summary>
    public static FileVerification VerifyFile(string path)
    {
        long declared = 0;
        try
        {
            using var reader = ParquetFileReader.Open(path);
            declared = reader.RowCount;
            reader.Verify();
            var inGroups = reader.RowGroups.Sum(g => g.RowCount);
            if (inGroups != declared)
            {
                return new FileVerification(path, declared, $"the row groups hold {inGroups} rows but the footer declares {declared}");
            }

            long read = 0;
            foreach (var row in reader.ReadRows())
            {
                if (row.Length != reader.Schema.Fields.Count)
                {
                    return new FileVerification(path, declared, $"row {read} has {row.Length} values for {reader.Schema.Fields.Count} columns");
                }

                read++;
            }

            return read == declared
                ? new FileVerification(path, declared, null)
                : new FileVerification(path, declared, $"{read} rows read but the footer declares {declared}");
        }
        catch (ParquetFormatException ex)
        {
            return new FileVerification(path, declared, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileVerification(path, declared, $"cannot read: {ex.Message}");
        }
    }

    private static void CheckManifests(string root, List<FileVerification> files, List<string> problems, List<string> warnings)
    {
        var onDisk = files.ToDictionary(f => Path.GetRelativePath(root, f.Path).Replace(Path.DirectorySeparatorChar, '/'), StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manifestPath in RunManifestStore.List(root))
        {
            RunManifest manifest;
            try
            {
                manifest = RunManifestStore.Read(manifestPath);
            }
            catch (DatasetException ex)
            {
                problems.Add(ex.Problem);
                continue;
            }

            foreach (var file in manifest.Files)
            {
                listed.Add(file.Path);
                if (!onDisk.TryGetValue(file.Path, out var found))
                {
                    problems.Add($"{file.Path} is listed in {Path.GetFileName(manifestPath)} but missing from the dataset");
                    continue;
                }

                var bytes = new FileInfo(found.Path).Length;
                if (found.Rows != file.Rows || bytes != file.Bytes)
                {
                    problems.Add($"{file.Path} has {found.Rows} rows and {bytes} bytes; {Path.GetFileName(manifestPath)} recorded {file.Rows} rows and {file.Bytes} bytes");
                }
            }
        }

        foreach (var path in onDisk.Keys.Where(p => !listed.Contains(p)))
        {
            warnings.Add($"{path} is not listed in any run manifest under {DatasetLayout.RunsFolder}/");
        }
    }
}
