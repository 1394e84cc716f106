using Discourse.Ingestion.Dedup;

namespace Discourse.Ingestion.Tests.Dedup;

public sealed class SimHashTests
{
    private const string Statement =
        "The ministry held consultations with its partners on the security of information networks and agreed to " +
        "continue the dialogue on confidence-building measures in cyberspace at the next round of talks in the autumn. " +
        "Both delegations noted the importance of practical cooperation between national response teams, the timely " +
        "exchange of information about incidents affecting critical infrastructure and joint exercises of specialists. " +
        "The sides reviewed the work of the open-ended working group of the General Assembly and expressed the hope " +
        "that its final report would reflect the interests of all states, large and small, developed and developing. " +
        "Particular attention was paid to the protection of personal data, to the fight against the criminal use of " +
        "information technologies and to the training of personnel for the digital economy in both countries. " +
        "It was agreed that the experts would meet again before the end of the year to prepare a joint statement.";

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
