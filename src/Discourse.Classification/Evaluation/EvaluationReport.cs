using System.Globalization;
using System.Text;
using System.Text.Json;
using Discourse.Classification.Training;
using Discourse.Core.Documents;

namespace Discourse.Classification.Evaluation;

/// <summary>Counts behind precision, recall and F1 for one framing (and language).</summary>
/// <param name="TruePositives">Predicted and gold positive.</param>
/// <param name="FalsePositives">Predicted positive, gold negative.</param>
/// <param name="FalseNegatives">Predicted negative, gold positive.</param>
/// <param name="Count">Passages counted.</param>
public sealed record LabelMetrics(int TruePositives, int FalsePositives, int FalseNegatives, int Count)
{
    /// <summary>Gold positives.</summary>
    public int Support => TruePositives + FalseNegatives;

    /// <summary>TP / (TP + FP); 0 when nothing was predicted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 0 when there is no gold positive.</summary>
    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>One row of a calibration table: passages whose score fell in [Low, High).</summary>
/// <param name="Low">Lower score bound.</param>
/// <param name="High">Upper score bound.</param>
/// <param name="Count">Scores in the bin (all framings pooled).</param>
/// <param name="MeanScore">Mean score in the bin.</param>
/// <param name="PositiveRate">Share of gold positives in the bin.</param>
public sealed record CalibrationBin(double Low, double High, int Count, double MeanScore, double PositiveRate);

/// <summary>Precision, recall, F1 and support per framing and language, macro-F1 and a calibration table.</summary>
public sealed class EvaluationReport
{
    private const int Bins = 10;
    private readonly Dictionary<string, LabelMetrics[]> metrics;

    private EvaluationReport(Dictionary<string, LabelMetrics[]> metrics, IReadOnlyList<CalibrationBin> calibration)
    {
        this.metrics = metrics;
        Calibration = calibration;
    }

    /// <summary>Languages present, in ordinal order.</summary>
    public IReadOnlyList<string> Languages => [.. metrics.Keys.Where(k => k != "all").Order(StringComparer.Ordinal)];

    /// <summary>The calibration table (ten equal-width bins).</summary>
    public IReadOnlyList<CalibrationBin> Calibration { get; }

    /// <summary>Compares gold labels with scores thresholded per framing.</summary>
    /// <param name="gold">The labelled passages.</param>
    /// <param name="scores">Per passage, one score per framing in <see cref="FramingNames.All"/> order.</param>
    /// <param name="thresholds">Decision threshold per framing.</param>
    public static EvaluationReport Compute(IReadOnlyList<LabelledPassage> gold, IReadOnlyList<IReadOnlyList<double>> scores, IReadOnlyList<double> thresholds)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(scores.Count, gold.Count, nameof(scores));
        var labelCount = FramingNames.All.Count;
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var binCount = new int[Bins];
        var binScore = new double[Bins];
        var binPositive = new int[Bins];
        for (var i = 0; i < gold.Count; i++)
        {
            foreach (var key in new[] { "all", gold[i].Lang })
            {
                if (!counts.TryGetValue(key, out var c))
                {
                    c = new int[(labelCount * 3) + 1];
                    counts[key] = c;
                }

                c[labelCount * 3]++;
                for (var label = 0; label < labelCount; label++)
                {
                    var predicted = scores[i][label] >= thresholds[label];
                    var actual = gold[i].Labels[label];
                    if (predicted && actual)
                    {
                        c[label * 3]++;
                    }
                    else if (predicted)
                    {
                        c[(label * 3) + 1]++;
                    }
                    else if (actual)
                    {
                        c[(label * 3) + 2]++;
                    }
                }
            }

            for (var label = 0; label < labelCount; label++)
            {
                var bin = Math.Clamp((int)(scores[i][label] * Bins), 0, Bins - 1);
                binCount[bin]++;
                binScore[bin] += scores[i][label];
                binPositive[bin] += gold[i].Labels[label] ? 1 : 0;
            }
        }

