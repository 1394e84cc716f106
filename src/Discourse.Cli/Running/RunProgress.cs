using System.Globalization;
using Discourse.Core.Configuration;
using Discourse.Core.Documents;
using Discourse.Dataset.Runs;
using Spectre.Console;

namespace Discourse.Cli.Running;

/// <summary>What a run tells the person watching it, as it goes.</summary>
internal interface IRunProgress
{
    void Info(string message);

    void Error(string message);

    void SourceStarted(SourceConfig source);

    void DocumentWritten(LabelledDocument document);

    void PageNotWritten(IngestionEvent page);

    void SourceFinished(SourceConfig source, SourceSummary summary);
}

/// <summary>Plain, timestamped log lines for CI and redirected output: no cursor movement, no colour.</summary>
internal sealed class PlainRunProgress(TextWriter output, TextWriter errors, TimeProvider clock) : IRunProgress
{
    // One progress line per this many documents of a source, so a long crawl shows it is alive without flooding logs.
    private const int DocumentsPerLine = 50;
    private readonly Dictionary<string, int> _documents = new(StringComparer.Ordinal);

    public void Info(string message) => output.WriteLine($"{Stamp()} {message}");

    public void Error(string message) => errors.WriteLine($"{Stamp()} error: {message}");

    public void SourceStarted(SourceConfig source) =>
        output.WriteLine($"{Stamp()} source {source.Id}: reading ({ConfigNames.ToSnakeCase(source.GetType().Name.Replace(nameof(SourceConfig), string.Empty, StringComparison.Ordinal))})");

    public void DocumentWritten(LabelledDocument document)
    {
        var id = document.Document.Source.Id;
        var count = _documents[id] = _documents.GetValueOrDefault(id) + 1;
        if (count % DocumentsPerLine == 0)
        {
            output.WriteLine($"{Stamp()} source {id}: {count} documents");
        }
    }

    public void PageNotWritten(IngestionEvent page)
    {
        if (page is PageFailed failed)
        {
            errors.WriteLine($"{Stamp()} warning: source {failed.SourceId}: {failed.Location}: {failed.Reason}");
        }
    }

    public void SourceFinished(SourceConfig source, SourceSummary summary) =>
        output.WriteLine($"{Stamp()} source {source.Id}: {(summary.Error is null ? "done" : "STOPPED")}: {summary.Documents} documents ({summary.Duplicates} duplicates), {summary.Failed} failed, {summary.Skipped} skipped");

    private string Stamp() => clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A Spectre.Console progress display: one line per source with its counts, on an interactive terminal.</summary>
internal sealed class LiveRunProgress(ProgressContext context, IAnsiConsole console) : IRunProgress
{
    private readonly Dictionary<string, (ProgressTask Task, long Documents, long Failed, long Skipped)> _sources = new(StringComparer.Ordinal);

    public void Info(string message) => console.MarkupLineInterpolated($"[grey]{message}[/]");

    public void Error(string message) => console.MarkupLineInterpolated($"[red]error:[/] {message}");

    public void SourceStarted(SourceConfig source)
    {
        var task = context.AddTask(Markup.Escape(source.Id), autoStart: true, maxValue: 1);
        task.IsIndeterminate = true;
        _sources[source.Id] = (task, 0, 0, 0);
        Describe(source.Id);
    }

    public void DocumentWritten(LabelledDocument document) => Count(document.Document.Source.Id, documents: 1);

    public void PageNotWritten(IngestionEvent page)
    {
        if (page is PageFailed failed)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {failed.SourceId}: {failed.Location}: {failed.Reason}");
            Count(page.SourceId, failed: 1);
        }
        else
        {
            Count(page.SourceId, skipped: 1);
        }
    }

    public void SourceFinished(SourceConfig source, SourceSummary summary)
    {
        if (_sources.TryGetValue(source.Id, out var state))
        {
            state.Task.IsIndeterminate = false;
            state.Task.Value = state.Task.MaxValue;
            state.Task.StopTask();
            Describe(source.Id, summary.Error is null ? "[green]done[/]" : "[red]stopped[/]");
        }
    }

    private void Count(string sourceId, long documents = 0, long failed = 0, long skipped = 0)
    {
        if (_sources.TryGetValue(sourceId, out var state))
        {
            _sources[sourceId] = (state.Task, state.Documents + documents, state.Failed + failed, state.Skipped + skipped);
            Describe(sourceId);
        }
    }

    private void Describe(string sourceId, string? status = null)
    {
        var (task, documents, failed, skipped) = _sources[sourceId];
        task.Description = $"{Markup.Escape(sourceId)}: {documents} docs, {failed} failed, {skipped} skipped {status ?? string.Empty}".TrimEnd();
    }
}
