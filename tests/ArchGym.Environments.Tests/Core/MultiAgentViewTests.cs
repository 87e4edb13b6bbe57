using ArchGym.Environments.Core.MultiAgent;

namespace ArchGym.Environments.Tests.Core;

public class MultiAgentViewTests
{
    [Test]
    public void OneAgentPerKnobSharesTheTeamReward()
    {
        using var view = MultiAgentView.OnePerParameter(new CountingEnvironment("cost=4"));
        view.Reset(1);
        var actions = new Dictionary<string, ArchGym.Environments.Core.Spaces.DesignPoint>
        {
            ["a"] = new(view.ActionSpace("a"), [4]),
            ["b"] = new(view.ActionSpace("b"), [2]),
        };
        var step = view.Step(actions);
        Assert.Multiple(() =>
        {
            Assert.That(view.Agents, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(step.Joint.Observation.Values[0], Is.EqualTo(8));
            Assert.That(step.Rewards.Values, Is.All.EqualTo(-1.0));
            Assert.That(step.Observations["b"].Values[0], Is.EqualTo(8));
            Assert.That(view.Split(view.Join(actions))["b"].Values.ToArray(), Is.EqualTo(new double[] { 2 }));
        });
    }

    [Test]
    public void GroupsMustCoverEveryParameterExactlyOnce()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => _ = new MultiAgentView(new CountingEnvironment(), [new("x", ["a"])]), "b is orphaned");
            Assert.Throws<ArgumentException>(() => _ = new MultiAgentView(new CountingEnvironment(), [new("x", ["a", "b"]), new("y", ["b"])]));
            Assert.Throws<KeyNotFoundException>(() => _ = new MultiAgentView(new CountingEnvironment(), [new("x", ["a", "b", "c"])]));
        });
        using var grouped = new MultiAgentView(new CountingEnvironment(), [new("both", ["a", "b"])]);
        Assert.That(grouped.ActionSpace("both").Count, Is.EqualTo(2));
    }
}
