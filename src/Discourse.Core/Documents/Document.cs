namespace Discourse.Core.Documents;

/// <summary>
/// A normalised text with its metadata: what extraction makes of a <see cref="RawPage"/>.
/// </summary>
public sealed record Document
{
    /// <summary>Stable id: the first 16 hex digits of the SHA-256 of the canonical URL (or path).</summary>
    public required string DocId { get; init; }

    /// <summary>The source that produced it.</summary>
    public required SourceInfo Source { get; init; }

    /// <summary>The URL the text was read from (http(s) or file).</summary>
    public required string Url { get; init; }

    /// <summary>The canonical URL (rel=canonical or the normalised URL), used for dedup.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>Language: <c>en</c>, <c>ru</c> or <c>other</c>.</summary>
    public required string Lang { get; init; }

    /// <summary>The title, or empty when none was found.</summary>
    public required string Title { get; init; }

    /// <summary>The clean main text, paragraphs separated by a blank line.</summary>
    public required string Text { get; init; }

    /// <summary>The author or authors, if stated.</summary>
    public string? Author { get; init; }

    /// <summary>Publication time in UTC, if known.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the page was fetched or read, in UTC.</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>Lowercase hex SHA-256 of <see cref="Text"/> (UTF-8).</summary>
    public required string ContentSha256 { get; init; }

    /// <summary>The <see cref="DocId"/> of an earlier document this one (nearly) duplicates, if any.</summary>
    public string? DuplicateOf { get; init; }
}
