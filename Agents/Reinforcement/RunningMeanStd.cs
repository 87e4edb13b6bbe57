namespace ArchGym.Agents.Reinforcement;

/// <summary>
/// Running mean and variance of a stream of values (Welford 1962), for reward and observation
/// normalisation. <see cref="StandardDeviation"/> is 1 until two values differ, so early
/// normalisation is a shift only.
/// </summary>
public sealed class RunningMeanStd
{
    private double _m2;

    public long Count { get; private set; }

    public double Mean { get; private set; }

    public double Variance => Count < 2 ? 0 : _m2 / Count;

    /// <summary>√variance, floored: 1 while the variance is below 1e-12 (no scale seen yet).</summary>
    public double StandardDeviation => Variance < 1e-12 ? 1 : Math.Sqrt(Variance);

    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
    }

    /// <summary>(value − mean) / std.</summary>
    public double Standardize(double value) => (value - Mean) / StandardDeviation;
}

/// <summary>Per-component running statistics of observation vectors, standardising them in place (clipped to ±10, as in Stable-Baselines' VecNormalize).</summary>
public sealed class ObservationNormalizer
{
    public const double ClipAt = 10;

    private readonly RunningMeanStd[] _components;

    public ObservationNormalizer(int length)
    {
        _components = new RunningMeanStd[length];
        for (var i = 0; i < length; i++) _components[i] = new RunningMeanStd();
    }

    /// <summary>Adds the observation to the statistics (when <paramref name="update"/>) and standardises it in place.</summary>
    public void Normalize(Span<double> observation, bool update)
    {
        for (var i = 0; i < observation.Length; i++)
        {
            var s = _components[i];
            if (update) s.Add(observation[i]);
            observation[i] = Math.Clamp(s.Standardize(observation[i]), -ClipAt, ClipAt);
        }
    }
}
