namespace Discourse.Ingestion.Extraction;

/// <summary>An HTML body turned into text, with the charset used and where that charset came from.</summary>
/// <param name="Html">The decoded markup.</param>
/// <param name="Charset">The WebName of the encoding used, e.g. <c>utf-8</c>, <c>windows-1251</c>, <c>koi8-r</c>.</param>
/// <param name="CharsetSource">
/// Why that charset was chosen: <c>bom</c>, <c>http-header</c>, <c>meta</c>, <c>detected</c> (nothing declared),
/// or <c>detected-override</c> (a declared charset contradicted by the bytes).
/// </param>
public sealed record DecodedHtml(string Html, string Charset, string CharsetSource);
