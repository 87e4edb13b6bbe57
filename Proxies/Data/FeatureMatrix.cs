namespace ArchGym.Proxies.Data;

/// <summary>Training inputs: <see cref="Rows"/> samples of <see cref="Columns"/> features, row-major.</summary>
public sealed record FeatureMatrix(double[] Values, int Rows, int Columns)
{
    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Columns, Columns);

    public double this[int row, int column] => Values[row * Columns + column];

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public FeatureMatrix Subset(IReadOnlyList<int> indices)
    {
        var values = new double[indices.Count * Columns];
        for (var k = 0; k < indices.Count; k++) Row(indices[k]).CopyTo(values.AsSpan(k * Columns, Columns));
        return new FeatureMatrix(values, indices.Count, Columns);
    }
}
