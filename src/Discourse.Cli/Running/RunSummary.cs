using System.Globalization;
using Spectre.Console;

namespace Discourse.Cli.Running;

/// <summary>The table printed at the end of a run: per source what was read, then what the dataset received.</summary>
internal static class RunSummary
{
    // Enough failed pages to see what went wrong; the manifest has all of them.
    private const int FailedPagesShown = 10;

    public static void Render(IAnsiConsole console, RunOutcome outcome, bool interactive)
    {
        if (outcome.Manifest is not { } manifest)
        {
            return;
        }

        var table = new Table { Border = interactive ? TableBorder.Rounded : TableBorder.Ascii };
        table.Title = new TableTitle($"run {manifest.RunId}: {manifest.Status}");
        table.AddColumn("source");
        foreach (var column in new[] { "documents", "duplicates", "failed", "skipped" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddColumn("status");
        foreach (var source in manifest.Sources)
        {
            table.AddRow(
                Markup.Escape(source.Id),
                Number(source.Documents),
                Number(source.Duplicates),
                Number(source.Failed),
                Number(source.Skipped),
                source.Error is null ? "ok" : "stopped");
        }

        table.AddRow(
            "total",
            Number(manifest.Sources.Sum(s => s.Documents)),
            Number(manifest.Sources.Sum(s => s.Duplicates)),
            Number(manifest.Sources.Sum(s => s.Failed)),
            Number(manifest.Sources.Sum(s => s.Skipped)),
            manifest.Status);
        console.Write(table);

        var seconds = (manifest.FinishedAt - manifest.StartedAt).TotalSeconds;
        console.WriteLine($"dataset:   {manifest.Rows} rows in {manifest.Files.Count} file(s), {manifest.Files.Select(f => f.Partition).Distinct(StringComparer.Ordinal).Count()} month partition(s)");
        if (manifest.ModelVersion is not null)
        {
            console.WriteLine($"labels:    {string.Join(", ", manifest.PositiveLabels.Select(p => $"{p.Key} {p.Value}"))} (model {manifest.ModelVersion})");
        }

        console.WriteLine($"manifest:  {outcome.ManifestPath ?? "(not written)"}");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duration:  {seconds:F1} s"));
        foreach (var page in manifest.FailedPages.Take(FailedPagesShown))
        {
            console.WriteLine($"failed:    {page.SourceId}: {page.Location}: {page.Reason}");
        }

        if (manifest.FailedPages.Count > FailedPagesShown)
        {
            console.WriteLine($"failed:    ... and {manifest.FailedPages.Count - FailedPagesShown} more in the manifest");
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
