using ArchGym.Agents.MultiAgent;
using ArchGym.Agents.Reinforcement;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core.MultiAgent;

namespace ArchGym.Agents.Tests.MultiAgent;

public sealed class MultiAgentPpoAgentTests
{
    private static Dictionary<string, string> Critic(string critic) => new() { ["critic"] = critic };

    [TestCase("independent")]
    [TestCase("centralised")]
    public void ReachesTheOptimumOfEightLevelsFarBetterThanRandom(string critic) =>
        AgentContract.AssertBeatsRandom(MultiAgentPpoAgent.AgentName, "levels", 600, dimensions: 8, hp: Critic(critic), factor: 0.05, nearOptimum: 0.5);

    [TestCase("independent")]
    [TestCase("centralised")]
    public void BeatsRandomOnTheMixedFunction(string critic) =>
        AgentContract.AssertBeatsRandom(MultiAgentPpoAgent.AgentName, "mixed", 800, hp: Critic(critic), factor: 0.5, nearOptimum: 0.1);

    /// <summary>
    /// The constraint couples two agents' knobs: independent learners sharing the team reward learn to
    /// stay feasible but may settle one level off the constrained optimum (loss 3 instead of 2) — the
    /// coordination problem of independent learners — so the bound here is the optimum plus 1.
    /// </summary>
    [TestCase("independent")]
    [TestCase("centralised")]
    public void LearnsToStayFeasibleWhereAConstraintCouplesTwoAgents(string critic)
    {
        var evaluations = AgentHarness.Run(MultiAgentPpoAgent.AgentName, () => new ConstrainedLevelsEnvironment(), 1000, 2, Critic(critic));
        var early = evaluations.Take(100).Count(e => !e.Feasible);
        var late = evaluations.Skip(800).Count(e => !e.Feasible);
        TestContext.Out.WriteLine($"marl ({critic}): {early} of the first 100 and {late} of the last 200 infeasible; best loss {AgentHarness.BestLoss(evaluations)}");
        Assert.That(early, Is.GreaterThan(15));
        Assert.That(late, Is.LessThan(10));
        Assert.That(AgentHarness.BestLoss(evaluations), Is.LessThanOrEqualTo(ConstrainedLevelsEnvironment.OptimalLoss + 1));
    }

    [Test]
    public void MakesOneAgentPerParameterByDefaultAndGroupsWhenAsked()
    {
        using var env = AgentHarness.Synthetic("levels", 5)();
        var single = (MultiAgentPpoAgent)AgentHarness.Create(MultiAgentPpoAgent.AgentName, env, 1);
        Assert.That(single.Groups.Select(g => g.Agent), Is.EqualTo(MultiAgentView.OnePerParameter(env).Agents));
        var paired = (MultiAgentPpoAgent)AgentHarness.Create(MultiAgentPpoAgent.AgentName, env, 1, new Dictionary<string, string> { ["group_size"] = "2" });
        Assert.That(paired.Groups.Select(g => g.Agent), Is.EqualTo(new[] { "k0+k1", "k2+k3", "k4" }));
    }

    [Test]
    public void TakesItsAgentsFromAMultiAgentView()
    {
        var env = AgentHarness.Synthetic("mixed")();
        using var view = new MultiAgentView(env, [new AgentGroup("numbers", ["x", "n"]), new AgentGroup("memory", ["size", "mode"])]);
        var agent = MultiAgentPpoAgent.ForView(view, PpoSettings.Default with { Batch = 8, Minibatch = 4 }, CriticKind.Centralised, 3);
        Assert.That(agent.Groups.Select(g => g.Agent), Is.EqualTo(new[] { "numbers", "memory" }));
        var evaluations = AgentHarness.Run(agent, AgentHarness.Synthetic("mixed"), 24, 3, batch: 5);
        Assert.That(evaluations, Has.Count.EqualTo(24));
        Assert.That(agent.Updates, Is.EqualTo(3));
        var split = view.Split(agent.GreedyPoint());
        Assert.That(split.Keys, Is.EquivalentTo(new[] { "numbers", "memory" }));
    }

    [Test]
    public void RejectsGroupsThatDoNotCoverTheSpaceOnce()
    {
        using var env = AgentHarness.Synthetic("mixed")();
        var settings = PpoSettings.Default;
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new MultiAgentPpoAgent(env.ActionSpace,
                [new AgentGroup("a", ["x", "n"]), new AgentGroup("b", ["n", "size", "mode"])], settings, CriticKind.Independent, 1))!.Message, Does.Contain("'n'"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new MultiAgentPpoAgent(env.ActionSpace,
                [new AgentGroup("a", ["x", "n", "size"])], settings, CriticKind.Independent, 1))!.Message, Does.Contain("'mode'").And.Contain("no agent"));
        });
    }

    [TestCase("independent")]
    [TestCase("centralised")]
    public void IsDeterministic(string critic) =>
        AgentContract.AssertDeterministic(MultiAgentPpoAgent.AgentName, new Dictionary<string, string> { ["critic"] = critic, ["batch"] = "8", ["minibatch"] = "4" });

    [TestCase("critic", "global")]
    [TestCase("group_size", "0")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(MultiAgentPpoAgent.AgentName, name, value);

    [Test]
    public void RunsOnSystolic() =>
        AgentContract.SystolicSmoke(MultiAgentPpoAgent.AgentName, new Dictionary<string, string> { ["batch"] = "4", ["critic"] = "centralised" });
}
