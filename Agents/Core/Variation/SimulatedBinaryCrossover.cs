using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core.Variation;

/// <summary>
/// Simulated binary crossover (Deb &amp; Agrawal 1995), bounded form as used by NSGA-II (Deb 2002),
/// adapted to mixed spaces: reals blend in normalised units, ordinals and integers blend their value
/// index and round to the nearest legal index, categoricals (which have no order) swap uniformly.
/// Each gene crosses with probability one half; <c>eta</c> is the distribution index (larger keeps
/// children closer to their parents).
/// </summary>
public sealed class SimulatedBinaryCrossover(ParameterSpace space, double eta)
{
    private const double Tiny = 1e-14;

    public void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> childA, Span<double> childB, Random rng)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var p = space[i];
            childA[i] = a[i];
            childB[i] = b[i];
            if (rng.Next(2) == 0) continue;
            if (p.Kind == ParameterKind.Categorical)
            {
                (childA[i], childB[i]) = (b[i], a[i]);
                continue;
            }

            var discrete = p.Cardinality is not null;
            var hi = discrete ? p.Cardinality!.Value - 1 : 1.0;
            var x1 = discrete ? p.IndexOf(a[i]) : p.Normalize(a[i]);
            var x2 = discrete ? p.IndexOf(b[i]) : p.Normalize(b[i]);
            if (Math.Abs(x1 - x2) < Tiny) continue;
            var (c1, c2) = Blend(Math.Min(x1, x2), Math.Max(x1, x2), hi, rng);
            if (rng.Next(2) == 0) (c1, c2) = (c2, c1);
            childA[i] = Decode(p, c1, hi);
            childB[i] = Decode(p, c2, hi);
        }
    }

    // Spread factors drawn so that children stay inside [0, hi] (the bounded SBX of Deb's NSGA-II code).
    private (double, double) Blend(double y1, double y2, double hi, Random rng)
    {
        var u = rng.NextDouble();
        var span = y2 - y1;
        var c1 = 0.5 * (y1 + y2 - Spread(1 + 2 * y1 / span, u) * span);
        var c2 = 0.5 * (y1 + y2 + Spread(1 + 2 * (hi - y2) / span, u) * span);
        return (Math.Clamp(c1, 0, hi), Math.Clamp(c2, 0, hi));
    }

    private double Spread(double beta, double u)
    {
        var alpha = 2 - Math.Pow(beta, -(eta + 1));
        return u <= 1 / alpha
            ? Math.Pow(u * alpha, 1 / (eta + 1))
            : Math.Pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    private static double Decode(Parameter p, double x, double hi) =>
        p.Cardinality is null ? p.Denormalize(x) : p.ValueAt((int)Math.Clamp(Math.Round(x), 0, hi));
}
