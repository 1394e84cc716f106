using Discourse.Text;

namespace Discourse.Classification.Features;

/// <summary>One sentence of an extracted text: where it is and which feature occurrences it produced.</summary>
internal readonly record struct SentenceRange(int TextStart, int TextLength, int FeatureStart, int FeatureEnd, int Paragraph);

/// <summary>
/// Reusable output of <see cref="FeatureExtractor"/>: every feature occurrence of a text as a bucket number, in text
/// order, with the sentence boundaries over them, so that sentences, windows and the whole text are scored from one pass.
/// </summary>
internal sealed class FeatureBuffer
{
    private int[] buckets = new int[4096];

    /// <summary>Bucket numbers of the feature occurrences; valid up to <see cref="Count"/>.</summary>
    public int[] Buckets => buckets;

    /// <summary>Number of feature occurrences.</summary>
    public int Count { get; private set; }

    /// <summary>The sentences, in text order.</summary>
    public List<SentenceRange> Sentences { get; } = [];

    /// <summary>When not null, receives a readable name per feature occurrence (explanations only).</summary>
    public List<string>? Names { get; set; }

    internal List<WordSpan> Words { get; } = [];

    internal List<Token> Tokens { get; } = [];

    internal char[] Lowered { get; } = new char[FeatureExtractor.MaxWordLength + 2];

    public void Reset()
    {
        Count = 0;
        Sentences.Clear();
        Words.Clear();
        Names?.Clear();
    }

    public void AddRange(ReadOnlySpan<int> ids)
    {
        if (Count + ids.Length > buckets.Length)
        {
            Array.Resize(ref buckets, Math.Max(buckets.Length * 2, Count + ids.Length));
        }

        ids.CopyTo(buckets.AsSpan(Count));
        Count += ids.Length;
    }

    public void Add(int bucket)
    {
        if (Count == buckets.Length)
        {
            Array.Resize(ref buckets, buckets.Length * 2);
        }

        buckets[Count++] = bucket;
    }
}
