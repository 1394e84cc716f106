using System.Globalization;
using System.Text;
using Discourse.Testing;

namespace Discourse.Classification.Tests;

/// <summary>
/// Pins exact scores (as IEEE bit patterns), labels and evidence of the committed model on our own texts: any
/// optimisation of featurisation or scoring must leave them unchanged. Retraining the committed model re-pins them
/// (last on 2026-12-03, for character 4-grams and min df 3, with the scoring code unchanged).
/// </summary>
public sealed class FramingClassifierPinnedOutputTests
{
    private static readonly Lazy<FramingClassifier> Committed = new(() =>
        FramingClassifier.Load(Path.Combine(ReferenceData.RepositoryRoot, "models", "framing-v1.model")));

    private const string EnglishLong =
        "The ministry opened its weekly briefing with a note on the harvest. Grain deliveries rose in the south. "
        + "Rail operators reported fewer delays than last autumn. Officials thanked the farmers for their patience. "
        + "A new depot will open in the spring.\n\n"
        + "Asked about foreign pressure, the spokesman said the country will decide its own laws and no outside power may dictate its course. "
        + "He added that national sovereignty over the data networks is not up for negotiation. "
        + "Western newspapers, he said, keep printing invented stories about the army and ignore every denial. "
        + "The government, he insisted, has never threatened any neighbour and seeks only peaceful relations. "
        + "Nobody plans to attack anyone, he repeated twice. "
        + "The briefing ended with questions about the football final.\n\n"
        + "Weather forecasts promise a dry week.";

    private const string RussianLong =
        "На брифинге обсуждали ремонт дорог и цены на топливо. Министр рассказал о новых мостах. "
        + "Строители обещают закончить работы к осени.\n\n"
        + "Представитель ведомства заявила, что западные СМИ снова распространяют фейки и ведут информационную кампанию против страны. "
        + "Она подчеркнула, что государство само определяет свою внешнюю политику и не допустит вмешательства во внутренние дела. "
        + "Россия ни на кого не собирается нападать и не угрожает соседям. "
        + "Суверенитет страны не является предметом торга. "
        + "Журналистам напомнили о правилах аккредитации.\n\n"
        + "В выходные ожидается снег.";

    private const string EnglishPledge =
        "The delegation arrived on Tuesday and toured the new port.\n\n"
        + "In the joint statement both governments pledge not to attack each other's critical infrastructure through cyberspace "
        + "and to set up a hotline for computer incidents. "
        + "They also agree that each state keeps full control over its national internet segment and the data of its citizens. "
        + "Talks on fishing quotas continue next month.";

    private const string EnglishShort = "Gas exports to the region rose by a tenth in the third quarter, the company reported.";

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "en", EnglishLong,
            "Sovereignty|3FE19232065C9DC0|False|-;NonAggression|3FA5EEE236B9E5FE|False|-;AntiWesternMedia|3FE009CDF8C95E2E|False|-"
        },
        {
            "ru", RussianLong,
            "Sovereignty|3FE927118E1C52B8|True|118:Она подчеркнула, что государст;NonAggression|3FBCE442C2631EEC|False|-;AntiWesternMedia|3FEF5AC7E597FA4E|True|123:Представитель ведомства заявил"
        },
        {
            "en", EnglishPledge,
            "Sovereignty|3FEE870A705FD018|True|115:They also agree that each stat;NonAggression|3FEFBD0FCA41EAD3|True|164:In the joint statement both go;AntiWesternMedia|3FADD4EFFFD89A95|False|-"
        },
        {
            "en", EnglishShort,
            "Sovereignty|3F7BD09CC583F59F|False|-;NonAggression|3F8181B3DF53EF3C|False|-;AntiWesternMedia|3FADD40F80363DAF|False|-"
        },
        {
            "en", string.Empty,
            "Sovereignty|3F805D30961387F6|False|-;NonAggression|3F8D3F157C1CA1B0|False|-;AntiWesternMedia|3F89AEF19EE08F93|False|-"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scores_labels_and_evidence_match_the_pinned_values(string lang, string text, string expected)
    {
        Assert.Equal(expected, Describe(Committed.Value.ClassifyText(text, lang)));
    }

    private static string Describe(IReadOnlyList<Discourse.Core.Documents.FramingScore> scores)
    {
        var builder = new StringBuilder();
        foreach (var score in scores)
        {
            if (builder.Length > 0)
            {
                builder.Append(';');
            }

            builder.Append(score.Framing).Append('|')
                .Append(BitConverter.DoubleToInt64Bits(score.Score).ToString("X16", CultureInfo.InvariantCulture)).Append('|')
                .Append(score.Label).Append('|')
                .Append(score.Evidence is null ? "-" : score.Evidence.Length.ToString(CultureInfo.InvariantCulture) + ":" + score.Evidence[..Math.Min(30, score.Evidence.Length)]);
        }

        return builder.ToString();
    }
}
