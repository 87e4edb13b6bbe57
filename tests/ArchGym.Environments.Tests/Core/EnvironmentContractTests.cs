using ArchGym.Environments.Core.Wrappers;

namespace ArchGym.Environments.Tests.Core;

public class EnvironmentContractTests
{
    [Test]
    public void StepBeforeResetIsAnError()
    {
        using var env = new CountingEnvironment();
        Assert.Throws<InvalidOperationException>(() => env.Step(env.Point(1, 1)));
    }

    [Test]
    public void ResetObservesNothingYet()
    {
        using var env = new CountingEnvironment();
        var (obs, info) = env.Reset(3);
        Assert.That(obs.Values, Has.Count.EqualTo(1));
        Assert.That(double.IsNaN(obs.Values[0]) && info.Feasible, Is.True);
    }

    [Test]
    public void StepObservesMetricsRewardAndTerminatesWhenTheTargetIsMet()
    {
        using var env = new CountingEnvironment("cost=4");
        env.Reset(0);
        var far = env.Step(env.Point(4, 4));
        Assert.Multiple(() =>
        {
            Assert.That(far.Observation.Values, Is.EqualTo(new double[] { 16 }));
            Assert.That(far.Reward, Is.EqualTo(-3));
            Assert.That(far.Terminated || far.Truncated, Is.False);
            Assert.That(far.Info.Extra!["sum"], Is.EqualTo(8));
        });
        var hit = env.Step(env.Point(2, 2));
        Assert.That(hit.Terminated && hit.Reward == 0, Is.True);
        Assert.Throws<InvalidOperationException>(() => env.Step(env.Point(2, 2)), "stepping an ended episode");
        env.Reset();
        Assert.That(env.Step(env.Point(1, 1)).Terminated, Is.True);
    }

    [Test]
    public void InfeasiblePointsAreReportedNotPenalised()
    {
        using var env = new CountingEnvironment();
        env.Reset(0);
        var r = env.Step(env.Point(16, 16));
        Assert.Multiple(() =>
        {
            Assert.That(r.Info.Feasible, Is.False);
            Assert.That(r.Info.InfeasibleReason, Does.Contain("a + b at most 24"));
            Assert.That(double.IsNaN(r.Reward) && double.IsNaN(r.Observation.Values[0]), Is.True);
            Assert.That(env.Simulations, Is.Zero, "infeasible points are not simulated");
        });
    }

    [Test]
    public void TimeLimitTruncates()
    {
        using var env = new TimeLimit(new CountingEnvironment("cost=0.5"), 3);
        env.Reset(0);
        var p = ((CountingEnvironment)env.Inner).Point(2, 4);
        Assert.That(env.Step(p).Truncated, Is.False);
        Assert.That(env.Step(p).Truncated, Is.False);
        Assert.That(env.Step(p).Truncated, Is.True);
        env.Reset(0);
        Assert.That(env.Step(p).Truncated, Is.False);
    }

    [Test]
    public void CacheSimulatesEachPointOnceAcrossInstancesAndThreads()
    {
        var cache = new EvaluationCache();
        var inner = Enumerable.Range(0, 4).Select(_ => new CountingEnvironment("cost=0.5")).ToArray();
        var envs = inner.Select(e => new CachingEnvironment(e, cache)).ToArray();
        foreach (var e in envs) e.Reset(0);
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var env = envs[i % 4];
            lock (env) env.Step(inner[0].Point(1 << (i % 5), 1 << (i / 5 % 3)));
        });
        Assert.Multiple(() =>
        {
            Assert.That(inner.Sum(e => e.Simulations), Is.EqualTo(15));
            Assert.That(cache.Count, Is.EqualTo(15));
            Assert.That(cache.Hits, Is.EqualTo(400 - 15));
        });
        var again = envs[1].Step(inner[0].Point(1, 1));
        Assert.That(again.Info.FromCache && again.Observation.Values[0] == 1, Is.True);
    }

    [Test]
    public void RewardScalingIsAffine()
    {
        using var env = new RewardScaling(new CountingEnvironment("cost=4"), 10, 1);
        env.Reset(0);
        Assert.That(env.Step(((CountingEnvironment)env.Inner).Point(4, 4)).Reward, Is.EqualTo(-29));
        Assert.Throws<ArgumentException>(() => _ = new RewardScaling(new CountingEnvironment(), 0));
    }
}
