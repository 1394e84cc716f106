namespace Discourse.Ingestion.Dedup;

/// <summary>
/// Remembers the documents seen so far (this run and, loaded from state, earlier runs) and finds the one a new
/// document duplicates: first by exact content hash, then by SimHash within <see cref="MaxNearDistance"/> bits.
/// Near-matches are looked up through <see cref="Bands"/> bands of 10–11 bits: two fingerprints at most
/// <see cref="MaxNearDistance"/> bits apart agree on at least one band (pigeonhole), so only that band's bucket is scanned.
/// Not thread-safe; the ingestor calls it from one place.
/// </summary>
internal sealed class DuplicateIndex
{
    /// <summary>Largest Hamming distance still counted as a near-duplicate.</summary>
    public const int MaxNearDistance = 5;

    private const int Bands = MaxNearDistance + 1;

    private readonly Dictionary<string, string> _byContent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _contentOf = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<(ulong Fingerprint, string DocId)>>[] _bands =
        Enumerable.Range(0, Bands).Select(_ => new Dictionary<ulong, List<(ulong, string)>>()).ToArray();

    /// <summary>Number of documents remembered.</summary>
    public int Count { get; private set; }

    /// <summary>True when a document with this id and exactly this text is already known.</summary>
    public bool IsKnown(string docId, string contentSha256) =>
        _contentOf.TryGetValue(docId, out var known) && string.Equals(known, contentSha256, StringComparison.Ordinal);

    /// <summary>The id of an earlier document with the same or nearly the same text, or null.</summary>
    public string? FindOriginal(string docId, string contentSha256, ulong? fingerprint)
    {
        if (_byContent.TryGetValue(contentSha256, out var exact) && !string.Equals(exact, docId, StringComparison.Ordinal))
        {
            return exact;
        }

        if (fingerprint is not { } value)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        for (var band = 0; band < Bands; band++)
        {
            if (!_bands[band].TryGetValue(BandKey(value, band), out var candidates))
            {
                continue;
            }

            foreach (var (candidate, candidateId) in candidates)
            {
                var distance = SimHash.Distance(value, candidate);
                if (distance <= MaxNearDistance && distance < bestDistance && !string.Equals(candidateId, docId, StringComparison.Ordinal))
                {
                    best = candidateId;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    /// <summary>Remembers a document. The first document with a given text stays the original for later ones.</summary>
    public void Add(string docId, string contentSha256, ulong? fingerprint)
    {
        _byContent.TryAdd(contentSha256, docId);
        _contentOf[docId] = contentSha256;
        if (fingerprint is { } value)
        {
            for (var band = 0; band < Bands; band++)
            {
                var key = BandKey(value, band);
                if (!_bands[band].TryGetValue(key, out var list))
                {
                    list = [];
                    _bands[band][key] = list;
                }

                list.Add((value, docId));
            }
        }

        Count++;
    }

    private static ulong BandKey(ulong fingerprint, int band)
    {
        var start = band * 64 / Bands;
        var width = ((band + 1) * 64 / Bands) - start;
        return (fingerprint >> start) & ((1UL << width) - 1);
    }
}
