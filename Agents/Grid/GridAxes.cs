using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Grid;

/// <summary>
/// The grid's axes: every legal value of a discrete parameter, and <c>pointsPerReal</c> evenly spaced
/// values (in normalised units, ends included; the midpoint when one) of a real. Points are numbered
/// in mixed radix with the last parameter varying fastest, like nested loops in declaration order.
/// </summary>
public sealed class GridAxes
{
    private readonly ParameterSpace _space;
    private readonly int[] _sizes;
    private readonly int _pointsPerReal;

    public GridAxes(ParameterSpace space, int pointsPerReal)
    {
        if (pointsPerReal < 1) throw new ArgumentException($"points_per_real must be at least 1, got {pointsPerReal}");
        _space = space;
        _pointsPerReal = pointsPerReal;
        _sizes = new int[space.Count];
        long total = 1;
        for (var i = 0; i < space.Count; i++)
        {
            _sizes[i] = space[i].Cardinality ?? pointsPerReal;
            total = total > long.MaxValue / _sizes[i]
                ? throw new ArgumentException($"the grid over {space.Count} parameters has more than {long.MaxValue} points")
                : total * _sizes[i];
        }

        Count = total;
    }

    /// <summary>Number of grid points.</summary>
    public long Count { get; }

    /// <summary>The grid point numbered <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public DesignPoint At(long index)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index));
        Span<double> values = stackalloc double[_sizes.Length];
        for (var i = _sizes.Length - 1; i >= 0; i--)
        {
            var k = (int)(index % _sizes[i]);
            index /= _sizes[i];
            var p = _space[i];
            values[i] = p.Cardinality is null ? p.Denormalize(RealLevel(k)) : p.ValueAt(k);
        }

        return new DesignPoint(_space, values);
    }

    private double RealLevel(int k) => _pointsPerReal == 1 ? 0.5 : k / (double)(_pointsPerReal - 1);
}
