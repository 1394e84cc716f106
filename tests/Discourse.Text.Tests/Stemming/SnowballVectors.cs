using Discourse.Testing;

namespace Discourse.Text.Tests.Stemming;

/// <summary>Reads Snowball's voc.txt/output.txt pairs from the shared reference data.</summary>
internal static class SnowballVectors
{
    public static IReadOnlyList<(string Word, string Stem)> Load(string language)
    {
        var folder = ReferenceData.Require($"reference/nlp/snowball/{language}");
        var words = File.ReadAllLines(Path.Combine(folder, "voc.txt"));
        var stems = File.ReadAllLines(Path.Combine(folder, "output.txt"));
        Assert.Equal(words.Length, stems.Length);
        return words.Zip(stems).ToList();
    }

    /// <summary>
    /// Runs every vector through the string path and the allocation-free span path of <paramref name="lang"/>'s
    /// stemmer and reports the first mismatches, so a failure says which words went wrong.
    /// </summary>
    public static void AssertAll(string lang, IReadOnlyList<(string Word, string Stem)> vectors)
    {
        var stemmer = Stemmers.For(lang);
        var buffer = new char[300];
        var failures = new List<string>();
        foreach (var (word, expected) in vectors)
        {
            var viaString = stemmer.Stem(word);
            var viaSpan = new string(buffer, 0, Stemmers.Stem(lang, word, buffer));
            if (viaString != expected || viaSpan != expected)
            {
                failures.Add($"{word}: expected {expected}, got {viaString} (span path {viaSpan})");
            }
        }

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {vectors.Count} words stem differently, e.g. " + string.Join(", ", failures.Take(20)));
    }
}
