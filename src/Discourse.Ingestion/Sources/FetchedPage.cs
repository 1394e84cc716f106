using Discourse.Core.Documents;

namespace Discourse.Ingestion.Sources;

/// <summary>Facts about a page known before extraction (sidecar metadata, archive headers); they win over extraction.</summary>
/// <param name="Url">The page's public URL.</param>
/// <param name="Title">Its title.</param>
/// <param name="Published">Its publication time.</param>
/// <param name="Author">Its author.</param>
/// <param name="Lang">Its language code.</param>
internal sealed record PageHints(string? Url, string? Title, DateTimeOffset? Published, string? Author, string? Lang);

/// <summary>A page whose bytes a source obtained, ready to be checked against state and extracted.</summary>
/// <param name="Raw">The bytes and transport facts.</param>
/// <param name="StateKey">The location under which the state remembers it (canonical URL or file URI).</param>
/// <param name="BodySha256">Hex SHA-256 of the body; an unchanged body is skipped on re-runs.</param>
/// <param name="ETag">ETag validator, if the server sent one.</param>
/// <param name="LastModified">Last-Modified validator, if the server sent one.</param>
/// <param name="Hints">Metadata known before extraction.</param>
/// <param name="IsPlainText">True for .txt/.md and text/plain bodies: no HTML extraction.</param>
internal sealed record FetchedPage(
    RawPage Raw,
    string StateKey,
    string BodySha256,
    string? ETag,
    string? LastModified,
    PageHints? Hints,
    bool IsPlainText);

/// <summary>What a source hands the ingestor: a page to process, or an event already decided (failure, skip).</summary>
internal abstract record SourceItem;

/// <summary>A page to process.</summary>
internal sealed record PageItem(FetchedPage Page) : SourceItem;

/// <summary>An outcome decided by the source itself; <paramref name="StateUpdate"/> refreshes the stored record (304s).</summary>
internal sealed record EventItem(IngestionEvent Event, State.PageRecord? StateUpdate = null) : SourceItem;
