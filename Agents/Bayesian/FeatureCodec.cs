using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Bayesian;

/// <summary>
/// Candidates for the acquisition search as two flat buffers — the GP's input encoding (normalised
/// values, one-hot blocks for categoricals: <see cref="ParameterSpace.ToUnit(DesignPoint, bool)"/>
/// with one-hot) and a level index per discrete parameter — so sampling, local moves and scoring
/// allocate nothing; only the winner is decoded into a <see cref="DesignPoint"/>. A parameter's
/// "setting" is its level index (discrete) or its normalised value (real).
/// </summary>
public sealed class FeatureCodec
{
    private static readonly double[] RealSteps = [0.02, 0.1];
    private readonly ParameterSpace _space;
    private readonly int[] _offset;

    public FeatureCodec(ParameterSpace space)
    {
        _space = space;
        _offset = new int[space.Count];
        var k = 0;
        for (var i = 0; i < space.Count; i++)
        {
            _offset[i] = k;
            k += space[i].Kind == ParameterKind.Categorical ? space[i].Cardinality!.Value : 1;
        }

        Inputs = k;
    }

    /// <summary>Length of the GP input encoding.</summary>
    public int Inputs { get; }

    public int Parameters => _space.Count;

    /// <summary>Most alternatives <see cref="Alternatives"/> can write for one parameter.</summary>
    public int MaxAlternatives
    {
        get
        {
            var most = 0;
            for (var i = 0; i < _space.Count; i++) most = Math.Max(most, MostAlternatives(i));
            return most;
        }
    }

    /// <summary>Most alternatives over all parameters together (the size of a local-search neighbourhood).</summary>
    public int MaxNeighbours
    {
        get
        {
            var total = 0;
            for (var i = 0; i < _space.Count; i++) total += MostAlternatives(i);
            return total;
        }
    }

    public void Sample(Random rng, Span<double> features, Span<int> levels)
    {
        for (var i = 0; i < _space.Count; i++)
        {
            var p = _space[i];
            var v = p.Sample(rng);
            Set(i, p.Cardinality is null ? p.Normalize(v) : p.IndexOf(v), features, levels);
        }
    }

    public void Encode(DesignPoint point, Span<double> features, Span<int> levels)
    {
        for (var i = 0; i < _space.Count; i++)
        {
            var p = _space[i];
            Set(i, p.Cardinality is null ? p.Normalize(point[i]) : p.IndexOf(point[i]), features, levels);
        }
    }

    private int MostAlternatives(int parameter) =>
        _space[parameter].Kind == ParameterKind.Categorical ? _space[parameter].Cardinality!.Value - 1 : 2 * RealSteps.Length;

    public DesignPoint Decode(ReadOnlySpan<double> features, ReadOnlySpan<int> levels)
    {
        Span<double> values = stackalloc double[_space.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var p = _space[i];
            values[i] = p.Cardinality is null ? p.Denormalize(features[_offset[i]]) : p.ValueAt(levels[i]);
        }

        return new DesignPoint(_space, values);
    }

    public double Get(int parameter, ReadOnlySpan<double> features, ReadOnlySpan<int> levels) =>
        _space[parameter].Cardinality is null ? features[_offset[parameter]] : levels[parameter];

    public void Set(int parameter, double setting, Span<double> features, Span<int> levels)
    {
        var p = _space[parameter];
        var o = _offset[parameter];
        if (p.Cardinality is not { } n)
        {
            features[o] = Math.Clamp(setting, 0, 1);
            return;
        }

        var level = (int)setting;
        levels[parameter] = level;
        if (p.Kind == ParameterKind.Categorical)
        {
            features.Slice(o, n).Clear();
            features[o + level] = 1;
        }
        else
        {
            features[o] = p.Normalize(p.ValueAt(level));
        }
    }

    /// <summary>
    /// Local moves of one parameter from the current setting: the adjacent levels of an ordered one
    /// (plus tenth-of-range jumps when it has more than 10), every other choice of a categorical, and
    /// steps of ±0.02 and ±0.1 normalised units of a real. Returns how many were written.
    /// </summary>
    public int Alternatives(int parameter, ReadOnlySpan<double> features, ReadOnlySpan<int> levels, Span<double> into)
    {
        var p = _space[parameter];
        var count = 0;
        if (p.Cardinality is not { } n)
        {
            var u = features[_offset[parameter]];
            foreach (var s in RealSteps)
            {
                if (u - s >= 0) into[count++] = u - s;
                if (u + s <= 1) into[count++] = u + s;
            }

            return count;
        }

        var level = levels[parameter];
        if (p.Kind == ParameterKind.Categorical)
        {
            for (var j = 0; j < n; j++)
            {
                if (j != level) into[count++] = j;
            }

            return count;
        }

        if (level > 0) into[count++] = level - 1;
        if (level < n - 1) into[count++] = level + 1;
        var jump = n > 10 ? n / 10 : 0;
        if (jump > 1 && level - jump >= 0) into[count++] = level - jump;
        if (jump > 1 && level + jump < n) into[count++] = level + jump;
        return count;
    }
}
