using Discourse.Classification;
using Discourse.Cli.Commands;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Ingestion;

namespace Discourse.Cli.Running;

/// <summary>The real stages of <c>discourse run</c>: the config, the classifier, the ingestor, composed here and nowhere else.</summary>
internal static class PipelineStages
{
    /// <summary>Runs the pipeline on the real stages; returns the exit code.</summary>
    internal static async Task<int> ExecuteAsync(string configPath, string? outputOverride, TimeProvider clock, CancellationToken ct)
    {
        PipelineConfig config;
        try
        {
            config = PipelineConfigLoader.Load(configPath);
        }
        catch (PipelineConfigException ex)
        {
            foreach (var error in ex.Errors)
            {
                await Console.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.BadUsageOrConfig;
        }

        if (outputOverride is not null)
        {
            config = config with { OutputDir = Path.GetFullPath(outputOverride) };
        }

        FramingClassifier classifier;
        try
        {
            classifier = FramingClassifier.Load(config.Model.Path);
        }
        catch (ModelLoadException ex)
        {
            await Console.Error.WriteLineAsync($"{config.ConfigPath}: error: {ex.Message} Fix: set 'model:' to an existing model file (default {PipelineConfigLoader.DefaultModel}), or train one with `discourse train`.").ConfigureAwait(false);
            return ExitCodes.BadUsageOrConfig;
        }

        return await RunCommand.RunAsync(
            config,
            stateDirectory => new IngestorRun(new Ingestor(new IngestionOptions { StateDirectory = stateDirectory, Clock = clock })),
            classifier.Classify,
            classifier.ModelVersion,
            clock,
            ct).ConfigureAwait(false);
    }
}

/// <summary>The real ingestion of a run: an <see cref="Ingestor"/> over the staged state directory.</summary>
internal sealed class IngestorRun(Ingestor ingestor) : IRunIngestion
{
    public IAsyncEnumerable<IngestionEvent> IngestAsync(SourceConfig source, CancellationToken ct) => ingestor.IngestAsync(source, ct);

    public ValueTask DisposeAsync() => ingestor.DisposeAsync();
}
