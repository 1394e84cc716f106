using Discourse.Classification.Evaluation;
using Discourse.Classification.Training;
using Discourse.Core.Documents;

namespace Discourse.Classification.Tests.Evaluation;

public sealed class EvaluationReportTests
{
    [Fact]
    public void Precision_recall_and_f1_follow_the_thresholds_per_label_and_language()
    {
        LabelledPassage P(string lang, bool s) => new("x", lang, "t", [s, false, false], null);
        var gold = new[] { P("en", true), P("en", true), P("en", false), P("ru", true), P("ru", false) };
        IReadOnlyList<double>[] scores = [[0.9, 0.1, 0.1], [0.4, 0.1, 0.1], [0.7, 0.1, 0.1], [0.8, 0.1, 0.1], [0.2, 0.1, 0.1]];

        var report = EvaluationReport.Compute(gold, scores, [0.5, 0.5, 0.5]);

        var all = report.Metrics(Framing.Sovereignty);
        Assert.Equal((2, 1, 1, 3), (all.TruePositives, all.FalsePositives, all.FalseNegatives, all.Support));
        Assert.Equal(2.0 / 3, all.Precision, 10);
        Assert.Equal(2.0 / 3, all.F1, 10);
        Assert.Equal(1.0, report.Metrics(Framing.Sovereignty, "ru").F1, 10);
        Assert.Equal(0.5, report.Metrics(Framing.Sovereignty, "en").F1, 10);
        Assert.Equal(0.0, report.Metrics(Framing.NonAggression).F1);
        Assert.Equal(2.0 / 9, report.MacroF1(), 10);
        Assert.Equal(["en", "ru"], report.Languages);
        Assert.Equal(15, report.Calibration.Sum(b => b.Count));
        Assert.Equal(10, report.Calibration[1].Count);
        Assert.Contains("macro-F1: all 0.222, en 0.167, ru 0.333", report.Format(), StringComparison.Ordinal);
    }
}
