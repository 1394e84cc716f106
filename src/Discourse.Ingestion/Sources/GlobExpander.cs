using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Discourse.Ingestion.Sources;

/// <summary>Expands absolute glob patterns (<c>*</c>, <c>?</c>, <c>**</c>) into sorted file paths.</summary>
internal static class GlobExpander
{
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];

    /// <summary>The files matching <paramref name="pattern"/>, sorted ordinally; empty when none match.</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        var full = Path.GetFullPath(pattern.Replace('\\', '/'));
        if (full.IndexOfAny(Wildcards) < 0)
        {
            return File.Exists(full) ? [full] : [];
        }

        // The fixed folder is everything before the first segment with a wildcard.
        var segments = full.Split('/');
        var fixedCount = Array.FindIndex(segments, s => s.IndexOfAny(Wildcards) >= 0);
        var root = string.Join('/', segments[..fixedCount]);
        if (root.Length == 0)
        {
            root = "/";
        }

        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[fixedCount..]));
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        return result.Files
            .Select(f => Path.GetFullPath(Path.Combine(root, f.Path)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
