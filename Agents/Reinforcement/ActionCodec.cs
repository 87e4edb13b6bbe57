using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// Design points as factored categorical actions: one head per parameter. A discrete parameter with
/// at most <c>maxLevels</c> values gets a head over exactly its values (no rounding of a continuous
/// output into bins); a real parameter is discretised into <c>realBins</c> evenly spaced values in its
/// normalised (log where log-scaled) units, ends included; a discrete parameter with more than
/// <c>maxLevels</c> values gets <c>maxLevels</c> evenly spaced ones of them.
/// </summary>
public sealed class ActionCodec
{
    private readonly ParameterSpace _space;
    private readonly bool[] _direct;

    public ActionCodec(ParameterSpace space, int realBins, int maxLevels)
    {
        if (realBins < 2) throw new ArgumentOutOfRangeException(nameof(realBins), realBins, "a real parameter needs at least 2 bins");
        if (maxLevels < 2) throw new ArgumentOutOfRangeException(nameof(maxLevels), maxLevels, "a head needs at least 2 levels");
        _space = space;
        _direct = new bool[space.Count];
        var sizes = new int[space.Count];
        for (var i = 0; i < space.Count; i++)
        {
            var n = space[i].Cardinality;
            _direct[i] = n is { } d && d <= maxLevels;
            sizes[i] = n is null ? realBins : Math.Min(n.Value, maxLevels);
        }

        Heads = new ActionHeads(sizes);
    }

    public ParameterSpace Space => _space;

    /// <summary>One head per parameter, in space order.</summary>
    public ActionHeads Heads { get; }

    /// <summary>The design point of one choice per head.</summary>
    public DesignPoint ToPoint(ReadOnlySpan<int> actions)
    {
        if (actions.Length != _space.Count) throw new ArgumentException($"expected {_space.Count} actions, got {actions.Length}");
        Span<double> values = stackalloc double[_space.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Value(i, actions[i]);
        return new DesignPoint(_space, values);
    }

    /// <summary>The value of parameter <paramref name="parameter"/> for choice <paramref name="action"/> of its head.</summary>
    public double Value(int parameter, int action)
    {
        var p = _space[parameter];
        var size = Heads.Size(parameter);
        if (action < 0 || action >= size) throw new ArgumentOutOfRangeException(nameof(action), action, $"head '{p.Name}' has {size} choices");
        if (_direct[parameter]) return p.ValueAt(action);
        var unit = (double)action / (size - 1);
        if (p.Cardinality is { } n) return p.ValueAt((int)Math.Round(unit * (n - 1)));
        return p.Denormalize(unit);
    }
}
