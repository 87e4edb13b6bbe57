using ArchGym.Agents.Bayesian;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Synthetic;

namespace ArchGym.Agents.Tests.Bayesian;

public sealed class BayesianOptimizationAgentTests
{
    private const string Bo = BayesianOptimizationAgent.AgentName;

    [TestCase("ei")]
    [TestCase("ucb")]
    [TestCase("pi")]
    public void BeatsRandomSearchOnTheMixedFunction(string acquisition) =>
        AgentContract.AssertBeatsRandom(Bo, "mixed", 60, seeds: 3, hp: new Dictionary<string, string> { ["acquisition"] = acquisition },
            factor: 0.5, nearOptimum: 0.3);

    [Test]
    public void BeatsRandomSearchOnEightLevelsWithTheRbfKernelSharedLengthScale() =>
        AgentContract.AssertBeatsRandom(Bo, "levels", 80, seeds: 3,
            hp: new Dictionary<string, string> { ["kernel"] = "rbf", ["ard"] = "false" }, factor: 0.5, dimensions: 8);

    [Test]
    public void BeatsRandomSearchOnRastrigin() => AgentContract.AssertBeatsRandom(Bo, "rastrigin", 80, seeds: 3, factor: 0.8, dimensions: 2);

    [TestCase("kriging_believer")]
    [TestCase("constant_liar")]
    public void BatchAsksAreDistinctAndStillBeatRandomSearch(string strategy)
    {
        var hp = new Dictionary<string, string> { ["batch_strategy"] = strategy };
        var evaluations = AgentHarness.Run(Bo, AgentHarness.Synthetic("mixed"), 60, 1, hp, batch: 5);
        Assert.That(evaluations.Select(e => e.Point).Distinct().Count(), Is.EqualTo(60));
        AgentContract.AssertBeatsRandom(Bo, "mixed", 60, seeds: 3, hp: hp, factor: 0.5, batch: 5);
    }

    [Test]
    public void ExhaustsASmallDiscreteSpaceWithoutRepeats()
    {
        var evaluations = AgentHarness.Run(Bo, AgentHarness.Synthetic("levels", 1), 30, 1,
            new Dictionary<string, string> { ["initial_points"] = "3" });
        Assert.That(evaluations, Has.Count.EqualTo(8));
        Assert.That(AgentHarness.BestLoss(evaluations), Is.Zero);
    }

    [Test]
    public void LearnsToAvoidInfeasibleRegions()
    {
        // Half of the mixed space (x > 0) is infeasible, which the agent only learns from evaluations;
        // the optimum x = 1.5 is cut off, so the best feasible loss is 2.25 (at x = 0).
        Func<IEnvironment> make = () => new ConstrainedMixed();
        double boLate = 0, randomLate = 0, boBest = 0, randomBest = 0;
        for (var seed = 1; seed <= 3; seed++)
        {
            var bo = AgentHarness.Run(Bo, make, 60, seed);
            var random = AgentHarness.Run("random_search", make, 60, seed);
            boLate += bo.Skip(30).Count(e => !e.Feasible) / 3.0;
            randomLate += random.Skip(30).Count(e => !e.Feasible) / 3.0;
            boBest += AgentHarness.BestLoss(bo) / 3;
            randomBest += AgentHarness.BestLoss(random) / 3;
        }

        TestContext.Out.WriteLine($"infeasible among the last 30 (mean of 3 seeds): bo {boLate:F1}, random {randomLate:F1}; best loss bo {boBest:G4}, random {randomBest:G4}");
        Assert.That(boLate, Is.LessThan(0.6 * randomLate));
        Assert.That(boBest, Is.LessThan(randomBest));
    }

    [Test]
    public void IsDeterministic() => AgentContract.AssertDeterministic(Bo, budget: 25);

    [TestCase("acquisition", "thompson")]
    [TestCase("kernel", "matern32")]
    [TestCase("batch_strategy", "qei")]
    [TestCase("initial_points", "0")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(Bo, name, value);

    [Test]
    public void RunsOnSystolic() => AgentContract.SystolicSmoke(Bo, new Dictionary<string, string> { ["initial_points"] = "5" }, budget: 14);

    /// <summary>The mixed function with a constraint x ≤ 0 that the agent is not told about (reported infeasible by the environment).</summary>
    private sealed class ConstrainedMixed() : EnvironmentBase(SyntheticEnvironment.Id, "mixed-cut", new MixedFunction().CreateSpace(),
        SyntheticEnvironment.MetricList, Environments.Core.Tasks.TaskSettings.FromOptions(EnvironmentOptions.Empty, SyntheticEnvironment.MetricList, "weighted_sum"))
    {
        private readonly MixedFunction _f = new();

        protected override MetricResult Evaluate(Environments.Core.Spaces.DesignPoint point) =>
            point["x"] > 0 ? MetricResult.Infeasible("x must be at most 0") : MetricResult.Ok([_f.Loss(point)]);
    }
}
