using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Proxies.Data;

/// <summary>
/// Model inputs from a design point, built on the space's normalised encoding: a one-hot block per
/// categorical, log2 scaling for powers of two (and any log-scaled knob), min-max scaling for the
/// rest, every feature in [0, 1]. <see cref="Encode(DesignPoint, Span{double})"/> allocates nothing.
/// </summary>
public sealed class FeatureEncoder
{
    public FeatureEncoder(ParameterSpace space)
    {
        Space = space;
        Count = space.EncodedLength(oneHot: true);
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

    public void Encode(DesignPoint point, Span<double> features) => Space.ToUnit(Space.Adopt(point), features, oneHot: true);

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
