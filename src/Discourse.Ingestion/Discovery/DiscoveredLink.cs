namespace Discourse.Ingestion.Discovery;

/// <summary>An article URL found by discovery, with the publication date the feed gave for it, if any.</summary>
/// <param name="Url">Absolute URL of the article.</param>
/// <param name="Published">The feed's date for the item; used to skip items outside the date window unfetched.</param>
internal sealed record DiscoveredLink(Uri Url, DateTimeOffset? Published);
