using System.Text;
using Discourse.Core.Documents;

namespace Discourse.Dataset;

/// <summary>
/// An exclusive lock on a dataset folder for one run: the open handle on <see cref="DatasetLayout.LockFileName"/> is
/// the lock (an OS file lock, released by the OS if the process dies, so a killed run never blocks the next one).
/// </summary>
public sealed class DatasetLock : IDisposable
{
    private readonly FileStream _handle;

    private DatasetLock(FileStream handle, string path)
    {
        _handle = handle;
        FilePath = path;
    }

    /// <summary>The lock file.</summary>
    public string FilePath { get; }

    /// <summary>Creates <paramref name="outputDir"/> if needed and locks it for <paramref name="runId"/>.</summary>
    /// <exception cref="DatasetException">The folder cannot be created or written, or another run holds the lock.</exception>
    public static DatasetLock Acquire(string outputDir, RunId runId, TimeProvider clock)
    {
        var full = Path.GetFullPath(outputDir);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Cannot create the output folder '{full}': {ex.Message}", "Choose another folder with --output (or 'output:' in pipeline.yaml), or fix the permissions of its parent.", ex);
        }

        var path = Path.Combine(full, DatasetLayout.LockFileName);
        FileStream handle;
        try
        {
            handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DatasetException($"Cannot write to the output folder '{full}': {ex.Message}", "Choose a writable folder with --output, or fix its permissions.", ex);
        }
        catch (IOException ex) when (File.Exists(path) && !Directory.Exists(path))
        {
            throw new DatasetException($"Another discourse run is writing to '{full}' (it holds {path}): {ex.Message}", "Wait for that run to finish, or write this run elsewhere with --output.", ex);
        }
        catch (IOException ex)
        {
            throw new DatasetException($"Cannot write to the output folder '{full}': {ex.Message}", "Choose a writable folder with --output, or free space on its disk.", ex);
        }

        try
        {
            // Who holds the lock, for a person looking at the folder; the content plays no part in locking.
            handle.SetLength(0);
            var note = Encoding.UTF8.GetBytes($"run {runId.Value}, process {Environment.ProcessId}, since {clock.GetUtcNow():O}\n");
            handle.Write(note);
            handle.Flush();
        }
        catch (IOException ex)
        {
            handle.Dispose();
            throw new DatasetException($"Cannot write to the output folder '{full}': {ex.Message}", "Choose a writable folder with --output, or free space on its disk.", ex);
        }

        return new DatasetLock(handle, path);
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
