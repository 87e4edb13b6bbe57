using ArchGym.Agents.Annealing;
using ArchGym.Agents.Tests.Support;

namespace ArchGym.Agents.Tests.Annealing;

public sealed class SimulatedAnnealingAgentTests
{
    [Test]
    public void BeatsRandomSearchOnTheMixedFunction() =>
        AgentContract.AssertBeatsRandom(SimulatedAnnealingAgent.AgentName, "mixed", 300, factor: 0.5, nearOptimum: 0.2);

    [Test]
    public void BeatsRandomSearchOnEightLevels() =>
        AgentContract.AssertBeatsRandom(SimulatedAnnealingAgent.AgentName, "levels", 400, factor: 0.5, nearOptimum: 2, dimensions: 8);

    [Test]
    public void BeatsRandomSearchOnRastriginWithReheating() =>
        AgentContract.AssertBeatsRandom(SimulatedAnnealingAgent.AgentName, "rastrigin", 600,
            hp: new Dictionary<string, string> { ["reheat_after"] = "100", ["cooling_rate"] = "0.01" }, factor: 0.8);

    [TestCase("exponential", 0.1, 4, 0.6561)]
    [TestCase("linear", 0.1, 4, 0.6)]
    [TestCase("linear", 0.5, 4, 0.001)]
    public void CoolsOncePerEvaluationDownToTheFloor(string schedule, double rate, int evaluations, double expected)
    {
        var hp = new Dictionary<string, string>
        {
            ["schedule"] = schedule,
            ["cooling_rate"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var make = AgentHarness.Synthetic("mixed");
        using var env = make();
        var agent = (SimulatedAnnealingAgent)AgentHarness.Create(SimulatedAnnealingAgent.AgentName, env, 1, hp);
        AgentHarness.Run(agent, make, evaluations, 1);
        Assert.That(agent.Temperature, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void ReheatsAfterAStallBackToTheInitialTemperature()
    {
        // On levels(d=1) the 8 points are soon all seen, so improvements stop and reheating must fire.
        var hp = new Dictionary<string, string> { ["reheat_after"] = "20", ["cooling_rate"] = "0.1" };
        var make = AgentHarness.Synthetic("levels", 1);
        using var env = make();
        var agent = (SimulatedAnnealingAgent)AgentHarness.Create(SimulatedAnnealingAgent.AgentName, env, 1, hp);
        var temperatures = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            AgentHarness.Run(agent, make, 1, 1);
            temperatures.Add(agent.Temperature);
        }

        Assert.That(temperatures.Skip(1).Zip(temperatures, (now, before) => now > before).Any(up => up), Is.True, "the temperature rose again");
    }

    [Test]
    public void IsDeterministic() => AgentContract.AssertDeterministic(SimulatedAnnealingAgent.AgentName);

    [TestCase("schedule", "log")]
    [TestCase("cooling_rate", "2")]
    [TestCase("initial_temperature", "0")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(SimulatedAnnealingAgent.AgentName, name, value);

    [Test]
    public void RunsOnSystolic() => AgentContract.SystolicSmoke(SimulatedAnnealingAgent.AgentName);
}
