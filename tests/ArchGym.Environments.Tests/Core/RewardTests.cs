using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Environments.Tests.Core;

public class RewardTests
{
    private static readonly IReadOnlyList<Metric> Metrics =
    [
        new("latency_ns", "ns", Direction.Minimize),
        new("power_mw", "mW", Direction.Minimize),
        new("util_pct", "%", Direction.Maximize),
    ];

    private static IRewardFunction Make(string name, string targets, string weights = "") =>
        RewardFunctions.Create(name, Metrics, TaskSettings.ParsePairs(targets, "targets"), TaskSettings.ParsePairs(weights, "weights"));

    [Test]
    public void ClosenessIsTargetOverDistanceAndMultipliesForBoth()
    {
        // ArchGym DRAMGym: power_norm = target/|power - target|, "both" = power_norm * latency_norm.
        Assert.Multiple(() =>
        {
            Assert.That(Make("closeness", "power_mw=1").Compute([10, 3, 50]), Is.EqualTo(0.5));
            Assert.That(Make("closeness", "latency_ns=20").Compute([10, 3, 50]), Is.EqualTo(2.0));
            Assert.That(Make("closeness", "latency_ns=20,power_mw=1").Compute([10, 3, 50]), Is.EqualTo(1.0));
            Assert.That(Make("closeness", "power_mw=1").Compute([10, 1, 50]), Is.EqualTo(1e9).Within(1), "a hit is large but finite");
        });
    }

    [Test]
    public void ReluExcessIsZeroWhenTargetsAreMetAndCountsOnlyTheExcess()
    {
        var r = Make("relu_excess", "latency_ns=100,util_pct=50");
        Assert.Multiple(() =>
        {
            Assert.That(r.Compute([80, 999, 60]), Is.EqualTo(0));
            Assert.That(r.Compute([150, 0, 60]), Is.EqualTo(-0.5).Within(1e-12));
            Assert.That(r.Compute([150, 0, 25]), Is.EqualTo(-1.0).Within(1e-12), "maximised metric below target counts too");
        });
    }

    [Test]
    public void BudgetDistanceWeighsOverrunMoreThanSlack()
    {
        var r = Make("budget_distance", "power_mw=10");
        Assert.Multiple(() =>
        {
            Assert.That(r.Compute([0, 10, 0]), Is.EqualTo(0));
            Assert.That(r.Compute([0, 15, 0]), Is.EqualTo(-0.5).Within(1e-12));
            Assert.That(r.Compute([0, 5, 0]), Is.EqualTo(-0.5 * Math.Sqrt(BudgetDistanceReward.SlackWeight)).Within(1e-12));
        });
    }

    [Test]
    public void WeightedSumSignsByDirectionAndScalesByTarget()
    {
        var r = Make("weighted_sum", "latency_ns=100", "latency_ns=2,util_pct=1");
        Assert.That(r.Compute([50, 0, 30]), Is.EqualTo(-2 * 50 / 100.0 + 30).Within(1e-12));
        var plain = Make("weighted_sum", "");
        Assert.That(plain.Compute([1, 2, 3]), Is.EqualTo(-1 - 2 + 3));
    }

    [Test]
    public void TargetSpecIsMetOnlyWhenEveryTargetIs()
    {
        var spec = new TargetSpec(RewardFunctions.Resolve(Metrics, TaskSettings.ParsePairs("latency_ns=100,util_pct=50", "targets"), "targets"));
        Assert.Multiple(() =>
        {
            Assert.That(spec.IsMet([100, 0, 50]), Is.True);
            Assert.That(spec.IsMet([101, 0, 50]), Is.False);
            Assert.That(spec.IsMet([90, 0, 49]), Is.False);
            Assert.That(spec.IsMet([double.NaN, 0, 60]), Is.False);
            Assert.That(TargetSpec.None.IsMet([0, 0, 0]), Is.False);
        });
    }

    [Test]
    public void BadRewardSettingsNameTheProblem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => Make("closeness", ""))!.Message, Does.Contain("needs at least one target"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make("closeness", "speed=3"))!.Message, Does.Contain("speed").And.Contain("latency_ns"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make("magic", "power_mw=1"))!.Message, Does.Contain("relu_excess"));
            Assert.That(Assert.Throws<ArgumentException>(() => Make("closeness", "power_mw=0"))!.Message, Does.Contain("non-zero"));
            Assert.That(Assert.Throws<ArgumentException>(() => TaskSettings.ParsePairs("power_mw:3", "targets"))!.Message, Does.Contain("metric=number"));
        });
    }

    [Test]
    public void ParetoDominanceRespectsDirections()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Pareto.Dominates([1, 1, 60], [2, 1, 50], Metrics), Is.True);
            Assert.That(Pareto.Dominates([1, 1, 40], [2, 1, 50], Metrics), Is.False);
            Assert.That(Pareto.Dominates([1, 1, 50], [1, 1, 50], Metrics), Is.False, "equal vectors do not dominate");
            Assert.That(Pareto.Dominates([1, 9, 0], [2, 1, 99], Metrics, [0]), Is.True, "only the chosen metrics count");
        });
    }
}
