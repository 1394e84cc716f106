namespace Discourse.Core.Documents;

/// <summary>
/// A page as it arrived: the bytes and the transport facts needed to decode it, before any extraction.
/// </summary>
/// <param name="Source">The source that produced the page.</param>
/// <param name="Url">The final URL (after redirects), or a <c>file:</c> URI for local files.</param>
/// <param name="Body">The (decompressed) body bytes.</param>
/// <param name="ContentType">The Content-Type header value, if any (carries the charset).</param>
/// <param name="FetchedAt">When the bytes were obtained.</param>
/// <param name="RedirectChain">URLs followed before <paramref name="Url"/>, oldest first; empty when there was no redirect.</param>
public sealed record RawPage(
    SourceInfo Source,
    Uri Url,
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    DateTimeOffset FetchedAt,
    IReadOnlyList<Uri> RedirectChain);
