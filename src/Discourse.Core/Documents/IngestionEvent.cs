namespace Discourse.Core.Documents;

/// <summary>What ingestion reports for each page it handles; the run turns these into rows and manifest entries.</summary>
public abstract record IngestionEvent(string SourceId, string Location);

/// <summary>A page became a document.</summary>
public sealed record DocumentIngested(Document Document) : IngestionEvent(Document.Source.Id, Document.Url);

/// <summary>A page could not be fetched, decoded or extracted; <paramref name="Reason"/> says why, for the run manifest.</summary>
public sealed record PageFailed(string SourceId, string Location, string Reason) : IngestionEvent(SourceId, Location);

/// <summary>A page was passed over on purpose (unchanged since the last run, outside the date window, excluded, robots.txt).</summary>
public sealed record PageSkipped(string SourceId, string Location, string Reason) : IngestionEvent(SourceId, Location);
