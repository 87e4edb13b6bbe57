using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core.Variation;

/// <summary>
/// Per-gene mutation for mixed spaces, shared by the evolutionary agents: each parameter mutates with
/// <c>probability</c>; an ordered discrete value (ordinal, integer) moves to an index within
/// ±<c>maxIndexStep</c> (uniform, non-zero), a categorical takes another choice, and a real takes a
/// Gaussian step of <c>sigma</c> in normalised units (clamped to its range).
/// </summary>
public sealed class GeneMutation(ParameterSpace space, double probability, double sigma, int maxIndexStep = 1)
{
    /// <summary>Mutates carried values (see <see cref="Parameter"/>) in place.</summary>
    public void Apply(Span<double> values, Random rng)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (rng.NextDouble() < probability) values[i] = Mutate(space[i], values[i], rng);
        }
    }

    private double Mutate(Parameter p, double value, Random rng)
    {
        if (p.Cardinality is not { } n) return p.Denormalize(p.Normalize(value) + sigma * rng.NextGaussian());
        if (n == 1) return value;
        var index = p.IndexOf(value);
        if (p.Kind == ParameterKind.Categorical)
        {
            var other = rng.Next(n - 1);
            return p.ValueAt(other >= index ? other + 1 : other);
        }

        var reach = Math.Max(1, maxIndexStep);
        int next;
        do
        {
            var step = rng.Next(1, reach + 1) * (rng.Next(2) == 0 ? -1 : 1);
            next = Math.Clamp(index + step, 0, n - 1);
        }
        while (next == index);

        return p.ValueAt(next);
    }
}
