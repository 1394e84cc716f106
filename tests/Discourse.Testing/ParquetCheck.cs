using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Discourse.Testing;

/// <summary>
/// Runs the independent Parquet checker (<c>validate.mjs</c> from <c>../shared/tools/parquet-check</c>: DuckDB, hyparquet
/// and parquet-wasm read every file, compare values and scan pages and CRCs) on files our code wrote.
/// The checker is an npm-installed copy found through <c>DISCOURSE_PARQUET_CHECK</c> (a folder holding validate.mjs and
/// node_modules), else <c>&lt;repo&gt;/.tools/parquet-check</c>. When absent, tests are skipped with the reason (failed
/// when <c>DISCOURSE_REQUIRE_REFERENCE=1</c>). Install it with:
/// <code>mkdir -p .tools &amp;&amp; cp -r ../shared/tools/parquet-check .tools/ &amp;&amp; (cd .tools/parquet-check &amp;&amp; npm install --no-audit --no-fund)</code>
/// </summary>
public static class ParquetCheck
{
    /// <summary>The checker folder, or null when no installed copy is found.</summary>
    public static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DISCOURSE_PARQUET_CHECK");
        var candidates = new[]
        {
            string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment,
            Path.Combine(ReferenceData.RepositoryRoot, ".tools", "parquet-check"),
        };
        return candidates.FirstOrDefault(c => c is not null
            && File.Exists(Path.Combine(c, "validate.mjs"))
            && Directory.Exists(Path.Combine(c, "node_modules")));
    }

    /// <summary>The checker folder; skips the calling test when it is not installed (fails under DISCOURSE_REQUIRE_REFERENCE=1).</summary>
    public static string Require()
    {
        var folder = Locate();
        if (folder is not null)
        {
            return folder;
        }

        var reason = "The Parquet checker is not installed: set DISCOURSE_PARQUET_CHECK to an npm-installed copy of "
            + "../shared/tools/parquet-check, or run: mkdir -p .tools && cp -r ../shared/tools/parquet-check .tools/ && "
            + "(cd .tools/parquet-check && npm install --no-audit --no-fund)";
        if (Environment.GetEnvironmentVariable("DISCOURSE_REQUIRE_REFERENCE") == "1")
        {
            throw new InvalidOperationException(reason + " (DISCOURSE_REQUIRE_REFERENCE=1 makes this a failure).");
        }

        throw new SkipException(reason);
    }

    /// <summary>Runs <c>node validate.mjs --json FILES</c> (skipping the test when the checker is absent) and returns its verdicts.</summary>
    public static ParquetCheckResult Run(params string[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Length == 0)
        {
            throw new ArgumentException("Name at least one file to check.", nameof(files));
        }

        var folder = Require();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(folder, "validate.mjs"));
        start.ArgumentList.Add("--json");
        start.ArgumentList.Add("--show-diff=120");
        foreach (var file in files)
        {
            start.ArgumentList.Add(Path.GetFullPath(file));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node; is Node.js on PATH?");
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var stderr = stderrTask.GetAwaiter().GetResult();
        var verdicts = new List<ParquetCheckFile>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var problems = root.TryGetProperty("problems", out var p) ? p.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
            string? checksum = null;
            if (root.TryGetProperty("readers", out var readers) && readers.TryGetProperty("duckdb", out var duck) && duck.TryGetProperty("checksum", out var sum))
            {
                checksum = sum.GetString();
            }

            verdicts.Add(new ParquetCheckFile(root.GetProperty("file").GetString() ?? "", root.GetProperty("ok").GetBoolean(), problems, checksum));
        }

        return new ParquetCheckResult(process.ExitCode, verdicts, stdout, stderr);
    }

    /// <summary>Runs the checker and fails the test, listing every problem, unless all readers read all files identically.</summary>
    public static ParquetCheckResult Validate(params string[] files)
    {
        var result = Run(files);
        if (result.ExitCode != 0 || result.Files.Count != files.Length || result.Files.Any(f => !f.Ok))
        {
            var details = string.Join(Environment.NewLine, result.Files.Where(f => !f.Ok).Select(f => $"{f.File}: {string.Join(" | ", f.Problems)}"));
            Assert.Fail($"parquet-check exited {result.ExitCode} for {files.Length} file(s):{Environment.NewLine}{details}{Environment.NewLine}{result.Errors}");
        }

        return result;
    }
}

/// <summary>The checker's run: exit code (0 only when every file passed), per-file verdicts and raw output.</summary>
public sealed record ParquetCheckResult(int ExitCode, IReadOnlyList<ParquetCheckFile> Files, string Output, string Errors);

/// <summary>One file's verdict: ok, the problems found, and DuckDB's row-order-independent value checksum.</summary>
public sealed record ParquetCheckFile(string File, bool Ok, IReadOnlyList<string> Problems, string? DuckDbChecksum);
