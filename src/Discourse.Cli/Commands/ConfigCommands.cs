using System.CommandLine;
using Discourse.Core.Configuration;

namespace Discourse.Cli.Commands;

/// <summary><c>discourse config check</c>: validates pipeline.yaml.</summary>
internal static class ConfigCommands
{
    internal static Command Create()
    {
        var config = new Command("config", "Work with pipeline.yaml.");
        var check = new Command("check", "Validate pipeline.yaml: every problem with file:line:column and how to fix it, or a summary of the sources.");
        var file = ConfigOption();
        check.Options.Add(file);
        check.SetAction(r => Check(r.GetValue(file)!, Console.Out, Console.Error));
        config.Subcommands.Add(check);
        return config;
    }

    /// <summary>The <c>--config</c> option shared by the commands that read pipeline.yaml.</summary>
    internal static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = "The pipeline configuration file.",
        DefaultValueFactory = _ => PipelineConfigLoader.DefaultFileName,
    };

    /// <summary>Validates <paramref name="path"/>; prints the errors (exit 2) or a summary (exit 0).</summary>
    internal static int Check(string path, TextWriter output, TextWriter errors)
    {
        PipelineConfig config;
        try
        {
            config = PipelineConfigLoader.Load(path);
        }
        catch (PipelineConfigException ex)
        {
            foreach (var error in ex.Errors)
            {
                errors.WriteLine(error.ToString());
            }

            errors.WriteLine($"{path}: {ex.Errors.Count} error(s); nothing was run.");
            return ExitCodes.BadUsageOrConfig;
        }

        output.WriteLine($"{path}: OK");
        output.WriteLine($"  output:  {config.OutputDir}");
        output.WriteLine($"  model:   {config.Model.Path}{(File.Exists(config.Model.Path) ? string.Empty : "  (warning: the file does not exist yet; `discourse run` needs it)")}");
        output.WriteLine($"  run:     codec {config.Run.Codec}, row groups up to {config.Run.RowGroupBytes} bytes, max documents {config.Run.MaxDocuments?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, seed {config.Run.Seed}");
        output.WriteLine($"  sources: {config.Sources.Count}");
        foreach (var source in config.Sources)
        {
            output.WriteLine($"    - {source.Id} ({Describe(source)}): {source.Name}; actor {source.Actor}; kind {ConfigNames.EnumValue(source.Kind)}");
        }

        return ExitCodes.Success;
    }

    private static string Describe(SourceConfig source) => source switch
    {
        FilesSourceConfig files => $"files: {string.Join(", ", files.Paths)}",
        WarcSourceConfig warc => $"warc: {string.Join(", ", warc.Paths)}",
        SiteSourceConfig site => $"site: {site.StartUrls.Count} start URLs, {site.Feeds.Count} feeds, {site.Sitemaps.Count} sitemaps",
        _ => source.GetType().Name,
    };
}
