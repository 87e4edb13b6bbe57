using ArchGym.Environments.Core.Spaces;
using ArchGym.Proxies.Data;

namespace ArchGym.Proxies.Tests.Support;

/// <summary>
/// A noisy additive function over mixed knobs (a real, an integer, a power of two, a categorical),
/// written here independently of any model: f = 3 + sin(x) + 0.1·n + 0.5·log2(size) + mode effect, plus
/// Gaussian noise of standard deviation <c>noise</c>. Its spread (sd ≈ 1.6) dwarfs the noise.
/// </summary>
public static class KnownFunction
{
    public static ParameterSpace Space { get; } = new(
    [
        new RealParameter("x", -3, 3),
        new IntegerParameter("n", 0, 20),
        OrdinalParameter.PowersOfTwo("size", 1, 1024),
        new CategoricalParameter("mode", ["a", "b", "c"]),
    ]);

    public static double Value(DesignPoint p) =>
        3 + Math.Sin(p["x"]) + 0.1 * p["n"] + 0.5 * Math.Log2(p["size"]) + p.GetText("mode") switch { "a" => 0.0, "b" => 1.0, _ => -0.5 };

    /// <summary>Distinct points drawn with <paramref name="seed"/>, targets under metric "f" (noisy) and "f_clean".</summary>
    public static ProxyDataset Sample(int count, int seed, double noise = 0.05)
    {
        var rng = new Random(seed);
        var points = new List<DesignPoint>();
        var seen = new HashSet<DesignPoint>();
        while (points.Count < count)
        {
            var p = Space.Sample(rng);
            if (seen.Add(p)) points.Add(p);
        }

        var clean = points.Select(Value).ToArray();
        var noisy = clean.Select(v => v + noise * Gaussian(rng)).ToArray();
        return new ProxyDataset(Space, points, new Dictionary<string, double[]> { ["f"] = noisy, ["f_clean"] = clean });
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
