using ArchGym.Agents.Core;
using ArchGym.Agents.RandomWalk;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Synthetic;

namespace ArchGym.Agents.Tests.Core;

public class AgentRegistryTests
{
    private SyntheticEnvironment Env = null!;

    [OneTimeSetUp]
    public void Make() => Env = SyntheticEnvironment.Create(EnvironmentOptions.Empty);

    [OneTimeTearDown]
    public void Dispose() => Env.Dispose();

    [Test]
    public void UnknownAgentsAndHyperparametersAreNamedWithWhatIsAllowed()
    {
        var registry = AgentRegistry.CreateDefault();
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<KeyNotFoundException>(() => registry.Create("oracle", Env.ActionSpace, Env.Metrics, new Dictionary<string, string>(), 0))!.Message,
                Does.Contain("oracle").And.Contain("random_walk"));
            Assert.That(Assert.Throws<ArgumentException>(() => registry.Create("random_walk", Env.ActionSpace, Env.Metrics, new Dictionary<string, string> { ["temperature"] = "3" }, 0))!.Message,
                Does.Contain("temperature").And.Contain("moves"));
            Assert.That(Assert.Throws<ArgumentException>(() => registry.Create("random_walk", Env.ActionSpace, Env.Metrics, new Dictionary<string, string> { ["moves"] = "99" }, 0))!.Message,
                Does.Contain("moves").And.Contain("1 to 16"));
        });
    }

    [Test]
    public void DefaultsAreLegalValuesOfTheDeclaredHyperparameters()
    {
        foreach (var spec in AgentRegistry.CreateDefault().List())
        {
            var hp = HyperParameters.Parse(spec.Name, spec.HyperParameters, spec.Defaults, new Dictionary<string, string>());
            Assert.That(hp.ToText().Keys, Is.EqualTo(spec.HyperParameters.Names), spec.Name);
        }
    }

    [Test]
    public void RandomWalkMovesOneKnobAtATimeFromTheLastPoint()
    {
        var agent = new RandomWalkAgent(Env.ActionSpace, 1, 0, greedy: false, seed: 4);
        var path = agent.Ask(20);
        for (var i = 1; i < path.Count; i++)
        {
            var changed = Enumerable.Range(0, Env.ActionSpace.Count).Count(k => path[i][k] != path[i - 1][k]);
            Assert.That(changed, Is.EqualTo(1), $"step {i}");
        }
    }

    [Test]
    public void GreedyRandomWalkFindsTheMixedOptimumRegion()
    {
        using var env = SyntheticEnvironment.Create(EnvironmentOptions.Empty);
        env.Reset(0);
        double Best(bool greedy)
        {
            var agent = new RandomWalkAgent(env.ActionSpace, 1, 0, greedy, seed: 11);
            var best = double.NegativeInfinity;
            for (var i = 0; i < 400; i++)
            {
                var p = agent.Ask(1)[0];
                var r = env.Step(p);
                best = Math.Max(best, r.Reward);
                agent.Tell([new("synthetic-v0", "mixed", p, r.Observation.Values, r.Reward, true, null, "rw", 0, i, 0)]);
            }

            return best;
        }

        Assert.That(Best(greedy: true), Is.GreaterThan(-0.1), "a greedy walk climbs to within 0.1 of the optimum (loss 0)");
    }
}
