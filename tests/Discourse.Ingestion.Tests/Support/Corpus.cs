using Discourse.Testing;

namespace Discourse.Ingestion.Tests.Support;

/// <summary>Paths into the bundled site corpus (corpora/site, part of the repository).</summary>
internal static class Corpus
{
    public static string SiteRoot { get; } = Path.Combine(ReferenceData.RepositoryRoot, "corpora", "site");

    public static string File(string relative) => Path.Combine(SiteRoot, relative);

    public static byte[] Bytes(string relative) => System.IO.File.ReadAllBytes(File(relative));

    /// <summary>The manifest lines: one per article, with url, path, lang, title, published.</summary>
    public static IReadOnlyList<System.Text.Json.JsonElement> Manifest { get; } = System.IO.File.ReadLines(File("manifest.jsonl"))
        .Where(line => line.Length > 0)
        .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.Clone())
        .ToList();
}
