namespace Discourse.Core.Documents;

/// <summary>The classifier's verdict on one framing.</summary>
/// <param name="Framing">Which framing.</param>
/// <param name="Score">Probability-like score in [0, 1].</param>
/// <param name="Label">Whether the score reaches the model's threshold for this framing.</param>
/// <param name="Evidence">The sentence or window with the highest score for this framing, if any.</param>
public sealed record FramingScore(Framing Framing, double Score, bool Label, string? Evidence);

/// <summary>A document with one <see cref="FramingScore"/> per framing and the model that produced them.</summary>
/// <param name="Document">The document.</param>
/// <param name="Scores">One entry per framing, in <see cref="FramingNames.All"/> order.</param>
/// <param name="ModelVersion">The model's name and version (e.g. <c>framing-1.0.0</c>), or null when not classified.</param>
public sealed record LabelledDocument(Document Document, IReadOnlyList<FramingScore> Scores, string? ModelVersion);
