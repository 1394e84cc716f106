namespace Discourse.Cli.Running;

/// <summary>
/// Keeps the ingestion state (what was fetched, content hashes) in step with the dataset. Ingestion records pages as
/// it yields them; if the run then fails, its files are deleted, and a state that remembered those pages would make
/// the next run skip them as unchanged: they would never reach the dataset. So ingestion works on a copy of the state
/// in a hidden staging folder, which replaces the real state only after the dataset files are in place, and is
/// thrown away when the run fails. Callers hold the dataset lock throughout.
/// </summary>
internal sealed class StagedState
{
    private const string StagingPrefix = ".staging-";
    private readonly string _outputDir;
    private readonly List<string> _entries;

    private StagedState(string outputDir, string directory, List<string> entries)
    {
        _outputDir = outputDir;
        Directory = directory;
        _entries = entries;
    }

    /// <summary>The folder to give ingestion as its state directory.</summary>
    public string Directory { get; }

    /// <summary>Copies the state folders of <paramref name="outputDir"/> (those named <c>_state*</c>) into a fresh staging folder.</summary>
    public static StagedState Begin(string outputDir, string runId)
    {
        // Staging folders of killed runs: their runs never published anything, so their state is discarded too.
        foreach (var stale in System.IO.Directory.EnumerateDirectories(outputDir, StagingPrefix + "*"))
        {
            System.IO.Directory.Delete(stale, recursive: true);
        }

        var staging = Path.Combine(outputDir, StagingPrefix + runId);
        System.IO.Directory.CreateDirectory(staging);
        var entries = new List<string>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(outputDir, "_state*"))
        {
            var name = Path.GetFileName(folder);
            CopyFolder(folder, Path.Combine(staging, name));
            entries.Add(name);
        }

        return new StagedState(outputDir, staging, entries);
    }

    /// <summary>Moves the staged state into the output folder, replacing the old state; call after the dataset files are in place.</summary>
    public void Promote()
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory).ToList())
        {
            var name = Path.GetFileName(folder);
            var target = Path.Combine(_outputDir, name);
            var old = Path.Combine(Directory, name + ".old");
            if (System.IO.Directory.Exists(target))
            {
                System.IO.Directory.Move(target, old);
            }

            System.IO.Directory.Move(folder, target);
            if (System.IO.Directory.Exists(old))
            {
                System.IO.Directory.Delete(old, recursive: true);
            }
        }

        Discard();
    }

    /// <summary>Deletes the staging folder; the output folder's state stays as it was before the run.</summary>
    public void Discard()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>The state folders copied at the start (for tests and logs).</summary>
    public IReadOnlyList<string> CopiedEntries => _entries;

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
