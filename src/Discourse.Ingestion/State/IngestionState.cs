using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Discourse.Ingestion.State;

/// <summary>What the state remembers about one fetched location of one source.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="Location">The canonical URL (or file URI) the page was fetched from.</param>
/// <param name="DocId">The document it became, or null when it failed to become one.</param>
/// <param name="FetchedAt">When it was last fetched (UTC).</param>
/// <param name="ETag">The ETag validator the server sent, if any.</param>
/// <param name="LastModified">The Last-Modified validator the server sent, verbatim, if any.</param>
/// <param name="BodySha256">Hex SHA-256 of the raw body; an unchanged body is not processed again.</param>
/// <param name="ContentSha256">Hex SHA-256 of the extracted text, for exact-duplicate detection across runs.</param>
/// <param name="SimHash">The near-duplicate fingerprint of the text, if the text was long enough.</param>
internal sealed record PageRecord(
    string SourceId,
    string Location,
    string? DocId,
    DateTimeOffset FetchedAt,
    string? ETag,
    string? LastModified,
    string BodySha256,
    string? ContentSha256,
    ulong? SimHash);

/// <summary>
/// Incremental crawl state in <c>&lt;output&gt;/_state/ingestion.sqlite</c>: one row per fetched location.
/// Reads go straight to the database; writes are buffered and committed in batches (one transaction per
/// <see cref="BatchSize"/> records) because a transaction per page costs more than the fetch itself.
/// Thread-safe.
/// </summary>
internal sealed class IngestionState : IDisposable
{
    /// <summary>Records buffered before they are committed.</summary>
    public const int BatchSize = 256;

    private const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly List<PageRecord> _pending = [];
    private readonly Dictionary<(string, string), PageRecord> _pendingByKey = [];

    private IngestionState(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the state database under <paramref name="outputDirectory"/>.</summary>
    public static IngestionState Open(string outputDirectory)
    {
        var folder = System.IO.Path.Combine(outputDirectory, "_state");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, "ingestion.sqlite");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS pages (
                    source_id TEXT NOT NULL,
                    location TEXT NOT NULL,
                    doc_id TEXT,
                    fetched_at TEXT NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    body_sha256 TEXT NOT NULL,
                    content_sha256 TEXT,
                    simhash INTEGER,
                    PRIMARY KEY (source_id, location));
                CREATE INDEX IF NOT EXISTS pages_doc ON pages (doc_id);
                """);
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
                var stored = check.ExecuteScalar() as string;
                if (stored is null)
                {
                    Execute(connection, $"INSERT INTO meta (key, value) VALUES ('schema_version', '{SchemaVersion}')");
                }
                else if (stored != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                {
                    throw new InvalidOperationException(
                        $"Crawl state {path} has schema version {stored}, this build expects {SchemaVersion}. " +
                        "Delete the _state folder to start the incremental state afresh.");
                }
            }
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"Cannot open the crawl state {path}: {ex.Message}. Delete the _state folder if it is corrupt.", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new IngestionState(connection, path);
    }

    /// <summary>The stored record of a location, including records not yet committed.</summary>
    public PageRecord? Find(string sourceId, string location)
    {
        lock (_gate)
        {
            if (_pendingByKey.TryGetValue((sourceId, location), out var pending))
            {
                return pending;
            }

            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT doc_id, fetched_at, etag, last_modified, body_sha256, content_sha256, simhash
                FROM pages WHERE source_id = $s AND location = $l
                """;
            command.Parameters.AddWithValue("$s", sourceId);
            command.Parameters.AddWithValue("$l", location);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadRecord(sourceId, location, reader, 0) : null;
        }
    }

    /// <summary>Every committed document's id, text hash and fingerprint, to seed duplicate detection.</summary>
    public IReadOnlyList<(string DocId, string ContentSha256, ulong? SimHash)> KnownDocuments()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT doc_id, content_sha256, simhash FROM pages
                WHERE doc_id IS NOT NULL AND content_sha256 IS NOT NULL ORDER BY rowid
                """;
            using var reader = command.ExecuteReader();
            var result = new List<(string, string, ulong?)>();
            while (reader.Read())
            {
                result.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : unchecked((ulong)reader.GetInt64(2))));
            }

            return result;
        }
    }

    /// <summary>Buffers a record (replacing the stored one of the same location); commits when the batch is full.</summary>
    public void Save(PageRecord record)
    {
        lock (_gate)
        {
            _pending.Add(record);
            _pendingByKey[(record.SourceId, record.Location)] = record;
            if (_pending.Count >= BatchSize)
            {
                FlushLocked();
            }
        }
    }

    /// <summary>Commits every buffered record in one transaction.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        _connection.Dispose();
    }

    private void FlushLocked()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO pages (source_id, location, doc_id, fetched_at, etag, last_modified, body_sha256, content_sha256, simhash)
            VALUES ($s, $l, $d, $f, $e, $m, $b, $c, $h)
            ON CONFLICT (source_id, location) DO UPDATE SET
                doc_id = excluded.doc_id, fetched_at = excluded.fetched_at, etag = excluded.etag,
                last_modified = excluded.last_modified, body_sha256 = excluded.body_sha256,
                content_sha256 = excluded.content_sha256, simhash = excluded.simhash
            """;
        var parameters = new[] { "$s", "$l", "$d", "$f", "$e", "$m", "$b", "$c", "$h" }
            .Select(name => command.Parameters.Add(name, SqliteType.Text))
            .ToArray();
        parameters[^1].SqliteType = SqliteType.Integer;
        command.Prepare();
        foreach (var record in _pending)
        {
            parameters[0].Value = record.SourceId;
            parameters[1].Value = record.Location;
            parameters[2].Value = (object?)record.DocId ?? DBNull.Value;
            parameters[3].Value = record.FetchedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            parameters[4].Value = (object?)record.ETag ?? DBNull.Value;
            parameters[5].Value = (object?)record.LastModified ?? DBNull.Value;
            parameters[6].Value = record.BodySha256;
            parameters[7].Value = (object?)record.ContentSha256 ?? DBNull.Value;
            parameters[8].Value = record.SimHash is { } hash ? unchecked((long)hash) : DBNull.Value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        _pending.Clear();
        _pendingByKey.Clear();
    }

    private static PageRecord ReadRecord(string sourceId, string location, SqliteDataReader reader, int first) => new(
        sourceId,
        location,
        reader.IsDBNull(first) ? null : reader.GetString(first),
        DateTimeOffset.Parse(reader.GetString(first + 1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5),
        reader.IsDBNull(first + 6) ? null : unchecked((ulong)reader.GetInt64(first + 6)));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
