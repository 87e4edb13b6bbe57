using ArchGym.Agents.Core;
using ArchGym.Agents.Nsga2;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Agents.Tests.MultiObjective;

public sealed class Nsga2AgentTests
{
    private static readonly Func<IEnvironment> Zdt = () => new MixedZdtEnvironment();

    private static double FrontHypervolume(IReadOnlyList<Evaluation> evaluations) =>
        Hypervolume.Of(evaluations, MixedZdtEnvironment.MetricList, [1, 1]);

    private static double MeanHypervolume(string agent, int budget, int seeds, IReadOnlyDictionary<string, string>? hp = null)
    {
        var sum = 0.0;
        for (var s = 1; s <= seeds; s++) sum += FrontHypervolume(AgentHarness.Run(agent, Zdt, budget, s, hp, batch: 8));
        return sum / seeds;
    }

    [TestCase("sbx")]
    [TestCase("uniform")]
    public void ApproachesTheZdt1FrontFarBetterThanRandomSearch(string crossover)
    {
        var hp = new Dictionary<string, string> { ["population"] = "40", ["generations"] = "25", ["crossover"] = crossover };
        var mine = MeanHypervolume(Nsga2Agent.AgentName, 1000, 3, hp);
        var random = MeanHypervolume("random_search", 1000, 3);
        TestContext.Out.WriteLine($"nsga2 ({crossover}) on mixed ZDT1, budget 1000, 3 seeds: hypervolume {mine:G4} vs random_search {random:G4} (front {MixedZdtEnvironment.FrontHypervolume:G4})");
        Assert.That(mine, Is.GreaterThan(random + 0.15));
        Assert.That(mine, Is.GreaterThan(0.9 * MixedZdtEnvironment.FrontHypervolume));
    }

    [Test]
    public void TheFrontIsMutuallyNonDominatedAndSpread()
    {
        using var env = Zdt();
        var agent = (Nsga2Agent)AgentHarness.Create(Nsga2Agent.AgentName, env, 4,
            new Dictionary<string, string> { ["population"] = "30", ["generations"] = "20" });
        AgentHarness.Run(agent, Zdt, 10_000, 4, batch: 7);
        var front = agent.Front.Select(e => agent.Objectives.Of(e)!).ToList();
        Assert.That(front, Has.Count.GreaterThan(10));
        foreach (var a in front)
        {
            Assert.That(front.Any(b => Pareto.DominatesMinimizing(b, a)), Is.False);
        }

        Assert.That(front.Min(p => p[0]), Is.LessThan(0.05), "the low-f1 end is kept");
        Assert.That(front.Max(p => p[0]), Is.GreaterThan(0.9), "the high-f1 end is kept");
    }

    [Test]
    public void StopsAskingAfterItsGenerations()
    {
        var hp = new Dictionary<string, string> { ["population"] = "10", ["generations"] = "4" };
        Assert.That(AgentHarness.Run(Nsga2Agent.AgentName, Zdt, 1000, 1, hp, batch: 3), Has.Count.EqualTo(40));
    }

    [Test]
    public void WithOneObjectiveItStillBeatsRandomSearch() =>
        AgentContract.AssertBeatsRandom(Nsga2Agent.AgentName, "mixed", 300,
            hp: new Dictionary<string, string> { ["population"] = "20", ["generations"] = "15" }, factor: 0.5, nearOptimum: 0.2);

    [Test]
    public void ObjectivesCanBeASubsetInTheirOwnDirections()
    {
        var objectives = new Objectives(AgentContract.SystolicMetrics, ["energy_uj", "UTILIZATION_PCT"]);
        Assert.That(objectives.Indices, Is.EqualTo(new[] { 1, 3 }));
        var error = Assert.Throws<ArgumentException>(() => _ = new Objectives(AgentContract.SystolicMetrics, ["power"]));
        Assert.That(error!.Message, Does.Contain("power").And.Contain("allowed"));
    }

    [Test]
    public void IsDeterministic() =>
        AgentContract.AssertDeterministic(Nsga2Agent.AgentName, new Dictionary<string, string> { ["population"] = "8", ["generations"] = "10" });

    [TestCase("crossover", "blx")]
    [TestCase("sbx_eta", "0")]
    [TestCase("population", "1")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(Nsga2Agent.AgentName, name, value);

    [Test]
    public void RunsOnSystolicWithItsFourMetrics()
    {
        var evaluations = AgentContract.SystolicSmoke(Nsga2Agent.AgentName,
            new Dictionary<string, string> { ["population"] = "6", ["generations"] = "2" });
        using var env = AgentContract.SystolicTiny();
        Assert.That(Pareto.Front(evaluations, env.Metrics), Is.Not.Empty);
    }
}
