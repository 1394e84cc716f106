namespace Discourse.Parquet.Tests;

/// <summary>parquet-testing/MANIFEST.tsv: per file, the row count and the value checksum the reference readers computed.</summary>
internal static class Manifest
{
    public sealed record Entry(string File, long? Rows, string Codecs, string Features, string DuckDb, string Checksum);

    public static Dictionary<string, Entry> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column '{name}'");
        var file = Col("file");
        var rows = Col("rows");
        var codecs = Col("codecs");
        var features = Col("features");
        var duckdb = Col("duckdb");
        var checksum = Col("checksum_sha256");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            string Cell(int i) => i < cells.Length ? cells[i] : "";
            entries[Cell(file)] = new Entry(
                Cell(file),
                long.TryParse(Cell(rows), out var n) ? n : null,
                Cell(codecs),
                Cell(features),
                Cell(duckdb),
                Cell(checksum));
        }

        return entries;
    }
}
