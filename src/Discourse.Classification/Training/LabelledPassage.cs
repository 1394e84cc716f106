using System.Text.Json;
using Discourse.Core.Documents;

namespace Discourse.Classification.Training;

/// <summary>One labelled passage of the training corpus (or of an evaluation file).</summary>
/// <param name="Id">Stable id, e.g. <c>en-news-0001</c>.</param>
/// <param name="Lang">Language: <c>en</c> or <c>ru</c>.</param>
/// <param name="Text">The passage.</param>
/// <param name="Labels">One 0/1 label per framing, in <see cref="FramingNames.All"/> order.</param>
/// <param name="Source">Where it came from (e.g. <c>own:news</c>), if stated.</param>
public sealed record LabelledPassage(string Id, string Lang, string Text, IReadOnlyList<bool> Labels, string? Source);

/// <summary>Reads labelled JSONL: one <c>{"id","lang","text","labels":{...},"source"}</c> object per line.</summary>
public static class LabelledCorpus
{
    /// <summary>Reads every <c>*.jsonl</c> file of <paramref name="directory"/> in ordinal file-name order.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid labelled passage (the message names file and line).</exception>
    public static IReadOnlyList<LabelledPassage> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Corpus folder {Path.GetFullPath(directory)} does not exist; pass --corpus with the folder holding the labelled *.jsonl files.");
        }

        var passages = new List<LabelledPassage>();
        foreach (var file in CorpusFiles(directory))
        {
            passages.AddRange(LoadFile(file));
        }

        if (passages.Count == 0)
        {
            throw new InvalidDataException($"Corpus folder {Path.GetFullPath(directory)} holds no labelled passages (*.jsonl).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            if (!seen.Add(passage.Id))
            {
                throw new InvalidDataException($"Passage id '{passage.Id}' occurs twice in {directory}; ids must be unique.");
            }
        }

        return passages;
    }

    /// <summary>The corpus files of a folder, in the order training reads them.</summary>
    public static IReadOnlyList<string> CorpusFiles(string directory)
    {
        var files = Directory.GetFiles(directory, "*.jsonl", SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>Reads one labelled JSONL file.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid labelled passage (the message names file and line).</exception>
    public static IReadOnlyList<LabelledPassage> LoadFile(string path)
    {
        var passages = new List<LabelledPassage>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                passages.Add(Parse(line, requireLabels: true));
            }
            catch (Exception ex) when (ex is JsonException or FormatException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {ex.Message} Each line must be {{\"id\",\"lang\",\"text\",\"labels\":{{\"sovereignty\":0|1,\"non_aggression\":0|1,\"anti_western_media\":0|1}}}}.", ex);
            }
        }

        return passages;
    }

    /// <summary>Parses one JSON object; labels may be absent when <paramref name="requireLabels"/> is false (all false then).</summary>
    internal static LabelledPassage Parse(string json, bool requireLabels)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Expected a JSON object.");
        }

        var text = RequiredString(root, "text");
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : string.Empty;
        var lang = root.TryGetProperty("lang", out var langElement) && langElement.ValueKind == JsonValueKind.String ? langElement.GetString()! : "en";
        var source = root.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind == JsonValueKind.String ? sourceElement.GetString() : null;
        var labels = new bool[FramingNames.All.Count];
        if (root.TryGetProperty("labels", out var labelsElement) && labelsElement.ValueKind == JsonValueKind.Object)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                var name = FramingNames.All[i].Name();
                if (!labelsElement.TryGetProperty(name, out var value))
                {
                    throw new FormatException($"labels.{name} is missing.");
                }

                labels[i] = value.ValueKind switch
                {
                    JsonValueKind.Number when value.GetInt32() is 0 or 1 => value.GetInt32() == 1,
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new FormatException($"labels.{name} must be 0 or 1."),
                };
            }
        }
        else if (requireLabels)
        {
            throw new FormatException("\"labels\" object is missing.");
        }

        return new LabelledPassage(id, lang, text, labels, source);
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new FormatException($"\"{name}\" (a string) is missing.");
}
