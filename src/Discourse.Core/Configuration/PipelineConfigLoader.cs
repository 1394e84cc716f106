using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Discourse.Core.Configuration;

/// <summary>
/// Reads and validates pipeline.yaml into a <see cref="PipelineConfig"/>. Every problem is reported with the file, line
/// and column, what was expected and how to fix it; unknown keys are errors. Relative paths are resolved against the
/// folder of the config file. The keys of the records (<see cref="RunConfig"/>, <see cref="SourceConfig"/> kinds,
/// <see cref="FetchConfig"/>, <see cref="ListingConfig"/>) are their snake_case property names.
/// </summary>
public static partial class PipelineConfigLoader
{
    /// <summary>The file name looked for when no <c>--config</c> is given.</summary>
    public const string DefaultFileName = "pipeline.yaml";

    /// <summary>The dataset folder used when <c>output</c> is not set.</summary>
    public const string DefaultOutput = "out";

    /// <summary>The model used when <c>model</c> is not set.</summary>
    public const string DefaultModel = "models/framing-v1.model";

    private const string SyntaxFix =
        "Check the indentation (spaces only, children indented under their key), that every 'key: value' has a space after the colon, and quote values containing ': ' or '#'.";

    /// <summary>The top-level keys of pipeline.yaml.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["output", "model", "run", "sources"];

    /// <summary>
    /// The source kinds by their <c>type:</c> value: every concrete <see cref="SourceConfig"/> record, named by its type
    /// name without the <c>SourceConfig</c> suffix (<c>files</c>, <c>site</c>, <c>warc</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, Type> SourceTypes { get; } = typeof(SourceConfig).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(SourceConfig)) && t.Name.EndsWith(nameof(SourceConfig), StringComparison.Ordinal))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToDictionary(t => ConfigNames.ToSnakeCase(t.Name[..^nameof(SourceConfig).Length]), t => t, StringComparer.Ordinal);

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="PipelineConfigException">The file is missing, unreadable or invalid; the message lists every problem.</exception>
    public static PipelineConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PipelineConfigException(
                new ConfigError(path, 1, 1, $"The configuration file '{Path.GetFullPath(path)}' does not exist.", "Pass an existing file with --config FILE, or run from the folder holding pipeline.yaml."),
                ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PipelineConfigException(
                new ConfigError(path, 1, 1, $"The configuration file '{Path.GetFullPath(path)}' cannot be read: {ex.Message}", "Check the file's permissions, or pass another file with --config FILE."),
                ex);
        }

