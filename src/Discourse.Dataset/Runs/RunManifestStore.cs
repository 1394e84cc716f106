using System.Text.Json;
using System.Text.Json.Serialization;
using Discourse.Core.Documents;

namespace Discourse.Dataset.Runs;

/// <summary>Reads and writes run manifests in <c>_runs/</c> (JSON, snake_case, written to a temporary name then renamed).</summary>
public static class RunManifestStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes <paramref name="manifest"/> to <c>_runs/&lt;run_id&gt;.json</c> below <paramref name="outputDir"/>; returns its path.</summary>
    /// <exception cref="DatasetException">The manifest could not be written.</exception>
    public static string Write(string outputDir, RunManifest manifest)
    {
        var path = Path.Combine(Path.GetFullPath(outputDir), DatasetLayout.ManifestPath(RunId.Parse(manifest.RunId)));
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, manifest, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                ex = new AggregateException(ex, cleanup);
            }

            throw new DatasetException($"Cannot write the run manifest {path}: {ex.Message}", "Check the output folder's permissions and free space.", ex);
        }
    }

    /// <summary>Reads one manifest.</summary>
    /// <exception cref="DatasetException">The file is missing or not a manifest.</exception>
    public static RunManifest Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<RunManifest>(stream, Json)
                ?? throw new DatasetException($"The run manifest {path} is empty.", "Delete it if the run it describes is gone.");
        }
        catch (JsonException ex)
        {
            throw new DatasetException($"The run manifest {path} is not valid at line {ex.LineNumber + 1}: {ex.Message}", "Restore it from a backup or delete it (the Parquet files do not depend on it).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Cannot read the run manifest {path}: {ex.Message}", "Check the file's permissions.", ex);
        }
    }

    /// <summary>Every manifest of the dataset folder, oldest run first (run ids sort by start time).</summary>
    public static IReadOnlyList<string> List(string outputDir)
    {
        var folder = Path.Combine(outputDir, DatasetLayout.RunsFolder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
