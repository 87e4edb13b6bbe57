using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Environments.Tests.Core;

/// <summary>A two-knob environment that counts its simulations: cost = a * b, infeasible when a + b > 24.</summary>
public sealed class CountingEnvironment : EnvironmentBase
{
    public static readonly IReadOnlyList<Metric> MetricList = [new("cost", "1", Direction.Minimize)];

    public CountingEnvironment(string targets = "cost=4", string reward = RewardFunctions.ReluExcess)
        : base("counting-v0", "w", Space(), MetricList,
            TaskSettings.FromOptions(new EnvironmentOptions(new Dictionary<string, string> { ["targets"] = targets, ["reward"] = reward }), MetricList, reward))
    {
    }

    public int Simulations { get; private set; }

    public static ParameterSpace Space() => new(
        [OrdinalParameter.PowersOfTwo("a", 1, 16), OrdinalParameter.PowersOfTwo("b", 1, 16)],
        [new Constraint("sum", p => p["a"] + p["b"] <= 24, "a + b at most 24")]);

    public DesignPoint Point(double a, double b) => new(ActionSpace, [a, b]);

    protected override MetricResult Evaluate(DesignPoint point)
    {
        Simulations++;
        return MetricResult.Ok([point["a"] * point["b"]], new Dictionary<string, double> { ["sum"] = point["a"] + point["b"] });
    }
}
