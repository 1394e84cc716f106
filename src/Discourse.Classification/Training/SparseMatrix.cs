namespace Discourse.Classification.Training;

/// <summary>Rows of L2-normalised TF-IDF vectors in compressed sparse row form (columns are vocabulary slots).</summary>
internal sealed class SparseMatrix
{
    public SparseMatrix(int[] rowStarts, int[] columns, float[] values, int columnCount)
    {
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
        ColumnCount = columnCount;
    }

    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public int ColumnCount { get; }

    public int RowCount => RowStarts.Length - 1;
}
