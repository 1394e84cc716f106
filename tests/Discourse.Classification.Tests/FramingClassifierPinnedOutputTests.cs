using System.Globalization;
using System.Text;
using Discourse.Testing;

namespace Discourse.Classification.Tests;

/// <summary>
/// Pins exact scores (as IEEE bit patterns), labels and evidence of the committed model on our own texts, as computed
/// by the scoring code before its speed-ups: any optimisation of featurisation or scoring must leave them unchanged.
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

    private const string EnglishShort = "Gas exports to the region rose by a tenth in the third quarter, the company reported.";

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "en", EnglishLong,
            "Sovereignty|3FE260BA24EFC6DB|True|84:He added that national soverei;NonAggression|3FA23D56C87B034C|False|-;AntiWesternMedia|3FDF7EA187AE53CE|False|-"
        },
        {
            "ru", RussianLong,
            "Sovereignty|3FEA606149AD0EBB|True|118:Она подчеркнула, что государст;NonAggression|3FC08138803EC99C|False|-;AntiWesternMedia|3FEF4E4468D9C10E|True|123:Представитель ведомства заявил"
        },
        {
            "en", EnglishShort,
            "Sovereignty|3F71742379465056|False|-;NonAggression|3F7BF38F876657B4|False|-;AntiWesternMedia|3FA65A2A5AB52E63|False|-"
        },
        {
            "en", string.Empty,
            "Sovereignty|3F757CB913C5ADAA|False|-;NonAggression|3F84C23129098634|False|-;AntiWesternMedia|3F8365A90C88FD18|False|-"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scores_labels_and_evidence_match_the_values_pinned_before_the_speed_ups(string lang, string text, string expected)
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
