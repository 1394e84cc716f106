using Xunit;

namespace Discourse.Testing;

/// <summary>
/// Locates the third-party reference data in <c>../shared/reference</c> beside the repository.
/// Tests that need it call <see cref="Require"/>: when the folder is absent the test is skipped with a visible reason,
/// unless <c>DISCOURSE_REQUIRE_REFERENCE=1</c> (set by .ci/run), in which case it fails.
/// </summary>
public static class ReferenceData
{
    /// <summary>The repository root (the folder holding Discourse.sln), found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The <c>shared</c> folder beside the repository (it may not exist).</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>
    /// Returns the absolute path of <paramref name="relativePath"/> under <c>../shared</c>, or skips the test when absent.
    /// </summary>
    /// <param name="relativePath">A path below <c>../shared</c>, e.g. <c>reference/nlp/snowball/english/voc.txt</c>.</param>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(SharedRoot, relativePath);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        var reason = $"Reference data not found at {path}: clone the repository with ../shared beside it to run this test.";
        if (Environment.GetEnvironmentVariable("DISCOURSE_REQUIRE_REFERENCE") == "1")
        {
            throw new InvalidOperationException(reason + " DISCOURSE_REQUIRE_REFERENCE=1 makes a missing reference a failure.");
        }

        throw new SkipException(reason);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Discourse.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Discourse.sln above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