        var metrics = new Dictionary<string, LabelMetrics[]>(StringComparer.Ordinal);
        foreach (var (key, c) in counts)
        {
            var perLabel = new LabelMetrics[labelCount];
            for (var label = 0; label < labelCount; label++)
            {
                perLabel[label] = new LabelMetrics(c[label * 3], c[(label * 3) + 1], c[(label * 3) + 2], c[labelCount * 3]);
            }

            metrics[key] = perLabel;
        }

        var calibration = new CalibrationBin[Bins];
        for (var bin = 0; bin < Bins; bin++)
        {
            calibration[bin] = new CalibrationBin(
                (double)bin / Bins,
                (double)(bin + 1) / Bins,
                binCount[bin],
                binCount[bin] == 0 ? 0 : binScore[bin] / binCount[bin],
                binCount[bin] == 0 ? 0 : (double)binPositive[bin] / binCount[bin]);
        }

        return new EvaluationReport(metrics, calibration);
    }

    /// <summary>Metrics of one framing over one language (null: all languages).</summary>
    public LabelMetrics Metrics(Framing framing, string? lang = null) =>
        metrics.TryGetValue(lang ?? "all", out var perLabel) ? perLabel[(int)framing] : new LabelMetrics(0, 0, 0, 0);

    /// <summary>Mean F1 over the three framings, for one language or (null) all.</summary>
    public double MacroF1(string? lang = null)
    {
        double sum = 0;
        foreach (var framing in FramingNames.All)
        {
            sum += Metrics(framing, lang).F1;
        }

        return sum / FramingNames.All.Count;
    }

    /// <summary>Writes the report as a JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("macro_f1", Round(MacroF1()));
        foreach (var lang in Languages)
        {
            writer.WriteNumber("macro_f1_" + lang, Round(MacroF1(lang)));
        }

        writer.WriteStartObject("per_label");
        foreach (var framing in FramingNames.All)
        {
            writer.WriteStartObject(framing.Name());
            foreach (var lang in new[] { "all" }.Concat(Languages))
            {
                var m = Metrics(framing, lang == "all" ? null : lang);
                writer.WriteStartObject(lang);
                writer.WriteNumber("precision", Round(m.Precision));
                writer.WriteNumber("recall", Round(m.Recall));
                writer.WriteNumber("f1", Round(m.F1));
                writer.WriteNumber("support", m.Support);
                writer.WriteNumber("passages", m.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("calibration");
        foreach (var bin in Calibration)
        {
            writer.WriteStartObject();
            writer.WriteNumber("low", bin.Low);
            writer.WriteNumber("high", bin.High);
            writer.WriteNumber("count", bin.Count);
            writer.WriteNumber("mean_score", Round(bin.MeanScore));
            writer.WriteNumber("positive_rate", Round(bin.PositiveRate));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A plain-text rendering: the metrics table, macro-F1 and the calibration table.</summary>
    public string Format()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"{"framing",-20} {"lang",-4} {"precision",9} {"recall",7} {"f1",6} {"support",7} {"passages",8}");
        foreach (var framing in FramingNames.All)
        {
            foreach (var lang in new[] { "all" }.Concat(Languages))
            {
                var m = Metrics(framing, lang == "all" ? null : lang);
                text.AppendLine(inv, $"{framing.Name(),-20} {lang,-4} {m.Precision,9:F3} {m.Recall,7:F3} {m.F1,6:F3} {m.Support,7} {m.Count,8}");
            }
        }

        text.AppendLine();
        text.Append(inv, $"macro-F1: all {MacroF1():F3}");
        foreach (var lang in Languages)
        {
            text.Append(inv, $", {lang} {MacroF1(lang):F3}");
        }

        text.AppendLine();
        text.AppendLine();
        text.AppendLine("calibration (all framings pooled)");
        text.AppendLine(inv, $"{"score bin",-11} {"count",6} {"mean score",10} {"positive rate",13}");
        foreach (var bin in Calibration)
        {
            text.AppendLine(inv, $"{bin.Low:F1}–{bin.High:F1}    {bin.Count,6} {bin.MeanScore,10:F3} {bin.PositiveRate,13:F3}");
        }

        return text.ToString();
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToEven);
}
