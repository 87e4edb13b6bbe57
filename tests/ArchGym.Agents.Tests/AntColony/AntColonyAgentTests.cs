using ArchGym.Agents.AntColony;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Tests.AntColony;

public sealed class AntColonyAgentTests
{
    [Test]
    public void BeatsRandomSearchOnTheMixedFunction() =>
        AgentContract.AssertBeatsRandom(AntColonyAgent.AgentName, "mixed", 300, factor: 0.1, nearOptimum: 0.05);

    [Test]
    public void BeatsRandomSearchOnEightLevels() =>
        AgentContract.AssertBeatsRandom(AntColonyAgent.AgentName, "levels", 400, factor: 0.2, nearOptimum: 1, dimensions: 8);

    [Test]
    public void FullConstructionWalksAlsoWork() =>
        AgentContract.AssertBeatsRandom(AntColonyAgent.AgentName, "levels", 400,
            hp: new Dictionary<string, string> { ["depth"] = "0", ["greediness"] = "0.9" }, factor: 0.5, nearOptimum: 3, dimensions: 8);

    [Test]
    public void BeatsRandomSearchOnRastrigin() =>
        AgentContract.AssertBeatsRandom(AntColonyAgent.AgentName, "rastrigin", 600, factor: 0.8);

    [Test]
    public void PheromoneConcentratesOnTheOptimumOfLevels()
    {
        var make = AgentHarness.Synthetic("levels", 3);
        using var env = make();
        var agent = (AntColonyAgent)AgentHarness.Create(AntColonyAgent.AgentName, env, 2);
        var evaluations = AgentHarness.Run(agent, make, 300, 2, batch: 5);
        Assert.That(AgentHarness.BestLoss(evaluations), Is.Zero);
        var optimum = env.ActionSpace.Parse(new Synthetic.LevelsOptimum(3).Values);
        for (var i = 0; i < 3; i++)
        {
            var tau = agent.Pheromone.Levels(i).ToArray();
            var level = agent.Pheromone.LevelOf(i, optimum[i]);
            Assert.That(tau[level], Is.EqualTo(tau.Max()), $"knob {i}: most pheromone on the optimal level");
        }
    }

    [Test]
    public void BinsRealsAndLargeIntegers()
    {
        var space = new ParameterSpace([new RealParameter("x", 0, 1), new IntegerParameter("n", 0, 999)]);
        var table = new PheromoneTable(space, 10, 0.1);
        Assert.That(table.Levels(0).Length, Is.EqualTo(10));
        Assert.That(table.Levels(1).Length, Is.EqualTo(10));
        var rng = new Random(1);
        for (var level = 0; level < 10; level++)
        {
            Assert.That(table.LevelOf(0, table.ValueAt(0, level, rng)), Is.EqualTo(level));
            Assert.That(table.LevelOf(1, table.ValueAt(1, level, rng)), Is.EqualTo(level));
        }
    }

    [Test]
    public void IsDeterministic() => AgentContract.AssertDeterministic(AntColonyAgent.AgentName);

    [TestCase("greediness", "1.1")]
    [TestCase("ant_count", "0")]
    [TestCase("start", "0")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(AntColonyAgent.AgentName, name, value);

    [Test]
    public void RunsOnSystolic() => AgentContract.SystolicSmoke(AntColonyAgent.AgentName, new Dictionary<string, string> { ["ant_count"] = "4" });
}
