using Discourse.Classification.Training;

namespace Discourse.Classification.Tests.Training;

public sealed class LogisticRegressionTrainerTests
{
    [Fact]
    public void Learns_which_column_signals_each_label_and_is_deterministic()
    {
        // Rows use column 0 (label 0 positive), column 1 (label 1 positive) or column 2 (nothing); label 2 follows column 0 too.
        var rowStarts = new int[31];
        var columns = new int[30];
        var values = new float[30];
        var targets = new bool[30 * 3];
        for (var i = 0; i < 30; i++)
        {
            rowStarts[i + 1] = i + 1;
            columns[i] = i % 3;
            values[i] = 1f;
            targets[i * 3] = i % 3 == 0;
            targets[(i * 3) + 1] = i % 3 == 1;
            targets[(i * 3) + 2] = i % 3 == 0;
        }

        var matrix = new SparseMatrix(rowStarts, columns, values, 3);
        var settings = new RegressionSettings(10, 1e-6, 500, 5);
        var (weights, intercepts, _) = LogisticRegressionTrainer.Train(matrix, new int[30], targets, settings);
        var (again, _, _) = LogisticRegressionTrainer.Train(matrix, new int[30], targets, settings);

        Assert.True(weights[0] > 1 && weights[1] < 0 && weights[2] > 1, string.Join(", ", weights));
        Assert.True(weights[4] > 1 && weights[3] < 0, string.Join(", ", weights));
        Assert.Equal(6, intercepts.Length);
        Assert.Equal(weights, again);
    }
}
