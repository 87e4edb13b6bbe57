namespace ArchGym.Environments.Core.Spaces;

// Encodings: index vectors (discrete spaces, for grids, GA, ACO, RL heads) and the normalised
// [0,1]^d vector (for BO, proxies), with one-hot blocks for categoricals when asked.
public sealed partial class ParameterSpace
{
    /// <summary>Length of <see cref="ToUnit(DesignPoint, bool)"/>: one per parameter, or a block per categorical when one-hot.</summary>
    public int EncodedLength(bool oneHot)
    {
        if (!oneHot) return _parameters.Length;
        var n = 0;
        foreach (var p in _parameters) n += p.Kind == ParameterKind.Categorical ? p.Cardinality!.Value : 1;
        return n;
    }

    public int[] ToIndices(DesignPoint point)
    {
        RequireOwn(point);
        var indices = new int[_parameters.Length];
        for (var i = 0; i < indices.Length; i++) indices[i] = _parameters[i].IndexOf(point[i]);
        return indices;
    }

    public DesignPoint FromIndices(ReadOnlySpan<int> indices)
    {
        if (indices.Length != _parameters.Length)
            throw new ArgumentException($"expected {_parameters.Length} indices, got {indices.Length}", nameof(indices));
        Span<double> values = stackalloc double[_parameters.Length];
        for (var i = 0; i < values.Length; i++) values[i] = _parameters[i].ValueAt(indices[i]);
        return new DesignPoint(this, values);
    }

    public double[] ToUnit(DesignPoint point, bool oneHot = false)
    {
        var result = new double[EncodedLength(oneHot)];
        ToUnit(point, result, oneHot);
        return result;
    }

    /// <summary>Writes the normalised encoding into <paramref name="destination"/> (no allocation).</summary>
    public void ToUnit(DesignPoint point, Span<double> destination, bool oneHot = false)
    {
        RequireOwn(point);
        if (destination.Length != EncodedLength(oneHot)) throw new ArgumentException("destination has the wrong length", nameof(destination));
        var k = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (oneHot && p.Kind == ParameterKind.Categorical)
            {
                var n = p.Cardinality!.Value;
                var chosen = p.IndexOf(point[i]);
                for (var j = 0; j < n; j++) destination[k + j] = j == chosen ? 1 : 0;
                k += n;
            }
            else
            {
                destination[k++] = p.Normalize(point[i]);
            }
        }
    }

    /// <summary>Decodes a normalised vector, snapping each entry to the nearest legal value (argmax of a one-hot block).</summary>
    public DesignPoint FromUnit(ReadOnlySpan<double> unit, bool oneHot = false)
    {
        if (unit.Length != EncodedLength(oneHot)) throw new ArgumentException($"expected {EncodedLength(oneHot)} values, got {unit.Length}", nameof(unit));
        Span<double> values = stackalloc double[_parameters.Length];
        var k = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (oneHot && p.Kind == ParameterKind.Categorical)
            {
                var n = p.Cardinality!.Value;
                var best = 0;
                for (var j = 1; j < n; j++)
                {
                    if (unit[k + j] > unit[k + best]) best = j;
                }

                values[i] = best;
                k += n;
            }
            else
            {
                values[i] = p.Denormalize(unit[k++]);
            }
        }

        return new DesignPoint(this, values);
    }
}
