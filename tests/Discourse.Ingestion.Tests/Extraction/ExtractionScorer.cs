using System.Text.Json;
using System.Text.RegularExpressions;
using Discourse.Ingestion.Extraction;

namespace Discourse.Ingestion.Tests.Extraction;

/// <summary>
/// The reference sets' scoring rules (../shared/reference/extraction/score.py), re-implemented for assertions:
/// the Zyte benchmark's 4-word-shingle F1 (harmonic mean of mean precision and mean recall), WCXB's bag-of-words F1,
/// title exact match on lower-case word tokens, and date match on the YYYY-MM-DD prefix.
/// </summary>
internal static partial class ExtractionScorer
{
    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();

    public sealed record PageResult(string Id, ExtractedPage Page, JsonElement Truth);

    /// <summary>Decodes and extracts every page of a reference set listed in its ids.txt.</summary>
    public static List<PageResult> Run(string setFolder)
    {
        var results = new List<PageResult>();
        foreach (var id in File.ReadAllLines(Path.Combine(setFolder, "ids.txt")).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var bytes = File.ReadAllBytes(Path.Combine(setFolder, "html", id + ".html"));
            var page = HtmlExtractor.Extract(HtmlDecoder.Decode(bytes, contentType: null).Html, null);
            using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(setFolder, "truth", id + ".json")));
            results.Add(new PageResult(id, page, truth.RootElement.Clone()));
        }

        return results;
    }

    public static double ShingleF1(IEnumerable<PageResult> results)
    {
        var precisions = new List<double>();
        var recalls = new List<double>();
        foreach (var result in results)
        {
            var truth = Shingles(Body(result.Truth));
            var predicted = Shingles(result.Page.Text);
            double tp = 0, fp = 0, fn = 0;
            foreach (var key in truth.Keys.Union(predicted.Keys))
            {
                var t = truth.GetValueOrDefault(key);
                var p = predicted.GetValueOrDefault(key);
                tp += Math.Min(t, p);
                fp += Math.Max(0, p - t);
                fn += Math.Max(0, t - p);
            }

            if (tp + fp > 0)
            {
                precisions.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fp));
            }

            if (tp + fn > 0)
            {
                recalls.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fn));
            }
        }

        var precision = precisions.Count == 0 ? 0 : precisions.Average();
        var recall = recalls.Count == 0 ? 0 : recalls.Average();
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public static double WordF1(IEnumerable<PageResult> results)
    {
        var scores = new List<double>();
        foreach (var result in results)
        {
            var truth = Words(Body(result.Truth));
            var predicted = Words(result.Page.Text);
            if (truth.Count == 0)
            {
                scores.Add(predicted.Count == 0 ? 1 : 0);
                continue;
            }

            if (predicted.Count == 0)
            {
                scores.Add(0);
                continue;
            }

            var truthCounts = truth.CountBy(w => w).ToDictionary();
            var overlap = predicted.CountBy(w => w).Sum(pair => Math.Min(pair.Value, truthCounts.GetValueOrDefault(pair.Key)));
            double p = (double)overlap / predicted.Count, r = (double)overlap / truth.Count;
            scores.Add(p + r == 0 ? 0 : 2 * p * r / (p + r));
        }

        return scores.Average();
    }

    public static double TitleExact(IEnumerable<PageResult> results)
    {
        var scored = results.Where(r => Field(r.Truth, "title").Length > 0).ToList();
        return scored.Count(r => Words(Field(r.Truth, "title")).SequenceEqual(Words(r.Page.Title))) / (double)scored.Count;
    }

    public static double DateMatch(IEnumerable<PageResult> results)
    {
        var scored = results.Where(r => Field(r.Truth, "date").Length >= 7).ToList();
        return scored.Count(r =>
        {
            var truth = Field(r.Truth, "date");
            truth = truth.Length >= 10 ? truth[..10] : truth[..7];
            var predicted = r.Page.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            return predicted.StartsWith(truth, StringComparison.Ordinal);
        }) / (double)scored.Count;
    }

    private static string Body(JsonElement truth) => Field(truth, "articleBody");

    private static string Field(JsonElement truth, string name) =>
        truth.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    private static List<string> Words(string text) => [.. WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant())];

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = WordPattern().Matches(text).Select(m => m.Value).ToList();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Max(1, tokens.Count - 3); i++)
        {
            var shingle = string.Join('\u0001', tokens.Skip(i).Take(4));
            if (shingle.Length > 0)
            {
                shingles[shingle] = shingles.GetValueOrDefault(shingle) + 1;
            }
        }

        return shingles;
    }
}