        return Parse(text, path);
    }

    /// <summary>Validates YAML text; <paramref name="path"/> names the file in messages and anchors relative paths.</summary>
    /// <exception cref="PipelineConfigException">The text is invalid; the message lists every problem.</exception>
    public static PipelineConfig Parse(string yaml, string path)
    {
        var fullPath = Path.GetFullPath(path);
        var binder = new ConfigBinder(path, Path.GetDirectoryName(fullPath)!);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var message = WithoutPosition(ex.Message);
            var duplicate = DuplicateKey().Match(message);
            var error = duplicate.Success
                ? new ConfigError(path, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column), $"The key '{duplicate.Groups["key"].Value}' appears twice in the same mapping.", "Keep one of the two; if they belong to different sources, start the second source with '- '.")
                : new ConfigError(path, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column), "YAML syntax error: " + message, SyntaxFix);
            throw new PipelineConfigException(error, ex);
        }

        if (stream.Documents.Count == 0 || ConfigBinder.IsNull(stream.Documents[0].RootNode))
        {
            throw new PipelineConfigException([new ConfigError(path, 1, 1, "The configuration is empty; expected a mapping with at least 'sources'.", "Start from the pipeline.yaml at the repository root (see docs/foundation.md).")]);
        }

        if (stream.Documents.Count > 1)
        {
            binder.Error(stream.Documents[1].RootNode, "The file holds more than one YAML document ('---'); expected exactly one.", "Remove the second '---' and everything after it, or merge the documents.");
        }

        var config = ReadRoot(binder, stream.Documents[0].RootNode, fullPath);
        if (binder.Errors.Count > 0 || config is null)
        {
            throw new PipelineConfigException(binder.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        return config;
    }

    private static PipelineConfig? ReadRoot(ConfigBinder binder, YamlNode root, string fullPath)
    {
        if (root is not YamlMappingNode map)
        {
            binder.Error(root, "The top level must be a mapping with the keys output, model, run and sources.", "Write 'sources:' (and optionally 'output:', 'model:', 'run:') at the start of a line, without indentation.");
            return null;
        }

        var output = binder.Resolve(DefaultOutput);
        var model = new ModelConfig(binder.Resolve(DefaultModel));
        var run = new RunConfig();
        IReadOnlyList<SourceConfig>? sources = null;
        YamlNode? sourcesNode = null;

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "output":
                    if (valueNode is YamlScalarNode { Value: { Length: > 0 } outputText } && !ConfigBinder.IsNull(valueNode))
                    {
                        output = binder.Resolve(outputText);
                    }
                    else
                    {
                        binder.Error(valueNode, "'output' must be a folder path, e.g. 'out'.", "Write 'output: out' (relative to this file) or an absolute path.");
                    }

                    break;
                case "model":
                    model = ReadModel(binder, valueNode) ?? model;
                    break;
                case "run":
                    if (valueNode is YamlMappingNode runMap)
                    {
                        run = binder.Bind(typeof(RunConfig), runMap, "'run'") as RunConfig ?? run;
                    }
                    else if (!ConfigBinder.IsNull(valueNode))
                    {
                        binder.Error(valueNode, $"'run' must be a mapping of settings ({string.Join(", ", ConfigBinder.KeysOf(typeof(RunConfig)))}).", "Indent the settings under 'run:' on their own lines.");
                    }

                    break;
                case "sources":
                    sourcesNode = valueNode;
                    sources = ReadSources(binder, valueNode);
                    break;
                default:
                    var suggestion = key is null ? null : ConfigNames.Closest(key, TopLevelKeys);
                    binder.Error(
                        keyNode,
                        $"Unknown top-level key '{key}'." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"),
                        $"Use one of: {string.Join(", ", TopLevelKeys)}; source settings belong under an item of 'sources'.");
                    break;
            }
        }

        if (sourcesNode is null)
        {
            binder.Error(map, "Missing required key 'sources'; expected a list of sources.", $"Add 'sources:' with at least one item ('- id: ...', 'type: {string.Join("|", SourceTypes.Keys)}', name, actor, kind).");
        }

        return sources is null ? null : new PipelineConfig
        {
            ConfigPath = fullPath,
            OutputDir = output,
            Model = model,
            Run = run,
            Sources = sources,
        };
    }

    private static ModelConfig? ReadModel(ConfigBinder binder, YamlNode node)
    {
        if (node is YamlMappingNode modelMap)
        {
            return binder.Bind(typeof(ModelConfig), modelMap, "'model'") as ModelConfig;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } modelPath } && !ConfigBinder.IsNull(node))
        {
            return new ModelConfig(binder.Resolve(modelPath));
        }

        binder.Error(node, "'model' must be the path of a model file.", $"Write 'model: {DefaultModel}' (relative to this file).");
        return null;
    }

    private static List<SourceConfig>? ReadSources(ConfigBinder binder, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            binder.Error(node, "'sources' must be a list of sources.", "Write each source as an item starting with '- id: ...' under 'sources:'.");
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            binder.Error(node, "'sources' is empty; expected at least one source.", "Add a source, e.g. '- id: my-files', 'type: files', 'paths: [corpora/site/*/articles/**/*.html]', name, actor, kind.");
            return null;
        }

        var reserved = new HashSet<string>(StringComparer.Ordinal) { "type" };
        var sources = new List<SourceConfig>();
        var firstIdNode = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            if (item is not YamlMappingNode sourceMap)
            {
                binder.Error(item, $"Source #{i + 1} must be a mapping of keys (id, type, name, actor, kind, ...).", "Write the source's keys indented under its '- ' line.");
                ok = false;
                continue;
            }

            var idNode = Child(sourceMap, "id");
            var where = idNode is YamlScalarNode { Value: { Length: > 0 } id } ? $"source '{id}'" : $"source #{i + 1}";
            var typeNode = Child(sourceMap, "type");
            var kinds = string.Join(", ", SourceTypes.Keys);
            if (typeNode is null)
            {
                binder.Error(sourceMap, $"Missing required key 'type' in {where}; expected one of: {kinds}.", $"Add 'type: files' (local files), 'type: site' (a crawled web site) or 'type: warc' (web archives).");
                ok = false;
                continue;
            }

            var typeName = (typeNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!SourceTypes.TryGetValue(typeName, out var sourceType))
            {
                var suggestion = ConfigNames.Closest(typeName, SourceTypes.Keys);
                binder.Error(typeNode, $"'type' of {where} is '{typeName}'; expected one of: {kinds}." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"), $"Write e.g. 'type: {suggestion ?? "files"}'.");
                ok = false;
                continue;
            }

            if (binder.Bind(sourceType, sourceMap, where, reserved) is not SourceConfig source)
            {
                ok = false;
                continue;
            }

            ok &= CheckSource(binder, source, sourceMap, where);
            if (!firstIdNode.TryAdd(source.Id, idNode!))
            {
                var first = firstIdNode[source.Id];
                binder.Error(idNode, $"Source id '{source.Id}' is used twice (first at line {first.Start.Line}); ids must be unique.", "Rename one of the sources; the id goes into every row of the dataset.");
                ok = false;
                continue;
            }

            sources.Add(source);
        }

        return ok ? sources : null;
    }

    private static bool CheckSource(ConfigBinder binder, SourceConfig source, YamlMappingNode map, string where)
    {
        var ok = true;
        if (source.DateFrom is { } from && source.DateTo is { } to && from > to)
        {
            binder.Error(Child(map, "date_from"), $"In {where}, date_from {from:yyyy-MM-dd} is after date_to {to:yyyy-MM-dd}; the window would be empty.", "Swap the two dates or widen the window.");
            ok = false;
        }

        var paths = source switch
        {
            FilesSourceConfig files => files.Paths,
            WarcSourceConfig warc => warc.Paths,
            _ => null,
        };
        if (paths is { Count: 0 })
        {
            binder.Error(Child(map, "paths"), $"'paths' of {where} is empty; expected at least one glob.", "Add a glob such as 'corpora/site/*/articles/**/*.html' (relative to this file).");
            ok = false;
        }

        if (source is SiteSourceConfig site && site.StartUrls.Count + site.Feeds.Count + site.Sitemaps.Count == 0)
        {
            binder.Error(map, $"{char.ToUpperInvariant(where[0])}{where[1..]} has no start_urls, feeds or sitemaps; a site source needs at least one place to start.", "Add 'start_urls:', 'feeds:' or 'sitemaps:' with absolute https:// URLs.");
            ok = false;
        }

        return ok;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: { } k } && k == key).Value;

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we report the position ourselves.
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, string.Empty);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"^Duplicate key (?<key>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateKey();
}
