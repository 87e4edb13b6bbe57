using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Agents.Tests.Support;

/// <summary>
/// A pure multi-armed bandit: one categorical knob of ten arms, arm k paying −0.1·|k − 6| plus Gaussian
/// noise of standard deviation 0.3 (drawn from the reset seed), so arm 6 is best but a single pull
/// rarely tells its neighbours apart. Metric <c>payout</c> (maximised) is the noisy reward.
/// </summary>
public sealed class NoisyBanditEnvironment() : EnvironmentBase("bandit", "noisy", CreateSpace(), MetricList, Payout)
{
    public const int BestArm = 6;

    public static readonly IReadOnlyList<Metric> MetricList = [new("payout", "1", Direction.Maximize)];

    private static readonly TaskSettings Payout = new(RewardFunctions.Create(RewardFunctions.WeightedSum, MetricList,
        new Dictionary<string, double>(), new Dictionary<string, double>()), TargetSpec.None, false);

    private Random _noise = new(0);

    protected override void OnReset() => _noise = new Random(Seed);

    protected override MetricResult Evaluate(DesignPoint p)
    {
        var u = 1 - _noise.NextDouble();
        var gaussian = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * _noise.NextDouble());
        return MetricResult.Ok([-0.1 * Math.Abs(p["arm"] - BestArm) + 0.3 * gaussian]);
    }

    private static ParameterSpace CreateSpace() => new([new CategoricalParameter("arm", Enumerable.Range(0, 10).Select(i => $"arm{i}").ToArray())]);
}

/// <summary>
/// Four knobs of eight levels each with loss Σ (level − 5)² under the constraint level0 + level1 ≤ 8,
/// which makes the unconstrained optimum infeasible (about a third of random points are). The
/// constrained optimum is levels (4, 4, 5, 5), loss 2.
/// </summary>
public sealed class ConstrainedLevelsEnvironment() : EnvironmentBase("constrained", "levels", CreateSpace(), MetricList, Loss)
{
    public const double OptimalLoss = 2;

    public static readonly IReadOnlyList<Metric> MetricList = [new("loss", "1", Direction.Minimize)];

    private static readonly TaskSettings Loss = new(RewardFunctions.Create(RewardFunctions.WeightedSum, MetricList,
        new Dictionary<string, double>(), new Dictionary<string, double>()), TargetSpec.None, false);

    protected override MetricResult Evaluate(DesignPoint p)
    {
        var loss = 0.0;
        for (var i = 0; i < 4; i++) loss += (p[i] - 5) * (p[i] - 5);
        return MetricResult.Ok([loss]);
    }

    private static ParameterSpace CreateSpace() =>
        new(Enumerable.Range(0, 4).Select(i => (Parameter)new IntegerParameter($"k{i}", 0, 7)),
            [new Constraint("pair_budget", p => p[0] + p[1] <= 8, "k0 + k1 <= 8")]);
}
