using ArchGym.Agents.Reinforcement;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core;

namespace ArchGym.Agents.Tests.Reinforcement;

public sealed class PpoAgentTests
{
    [Test]
    public void ReachesTheOptimumOfEightLevelsFarBetterThanRandom() =>
        AgentContract.AssertBeatsRandom(PpoAgent.AgentName, "levels", 600, dimensions: 8, factor: 0.05, nearOptimum: 0.5);

    [Test]
    public void ReachesTheBestGridPointOfTheMixedFunction()
    {
        // x is discretised into 16 bins (-5 + 10k/15); the nearest to the optimum 1.5 is 1.667, loss 0.0278.
        var (mine, _) = AgentContract.AssertBeatsRandom(PpoAgent.AgentName, "mixed", 800, factor: 0.5,
            hp: new Dictionary<string, string> { ["learning_rate"] = "0.001" });
        Assert.That(mine, Is.EqualTo(0.0278).Within(0.001));
    }

    [Test]
    public void FindsTheBestArmOfANoisyBandit()
    {
        Func<IEnvironment> make = () => new NoisyBanditEnvironment();
        using var probe = make();
        var agent = (PpoAgent)AgentHarness.Create(PpoAgent.AgentName, probe, 1);
        var evaluations = AgentHarness.Run(agent, make, 600, 1);
        var lastBest = evaluations.Skip(500).Count(e => e.Point.GetText("arm") == $"arm{NoisyBanditEnvironment.BestArm}") / 100.0;
        var firstBest = evaluations.Take(100).Count(e => e.Point.GetText("arm") == $"arm{NoisyBanditEnvironment.BestArm}") / 100.0;
        TestContext.Out.WriteLine($"ppo on a 10-armed noisy bandit: best arm in {firstBest:P0} of the first 100 pulls, {lastBest:P0} of the last 100 (uniform: 10 %)");
        Assert.That(lastBest, Is.GreaterThan(0.8));
        Assert.That(agent.GreedyPoint().GetText("arm"), Is.EqualTo($"arm{NoisyBanditEnvironment.BestArm}"));
    }

    [Test]
    public void LearnsToAvoidInfeasiblePointsAndFindsTheConstrainedOptimum()
    {
        Func<IEnvironment> make = () => new ConstrainedLevelsEnvironment();
        var evaluations = AgentHarness.Run(PpoAgent.AgentName, make, 600, 2);
        var early = evaluations.Take(100).Count(e => !e.Feasible);
        var late = evaluations.Skip(400).Count(e => !e.Feasible);
        TestContext.Out.WriteLine($"ppo: {early} of the first 100 and {late} of the last 200 points infeasible; best loss {AgentHarness.BestLoss(evaluations)}");
        Assert.That(early, Is.GreaterThan(15), "the constraint bites at first");
        Assert.That(late, Is.LessThan(20), "infeasible points get a pessimistic reward and are avoided");
        Assert.That(AgentHarness.BestLoss(evaluations), Is.EqualTo(ConstrainedLevelsEnvironment.OptimalLoss));
    }

    [Test]
    public void UpdatesAfterEveryBatchOfToldEvaluations()
    {
        using var env = AgentHarness.Synthetic("levels")();
        var agent = (PpoAgent)AgentHarness.Create(PpoAgent.AgentName, env, 1, new Dictionary<string, string> { ["batch"] = "10" });
        AgentHarness.Run(agent, AgentHarness.Synthetic("levels"), 35, 1, batch: 4);
        Assert.That(agent.Updates, Is.EqualTo(3));
    }

    [Test]
    public void TellingMoreThanWasAskedIsAnError()
    {
        using var env = AgentHarness.Synthetic("levels")();
        env.Reset(1);
        var agent = AgentHarness.Create(PpoAgent.AgentName, env, 1);
        var point = agent.Ask(1)[0];
        var step = env.Step(point);
        var e = new Evaluation(env.Name, env.Workload, point, step.Observation.Values, step.Reward, true, null, "ppo", 1, 0, 0);
        Assert.Throws<InvalidOperationException>(() => agent.Tell([e, e]));
    }

    [Test]
    public void IsDeterministic() => AgentContract.AssertDeterministic(PpoAgent.AgentName, new Dictionary<string, string> { ["batch"] = "8", ["minibatch"] = "4" });

    [TestCase("learning_rate", "0")]
    [TestCase("clip", "0")]
    [TestCase("activation", "sigmoid")]
    [TestCase("real_bins", "1")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(PpoAgent.AgentName, name, value);

    [Test]
    public void RunsOnSystolic() => AgentContract.SystolicSmoke(PpoAgent.AgentName, new Dictionary<string, string> { ["batch"] = "4" });
}
