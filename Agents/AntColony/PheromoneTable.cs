using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.AntColony;

/// <summary>
/// Pheromone per (parameter, value level) for the ant colony system. A discrete parameter's levels
/// are its values; a real parameter, or a discrete one with more than <c>bins</c> values, is split
/// into <c>bins</c> equal ranges (of normalised value or of value index) and a value is drawn
/// uniformly inside the chosen range.
/// </summary>
public sealed class PheromoneTable
{
    private readonly ParameterSpace _space;
    private readonly double[][] _tau;
    private readonly double _start;

    public PheromoneTable(ParameterSpace space, int bins, double start)
    {
        _space = space;
        _start = start;
        _tau = new double[space.Count][];
        for (var i = 0; i < space.Count; i++)
        {
            var levels = space[i].Cardinality is { } n && n <= bins ? n : bins;
            _tau[i] = new double[levels];
            Array.Fill(_tau[i], start);
        }
    }

    public ReadOnlySpan<double> Levels(int parameter) => _tau[parameter];

    /// <summary>
    /// ACS's pseudo-random proportional rule (Dorigo &amp; Gambardella 1997): with probability
    /// <paramref name="greediness"/> (q₀) the level of most pheromone (ties broken at random), otherwise
    /// a level drawn in proportion to its pheromone. There is no heuristic term: nothing is known of a
    /// design point before it is simulated.
    /// </summary>
    public int Choose(int parameter, double greediness, Random rng)
    {
        var tau = _tau[parameter];
        if (rng.NextDouble() < greediness)
        {
            var best = 0;
            var ties = 1;
            for (var j = 1; j < tau.Length; j++)
            {
                if (tau[j] > tau[best]) (best, ties) = (j, 1);
                else if (tau[j] == tau[best] && rng.Next(++ties) == 0) best = j;
            }

            return best;
        }

        var total = 0.0;
        foreach (var t in tau) total += t;
        var pick = rng.NextDouble() * total;
        for (var j = 0; j < tau.Length; j++)
        {
            pick -= tau[j];
            if (pick < 0) return j;
        }

        return tau.Length - 1;
    }

    /// <summary>ACS local update τ ← (1 − ξ)τ + ξτ₀ as an ant takes a level: it makes followers try others.</summary>
    public void Decay(int parameter, int level, double decay) =>
        _tau[parameter][level] = (1 - decay) * _tau[parameter][level] + decay * _start;

    /// <summary>ACS global update τ ← (1 − ρ)τ + ρΔτ on the levels of the best point, with deposit Δτ = 1.</summary>
    public void Reinforce(ReadOnlySpan<double> bestValues, double evaporation)
    {
        for (var i = 0; i < _tau.Length; i++)
        {
            var level = LevelOf(i, bestValues[i]);
            _tau[i][level] = (1 - evaporation) * _tau[i][level] + evaporation;
        }
    }

    /// <summary>A value of the parameter within the level.</summary>
    public double ValueAt(int parameter, int level, Random rng)
    {
        var p = _space[parameter];
        var levels = _tau[parameter].Length;
        if (p.Cardinality is not { } n) return p.Denormalize((level + rng.NextDouble()) / levels);
        if (n == levels) return p.ValueAt(level);
        var lo = (int)((long)level * n / levels);
        var hi = (int)((long)(level + 1) * n / levels);
        return p.ValueAt(lo + rng.Next(Math.Max(1, hi - lo)));
    }

    public int LevelOf(int parameter, double value)
    {
        var p = _space[parameter];
        var levels = _tau[parameter].Length;
        if (p.Cardinality is not { } n) return Math.Min(levels - 1, (int)(p.Normalize(value) * levels));
        var index = p.IndexOf(value);
        return n == levels ? index : (int)Math.Min(levels - 1, (long)index * levels / n);
    }
}
