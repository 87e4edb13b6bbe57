namespace ArchGym.Environments.Core.Spaces;

// Sampling and neighbourhoods, for random search, random walk, annealing and GA mutation.
public sealed partial class ParameterSpace
{
    /// <summary>Standard deviation, in normalised units, of a real parameter's neighbour move.</summary>
    public const double RealMoveSigma = 0.1;

    /// <summary>A point drawn uniformly per parameter (constraints are not applied).</summary>
    public DesignPoint Sample(Random rng)
    {
        Span<double> values = stackalloc double[_parameters.Length];
        for (var i = 0; i < values.Length; i++) values[i] = _parameters[i].Sample(rng);
        return new DesignPoint(this, values);
    }

    /// <summary>Rejection-samples a feasible point; after <paramref name="maxTries"/> draws returns the last (infeasible) one.</summary>
    public DesignPoint SampleFeasible(Random rng, int maxTries = 1000)
    {
        var point = Sample(rng);
        for (var t = 1; t < maxTries && !IsFeasible(point); t++) point = Sample(rng);
        return point;
    }

    /// <summary>
    /// A random neighbour: <paramref name="moves"/> distinct parameters each take one step — the next or
    /// previous value of an ordered parameter, another choice of a categorical, a Gaussian step of a real.
    /// Parameters with a single value cannot move, so the result may equal the input only then.
    /// </summary>
    public DesignPoint Neighbour(DesignPoint point, Random rng, int moves = 1)
    {
        RequireOwn(point);
        var values = point.Values.ToArray();
        var movable = Enumerable.Range(0, _parameters.Length).Where(i => _parameters[i].Cardinality is not 1).ToList();
        moves = Math.Clamp(moves, 0, movable.Count);
        for (var m = 0; m < moves; m++)
        {
            var pick = rng.Next(movable.Count);
            var i = movable[pick];
            movable.RemoveAt(pick);
            values[i] = Step(_parameters[i], values[i], rng);
        }

        return new DesignPoint(this, values);
    }

    /// <summary>Every point one step away in one discrete parameter (for exhaustive local search).</summary>
    public IEnumerable<DesignPoint> Neighbours(DesignPoint point)
    {
        RequireOwn(point);
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.Cardinality is not { } n) continue;
            var index = p.IndexOf(point[i]);
            if (p.Kind == ParameterKind.Categorical)
            {
                for (var j = 0; j < n; j++)
                {
                    if (j != index) yield return point.With(p.Name, p.ValueAt(j));
                }
            }
            else
            {
                if (index > 0) yield return point.With(p.Name, p.ValueAt(index - 1));
                if (index < n - 1) yield return point.With(p.Name, p.ValueAt(index + 1));
            }
        }
    }

    private static double Step(Parameter p, double value, Random rng)
    {
        if (p.Cardinality is not { } n)
        {
            // Box-Muller normal step in normalised units.
            var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            return p.Denormalize(p.Normalize(value) + RealMoveSigma * z);
        }

        var index = p.IndexOf(value);
        if (p.Kind == ParameterKind.Categorical)
        {
            var other = rng.Next(n - 1);
            return p.ValueAt(other >= index ? other + 1 : other);
        }

        var up = index == 0 || (index < n - 1 && rng.Next(2) == 0);
        return p.ValueAt(up ? index + 1 : index - 1);
    }
}
