using ArchGym.Agents.Genetic;
using ArchGym.Agents.Tests.Support;

namespace ArchGym.Agents.Tests.Genetic;

public sealed class GeneticAgentTests
{
    private static Dictionary<string, string> Hp(int population, int generations, int elitism = 1) => new()
    {
        ["population"] = population.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["generations"] = generations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["elitism"] = elitism.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [TestCase(0, 30)]
    [TestCase(1, 28)]
    public void StopsAskingAfterItsGenerations(int elitism, int expected)
    {
        var evaluations = AgentHarness.Run(GeneticAgent.AgentName, AgentHarness.Synthetic("mixed"), 1000, 1, Hp(10, 3, elitism), batch: 4);
        Assert.That(evaluations, Has.Count.EqualTo(expected));
    }

    [Test]
    public void BeatsRandomSearchOnTheMixedFunction() =>
        AgentContract.AssertBeatsRandom(GeneticAgent.AgentName, "mixed", 300, hp: Hp(20, 15), factor: 0.5, nearOptimum: 0.1);

    [Test]
    public void BeatsRandomSearchOnEightLevels() =>
        AgentContract.AssertBeatsRandom(GeneticAgent.AgentName, "levels", 400, hp: Hp(20, 20), factor: 0.5, nearOptimum: 1.5, dimensions: 8);

    [Test]
    public void BeatsRandomSearchOnRastrigin() =>
        AgentContract.AssertBeatsRandom(GeneticAgent.AgentName, "rastrigin", 600, hp: Hp(30, 20), factor: 0.8, dimensions: 4);

    [Test]
    public void IsDeterministic() => AgentContract.AssertDeterministic(GeneticAgent.AgentName, Hp(8, 10));

    [TestCase("population", "1")]
    [TestCase("crossover_probability", "1.5")]
    [TestCase("elitism", "-1")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(GeneticAgent.AgentName, name, value);

    [Test]
    public void RejectsElitismOfTheWholePopulation()
    {
        using var env = AgentHarness.Synthetic("mixed")();
        var error = Assert.Throws<ArgumentException>(() => AgentHarness.Create(GeneticAgent.AgentName, env, 1, Hp(10, 5, elitism: 10)));
        Assert.That(error!.Message, Does.Contain("elitism").And.Contain("allowed"));
    }

    [Test]
    public void RunsOnSystolic() => AgentContract.SystolicSmoke(GeneticAgent.AgentName, Hp(4, 4, elitism: 0), budget: 12);
}
