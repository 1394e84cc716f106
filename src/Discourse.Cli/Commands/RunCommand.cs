using System.CommandLine;
using Discourse.Cli.Running;
using Discourse.Core.Configuration;
using Spectre.Console;

namespace Discourse.Cli.Commands;

/// <summary><c>discourse run</c>: ingest every source of pipeline.yaml, classify, write the dataset.</summary>
internal static class RunCommand
{
    internal static Command Create()
    {
        var command = new Command("run", "Read every source of pipeline.yaml, classify the documents and write the month-partitioned Parquet dataset.");
        var config = ConfigCommands.ConfigOption();
        var output = new Option<string?>("--output", "-o") { Description = "The dataset folder (overrides 'output' in pipeline.yaml)." };
        command.Options.Add(config);
        command.Options.Add(output);
        command.SetAction((r, ct) => PipelineStages.ExecuteAsync(r.GetValue(config)!, r.GetValue(output), TimeProvider.System, ct));
        return command;
    }

    /// <summary>Runs the pipeline with the given stages, showing progress the way the terminal allows.</summary>
    internal static async Task<int> RunAsync(
        PipelineConfig config,
        IngestionFactory createIngestion,
        Func<Core.Documents.Document, Core.Documents.LabelledDocument> classify,
        string? modelVersion,
        TimeProvider clock,
        CancellationToken ct)
    {
        var interactive = IsInteractive();
        RunOutcome outcome;
        if (interactive)
        {
            var console = AnsiConsole.Console;
            outcome = await console.Progress()
                .AutoClear(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(context => new PipelineRunner(config, createIngestion, classify, modelVersion, new LiveRunProgress(context, console), clock).RunAsync(ct))
                .ConfigureAwait(false);
            RunSummary.Render(console, outcome, interactive: true);
        }
        else
        {
            var progress = new PlainRunProgress(Console.Out, Console.Error, clock);
            outcome = await new PipelineRunner(config, createIngestion, classify, modelVersion, progress, clock).RunAsync(ct).ConfigureAwait(false);
            RunSummary.Render(PlainConsole(Console.Out), outcome, interactive: false);
        }

        return outcome.ExitCode;
    }

    /// <summary>A console for redirected output: no colour, no cursor control, ASCII only.</summary>
    internal static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });

        // Log lines are read in files and CI pages, not an 80-column terminal: do not wrap them.
        console.Profile.Width = 240;
        return console;
    }

    /// <summary>A live progress bar only on a real terminal: not when output is redirected, in CI, or with TERM=dumb.</summary>
    private static bool IsInteractive() =>
        !Console.IsOutputRedirected
        && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb")
        && AnsiConsole.Profile.Capabilities.Interactive;
}
