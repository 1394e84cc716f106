namespace Discourse.Ingestion.Tests.Support;

/// <summary>Texts of our own for tests that need article-length prose.</summary>
internal static class SampleTexts
{
    /// <summary>About 150 words in the register of a ministry press release.</summary>
    public const string Consultations =
        "The ministry held consultations with its partners on the security of information networks and agreed to " +
        "continue the dialogue on confidence-building measures in cyberspace at the next round of talks in the autumn. " +
        "Both delegations noted the importance of practical cooperation between national response teams, the timely " +
        "exchange of information about incidents affecting critical infrastructure and joint exercises of specialists. " +
        "The sides reviewed the work of the open-ended working group of the General Assembly and expressed the hope " +
        "that its final report would reflect the interests of all states, large and small, developed and developing. " +
        "Particular attention was paid to the protection of personal data, to the fight against the criminal use of " +
        "information technologies and to the training of personnel for the digital economy in both countries. " +
        "It was agreed that the experts would meet again before the end of the year to prepare a joint statement.";
}
