using System.CommandLine;
using System.Globalization;
using Discourse.Dataset;
using Discourse.Parquet;

namespace Discourse.Cli.Commands;

/// <summary><c>discourse dataset inspect|verify PATH</c>: look into and check Parquet files or a dataset folder.</summary>
internal static class DatasetCommands
{
    // Long texts are cut in the row preview so a row stays readable on one screen.
    private const int PreviewChars = 80;

    internal static Command Create()
    {
        var dataset = new Command("dataset", "Inspect or verify Parquet files and dataset folders.");

        var inspect = new Command("inspect", "Print schema, key-value metadata, row groups, codecs, row count and the first rows of a file or dataset folder.");
        var inspectPath = new Argument<string>("path") { Description = "A .parquet file or a dataset folder such as out/." };
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows to show.", DefaultValueFactory = _ => 5 };
        inspect.Arguments.Add(inspectPath);
        inspect.Options.Add(rows);
        inspect.SetAction(r => Inspect(r.GetValue(inspectPath)!, r.GetValue(rows), Console.Out, Console.Error));
        dataset.Subcommands.Add(inspect);

        var verify = new Command("verify", "Re-read every file: footers, page CRCs, row counts, and the run manifests against the files. Exit 1 on any problem.");
        var verifyPath = new Argument<string>("path") { Description = "A .parquet file or a dataset folder such as out/." };
        verify.Arguments.Add(verifyPath);
        verify.SetAction(r => Verify(r.GetValue(verifyPath)!, Console.Out, Console.Error));
        dataset.Subcommands.Add(verify);
        return dataset;
    }

    internal static int Inspect(string path, int rowsToShow, TextWriter output, TextWriter errors)
    {
        IReadOnlyList<string> files;
        try
        {
            files = DatasetLayout.DataFiles(path);
        }
        catch (DatasetException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadUsageOrConfig;
        }

        if (files.Count == 0)
        {
            errors.WriteLine($"error: no .parquet files under '{path}'. Fix: pass a dataset folder written by `discourse run` (e.g. out/) or a .parquet file.");
            return ExitCodes.Failure;
        }

        try
        {
            using (var first = ParquetFileReader.Open(files[0]))
            {
                output.WriteLine($"schema ({first.Schema.Fields.Count} columns, from {Relative(path, files[0])}):");
                foreach (var field in first.Schema.Fields)
                {
                    output.WriteLine($"  {field}");
                }

                output.WriteLine("key-value metadata:");
                foreach (var (key, value) in first.KeyValueMetadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    output.WriteLine($"  {key} = {value}");
                }

                output.WriteLine($"created by: {first.CreatedBy}");
            }

            output.WriteLine($"files ({files.Count}):");
            long total = 0;
            foreach (var file in files)
            {
                using var reader = ParquetFileReader.Open(file);
                total += reader.RowCount;
                var codecs = reader.RowGroups.SelectMany(g => g.Columns).Select(c => c.Codec).Distinct(StringComparer.Ordinal);
                var encodings = reader.RowGroups.SelectMany(g => g.Columns).SelectMany(c => c.Encodings).Distinct(StringComparer.Ordinal);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Relative(path, file)}: {reader.RowCount} rows, {new FileInfo(file).Length} bytes, codec {string.Join("/", codecs)}, encodings {string.Join(", ", encodings)}"));
                foreach (var group in reader.RowGroups)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    row group {group.Index}: {group.RowCount} rows, {group.TotalByteSize} bytes uncompressed, {group.CompressedByteSize} compressed"));
                }
            }

            output.WriteLine($"rows: {total}");
            output.WriteLine($"first {Math.Min(rowsToShow, total)} row(s):");
            var shown = 0;
            foreach (var file in files)
            {
                if (shown >= rowsToShow)
                {
                    break;
                }

                using var reader = ParquetFileReader.Open(file);
                foreach (var row in reader.ReadRows().Take(rowsToShow - shown))
                {
                    output.WriteLine($"  -- row {shown + 1} ({Relative(path, file)})");
                    for (var i = 0; i < row.Length; i++)
                    {
                        output.WriteLine($"     {reader.Schema.Fields[i].Name}: {Preview(row[i])}");
                    }

                    shown++;
                }
            }
        }
        catch (ParquetFormatException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: cannot read '{path}': {ex.Message}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    internal static int Verify(string path, TextWriter output, TextWriter errors)
    {
        DatasetVerification verdict;
        try
        {
            verdict = DatasetVerifier.Verify(path);
        }
        catch (DatasetException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadUsageOrConfig;
        }

        foreach (var file in verdict.Files)
        {
            if (file.Problem is null)
            {
                output.WriteLine($"ok    {Relative(path, file.Path)} ({file.Rows} rows)");
            }
            else
            {
                errors.WriteLine($"FAIL  {Relative(path, file.Path)}: {file.Problem}");
            }
        }

        foreach (var problem in verdict.Problems)
        {
            errors.WriteLine($"FAIL  {problem}");
        }

        foreach (var warning in verdict.Warnings)
        {
            output.WriteLine($"note  {warning}");
        }

        if (verdict.Files.Count == 0)
        {
            errors.WriteLine($"error: no .parquet files under '{path}'.");
            return ExitCodes.Failure;
        }

        var bad = verdict.Files.Count(f => f.Problem is not null) + verdict.Problems.Count;
        output.WriteLine($"{verdict.Files.Count} file(s), {verdict.Rows} rows: {(verdict.Ok ? "all sound" : $"{bad} problem(s)")}");
        return verdict.Ok ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string Relative(string root, string file) =>
        File.Exists(root) ? file : Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');

    private static string Preview(object? value) => value switch
    {
        null => "null",
        string s => s.Length > PreviewChars ? $"\"{Flatten(s[..PreviewChars])}…\" ({s.Length} chars)" : $"\"{Flatten(s)}\"",
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        byte[] bytes => $"<{bytes.Length} bytes>",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Flatten(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal);
}
