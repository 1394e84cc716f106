using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Discourse.Ingestion.Sources;

/// <summary>Expands absolute glob patterns (<c>*</c>, <c>?</c>, <c>**</c>) into sorted file paths.</summary>
internal static class GlobExpander
{
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];

    /// <summary>The files of every pattern in order, each pattern's files sorted; a pattern that matches nothing yields
    /// its failure event instead (<paramref name="what"/> names the kind of file in the message).</summary>
    public static IEnumerable<(string? Path, SourceItem? Failure)> ExpandAll(IReadOnlyList<string> patterns, string sourceId, string what)
    {
        foreach (var pattern in patterns)
        {
            var files = Expand(pattern);
            if (files.Count == 0)
            {
                yield return (null, new EventItem(new Discourse.Core.Documents.PageFailed(sourceId, pattern,
                    $"no {what} match '{pattern}'; check the path (relative paths are resolved against pipeline.yaml's folder)")));
                continue;
            }

            foreach (var file in files)
            {
                yield return (file, null);
            }
        }
    }

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
