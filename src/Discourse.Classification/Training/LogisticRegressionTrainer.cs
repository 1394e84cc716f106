using Discourse.Classification.Modeling;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace Discourse.Classification.Training;

/// <summary>Hyperparameters of the per-framing logistic regressions.</summary>
/// <param name="C">Inverse L2 strength, as in scikit-learn: the objective is C·Σ wᵢ·lossᵢ + ½‖w‖² (scaled by 1/(C·N)).</param>
/// <param name="GradientTolerance">L-BFGS stops when the gradient's norm falls below this.</param>
/// <param name="MaxIterations">L-BFGS iteration cap.</param>
/// <param name="Memory">L-BFGS history length.</param>
internal sealed record RegressionSettings(double C, double GradientTolerance, int MaxIterations, int Memory);

/// <summary>
/// Trains the three binary logistic regressions (one per framing) with L-BFGS from MathNet.Numerics. The three share
/// the data pass but not their parameters: the objective is the sum of three independent problems, so its minimum is
/// each problem's minimum. Balanced class weights per framing; an unregularised intercept per framing and language.
/// Deterministic: sequential arithmetic in a fixed order.
/// </summary>
internal static class LogisticRegressionTrainer
{
    private const int Labels = FramingModel.LabelCount;
    private const int Languages = FramingModel.LanguageCount;

    /// <summary>Returns slot-major weights <c>[slot * 3 + label]</c> and intercepts <c>[language * 3 + label]</c>.</summary>
    public static (float[] Weights, double[] Intercepts, int Iterations) Train(
        SparseMatrix x, int[] languages, bool[] targets, RegressionSettings settings)
    {
        var n = x.RowCount;
        var d = x.ColumnCount;
        var rowWeight = new double[n * Labels];
        for (var label = 0; label < Labels; label++)
        {
            var positives = 0;
            for (var i = 0; i < n; i++)
            {
                positives += targets[(i * Labels) + label] ? 1 : 0;
            }

            // Balanced weights (scikit-learn's formula), then divided by N so that the loss is a mean.
            var positiveWeight = positives == 0 ? 0 : n / (2.0 * positives) / n;
            var negativeWeight = positives == n ? 0 : n / (2.0 * (n - positives)) / n;
            for (var i = 0; i < n; i++)
            {
                rowWeight[(i * Labels) + label] = targets[(i * Labels) + label] ? positiveWeight : negativeWeight;
            }
        }

        var lambda = 1.0 / (settings.C * n);
        var parameterCount = (d * Labels) + (Languages * Labels);

        (double, Vector<double>) Evaluate(Vector<double> point)
        {

            var p = point.AsArray() ?? point.ToArray();
            var gradient = new double[parameterCount];
            var rowStarts = x.RowStarts;
            var columns = x.Columns;
            var values = x.Values;
            var interceptBase = d * Labels;
            double loss = 0;
            Span<double> residual = stackalloc double[Labels];
            for (var i = 0; i < n; i++)
            {
                // One pass per row: margins, loss and residuals, then the gradient scatter while the row is in cache.
                var b = interceptBase + (languages[i] * Labels);
                double z0 = p[b], z1 = p[b + 1], z2 = p[b + 2];
                var rowStart = rowStarts[i];
                var rowEnd = rowStarts[i + 1];
                for (var e = rowStart; e < rowEnd; e++)
                {
                    var v = (double)values[e];
                    var c = columns[e] * Labels;
                    z0 += v * p[c];
                    z1 += v * p[c + 1];
                    z2 += v * p[c + 2];
                }

                for (var label = 0; label < Labels; label++)
                {
                    var z = label == 0 ? z0 : label == 1 ? z1 : z2;
                    var y = targets[(i * Labels) + label];
                    var w = rowWeight[(i * Labels) + label];

                    // log(1 + e^z) − y·z, computed stably.
                    var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
                    loss += w * (softplus - (y ? z : 0));
                    residual[label] = w * (FramingModel.Sigmoid(z) - (y ? 1 : 0));
                    gradient[b + label] += residual[label];
                }

                double r0 = residual[0], r1 = residual[1], r2 = residual[2];
                for (var e = rowStart; e < rowEnd; e++)
                {
                    var v = (double)values[e];
                    var c = columns[e] * Labels;
                    gradient[c] += r0 * v;
                    gradient[c + 1] += r1 * v;
                    gradient[c + 2] += r2 * v;
                }
            }

            double penalty = 0;
            for (var j = 0; j < d * Labels; j++)
            {
                penalty += p[j] * p[j];
                gradient[j] += lambda * p[j];
            }

            return (loss + (0.5 * lambda * penalty), DenseVector.OfArray(gradient));
        }

        var minimizer = new LimitedMemoryBfgsMinimizer(settings.GradientTolerance, 0, 0, settings.Memory, settings.MaxIterations);
        var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Evaluate), new DenseVector(parameterCount));
        var solution = result.MinimizingPoint.ToArray();
        var weights = new float[d * Labels];
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] = (float)solution[j];
        }

        var intercepts = new double[Languages * Labels];
        Array.Copy(solution, d * Labels, intercepts, 0, intercepts.Length);
        return (weights, intercepts, result.Iterations);
    }
}
