using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Discourse.Ingestion.Extraction;

namespace Discourse.Cli.Commands;

/// <summary><c>discourse extract</c>: runs decoding and main-text extraction over saved HTML files, for checking and evaluation.</summary>
internal static class ExtractCommands
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static Command Create()
    {
        var input = new Option<string>("--input") { Description = "An .html/.htm file or a folder of them (searched recursively).", Required = true };
        var output = new Option<string>("--output") { Description = "Folder for the results: <same name>.json per page (relative folders kept).", Required = true };
        var urls = new Option<string?>("--urls") { Description = "Optional TSV of <file name or relative path><TAB><url>: the pages' original URLs (resolve links, date in the path)." };
        var command = new Command("extract", "Extract title, main text, date, author and language from saved HTML pages into JSON files.");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(urls);
        command.SetAction((ParseResult result, CancellationToken ct) => Task.FromResult(Run(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(urls), ct)));
        return command;
    }

    private static int Run(string input, string output, string? urlsFile, CancellationToken ct)
    {
        var inputRoot = Path.GetFullPath(input);
        List<string> files;
        string baseDirectory;
        if (File.Exists(inputRoot))
        {
            files = [inputRoot];
            baseDirectory = Path.GetDirectoryName(inputRoot)!;
        }
        else if (Directory.Exists(inputRoot))
        {
            files = [.. Directory.EnumerateFiles(inputRoot, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
            baseDirectory = inputRoot;
        }
        else
        {
            Console.Error.WriteLine($"extract: --input {input}: no such file or folder. Pass an .html file or a folder containing .html/.htm files.");
            return 2;
        }

        Dictionary<string, Uri> knownUrls;
        try
        {
            knownUrls = urlsFile is null ? [] : ReadUrls(urlsFile);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"extract: {e.Message}");
            return 2;
        }

        Directory.CreateDirectory(output);
        var failures = 0;
        Parallel.ForEach(files, new ParallelOptions { CancellationToken = ct }, file =>
        {
            var relative = Path.GetRelativePath(baseDirectory, file);
            try
            {
                var url = knownUrls.GetValueOrDefault(relative) ?? knownUrls.GetValueOrDefault(Path.GetFileName(file));
                var decoded = HtmlDecoder.Decode(File.ReadAllBytes(file), contentType: null);
                var page = HtmlExtractor.Extract(decoded.Html, url);
                var target = Path.Combine(output, Path.ChangeExtension(relative, ".json"));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                Write(target, page, url);
            }
            catch (IOException e)
            {
                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"extract: {file}: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"extract: {file}: {e.Message}");
            }
        });

        Console.WriteLine($"extract: {files.Count - failures} of {files.Count} pages written to {Path.GetFullPath(output)}");
        return failures == 0 ? 0 : 1;
    }

    private static Dictionary<string, Uri> ReadUrls(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"--urls {path}: no such file. Give a TSV of <file name><TAB><absolute URL> lines.");
        }

        var map = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2 || !Uri.TryCreate(parts[1].Trim(), UriKind.Absolute, out var uri))
            {
                throw new FormatException($"{path}:{lineNumber}: expected <file name><TAB><absolute URL>, got \"{line}\".");
            }

            map[parts[0].Trim()] = uri;
        }

        return map;
    }

    private static void Write(string target, ExtractedPage page, Uri? url)
    {
        using var stream = File.Create(target);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        var knownUrl = url?.AbsoluteUri ?? page.CanonicalUrl;
        if (knownUrl is null)
        {
            writer.WriteNull("url");
        }
        else
        {
            writer.WriteString("url", knownUrl);
        }

        writer.WriteString("title", page.Title);
        writer.WriteString("text", page.Text);
        if (page.Published is { } published)
        {
            writer.WriteString("published", published.ToString(published.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("published");
        }

        if (page.Author is null)
        {
            writer.WriteNull("author");
        }
        else
        {
            writer.WriteString("author", page.Author);
        }

        writer.WriteString("lang", page.Lang);
        writer.WriteEndObject();
    }
}
