using System.Xml;

namespace Discourse.Ingestion.Discovery;

/// <summary>XML readers for untrusted feeds and sitemaps: no DTDs (no entity expansion bombs), no external resources.</summary>
internal static class XmlSafety
{
    /// <summary>A reader over <paramref name="xml"/> that refuses DTDs and resolves nothing.</summary>
    public static XmlReader CreateReader(byte[] xml) => XmlReader.Create(
        new MemoryStream(xml, writable: false),
        new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1024,
        });
}
