using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Proxies.Data;

/// <summary>
/// Model inputs from a design point, built on the space's normalised encoding: a one-hot block per
/// categorical, log2 scaling for powers of two (and any log-scaled knob), min-max scaling for the
/// rest, every feature in [0, 1]. <see cref="Encode(DesignPoint, Span{double})"/> allocates nothing.
/// </summary>
public sealed class FeatureEncoder
{
    // Per parameter, precomputed so encoding is a table lookup: the feature offset, and for discrete
    // parameters the sorted legal values and their encodings (Parameter.Normalize of each, so the
    // features equal the space's own ToUnit encoding bit for bit).
    private readonly int[] _offset;
    private readonly double[]?[] _values;
    private readonly double[]?[] _units;
    private readonly bool[] _oneHot;

    public FeatureEncoder(ParameterSpace space)
    {
        Space = space;
        Count = space.EncodedLength(oneHot: true);
        _offset = new int[space.Count];
        _values = new double[]?[space.Count];
        _units = new double[]?[space.Count];
        _oneHot = new bool[space.Count];
        var k = 0;
        for (var i = 0; i < space.Count; i++)
        {
            var p = space[i];
            _offset[i] = k;
            _oneHot[i] = p.Kind == ParameterKind.Categorical;
            k += _oneHot[i] ? p.Cardinality!.Value : 1;
            if (!_oneHot[i] && p.Cardinality is { } n)
            {
                _values[i] = Enumerable.Range(0, n).Select(p.ValueAt).ToArray();
                _units[i] = _values[i]!.Select(p.Normalize).ToArray();
            }
        }

        var names = new List<string>(Count);
        foreach (var p in space.Parameters)
        {
            if (p is CategoricalParameter c) names.AddRange(c.Choices.Select(choice => $"{p.Name}={choice}"));
            else names.Add(IsLog(p) ? $"log2({p.Name})" : p.Name);
        }

        Names = names;
    }

    public ParameterSpace Space { get; }

    /// <summary>Number of features.</summary>
    public int Count { get; }

    /// <summary>A readable name per feature (e.g. <c>dataflow=os</c>, <c>log2(array_rows)</c>).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Writes the features of <paramref name="point"/> (no allocation; a point of another instance of the space is adopted by name).</summary>
    public void Encode(DesignPoint point, Span<double> features)
    {
        if (!ReferenceEquals(point.Space, Space)) point = Space.Adopt(point);
        if (features.Length != Count) throw new ArgumentException($"expected {Count} feature slots, got {features.Length}", nameof(features));
        var v = point.Values;
        for (var i = 0; i < v.Length; i++)
        {
            var at = _offset[i];
            if (_oneHot[i])
            {
                var n = Space[i].Cardinality!.Value;
                features.Slice(at, n).Clear();
                features[at + (int)v[i]] = 1;
            }
            else if (_values[i] is { } values)
            {
                var index = Array.BinarySearch(values, v[i]);
                features[at] = index >= 0 ? _units[i]![index] : Space[i].Normalize(v[i]);
            }
            else
            {
                features[at] = Space[i].Normalize(v[i]);
            }
        }
    }

    public double[] Encode(DesignPoint point)
    {
        var x = new double[Count];
        Encode(point, x);
        return x;
    }

    /// <summary>Row-major features of many points.</summary>
    public FeatureMatrix Encode(IReadOnlyList<DesignPoint> points)
    {
        var values = new double[points.Count * Count];
        for (var i = 0; i < points.Count; i++) Encode(points[i], values.AsSpan(i * Count, Count));
        return new FeatureMatrix(values, points.Count, Count);
    }

    private static bool IsLog(Parameter p) => p switch
    {
        OrdinalParameter o => o.LogScale,
        IntegerParameter i => i.LogScale,
        RealParameter r => r.LogScale,
        _ => false,
    };
}
