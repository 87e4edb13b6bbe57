using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Agents.Tests.Support;

/// <summary>
/// ZDT1 (Zitzler, Deb &amp; Thiele 2000) over a mixed space, for multi-objective checks: f1 = x (a real
/// in [0, 1]), f2 = g·(1 − √(f1/g)) with g = 1 + 9·mean(u) over the other knobs' normalised "distance"
/// u (two integers 0..20, a power of two 1..64, a categorical a/b/c worth 0, 0.5, 1). The Pareto front
/// is u = 0, f2 = 1 − √f1, whose hypervolume against (1, 1) is exactly 2/3.
/// </summary>
public sealed class MixedZdtEnvironment() : EnvironmentBase("zdt1-mixed", "zdt1", CreateSpace(), MetricList, TwoObjectives)
{
    public const double FrontHypervolume = 2.0 / 3.0;

    public static readonly IReadOnlyList<Metric> MetricList =
    [
        new("f1", "1", Direction.Minimize),
        new("f2", "1", Direction.Minimize),
    ];

    private static readonly TaskSettings TwoObjectives = new(RewardFunctions.Create(RewardFunctions.WeightedSum, MetricList,
        new Dictionary<string, double>(), new Dictionary<string, double>()), TargetSpec.None, false);

    private static ParameterSpace CreateSpace() => new(
    [
        new RealParameter("x", 0, 1),
        new IntegerParameter("a", 0, 20),
        new IntegerParameter("b", 0, 20),
        OrdinalParameter.PowersOfTwo("size", 1, 64),
        new CategoricalParameter("mode", ["a", "b", "c"]),
    ]);

    protected override MetricResult Evaluate(DesignPoint p)
    {
        var u = (p["a"] / 20 + p["b"] / 20 + Math.Log2(p["size"]) / 6 + p["mode"] / 2) / 4;
        var g = 1 + 9 * u;
        var f1 = p["x"];
        return MetricResult.Ok([f1, g * (1 - Math.Sqrt(f1 / g))]);
    }
}
