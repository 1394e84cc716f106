using Discourse.Ingestion.Dedup;
using Discourse.Ingestion.Tests.Support;

namespace Discourse.Ingestion.Tests.Dedup;

public sealed class SimHashTests
{
    private const string Statement = SampleTexts.Consultations;

    [Fact]
    public void Identical_texts_have_identical_fingerprints_and_case_does_not_matter() =>
        Assert.Equal(SimHash.Compute(Statement), SimHash.Compute(Statement.ToUpperInvariant()));

    [Fact]
    public void A_small_edit_stays_within_the_near_duplicate_distance()
    {
        var edited = Statement.Replace("autumn", "spring", StringComparison.Ordinal);
        var distance = SimHash.Distance(SimHash.Compute(Statement)!.Value, SimHash.Compute(edited)!.Value);
        Assert.InRange(distance, 0, DuplicateIndex.MaxNearDistance);
    }

    [Fact]
    public void Unrelated_texts_are_far_apart()
    {
        const string other = "Heavy snowfall paralysed traffic across the capital on Monday as road crews worked through the " +
            "night to clear the main avenues while commuters waited for delayed trains and buses at crowded stations.";
        Assert.True(SimHash.Distance(SimHash.Compute(Statement)!.Value, SimHash.Compute(other)!.Value) > 10);
    }

    [Fact]
    public void Short_texts_get_no_fingerprint() => Assert.Null(SimHash.Compute("Talks resume on Monday."));
}
