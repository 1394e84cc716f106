namespace Discourse.Text.Languages;

/// <summary>The language a text is written in, as far as the pipeline cares about it.</summary>
/// <param name="Code">"en" (English), "ru" (Russian) or "other" (any other language, or no letters at all).</param>
/// <param name="Confidence">Posterior probability of <paramref name="Code"/> in [0, 1]; 0 when the text has no letters.</param>
public sealed record LanguageGuess(string Code, double Confidence);
