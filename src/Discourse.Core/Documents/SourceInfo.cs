namespace Discourse.Core.Documents;

/// <summary>The publisher facts of a source, copied from pipeline.yaml into every document it yields.</summary>
/// <param name="Id">The source id (stable, snake/kebab case).</param>
/// <param name="Name">A display name.</param>
/// <param name="Actor">The actor or country (e.g. <c>RU</c>, <c>CN</c>, <c>US</c>, or an organisation).</param>
/// <param name="Kind">What kind of publisher it is.</param>
public sealed record SourceInfo(string Id, string Name, string Actor, SourceKind Kind);
