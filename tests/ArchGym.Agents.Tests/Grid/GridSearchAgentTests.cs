using ArchGym.Agents.Grid;
using ArchGym.Agents.Tests.Support;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Tests.Grid;

public sealed class GridSearchAgentTests
{
    private static readonly ParameterSpace Small = new(
    [
        new CategoricalParameter("c", ["a", "b", "c"]),
        OrdinalParameter.PowersOfTwo("p", 1, 8),
        new RealParameter("x", 0, 10),
    ]);

    [Test]
    public void VisitsEveryPointOnceInNestedLoopOrderThenRunsDry()
    {
        var agent = new GridSearchAgent(Small, 3, shuffle: false, skipInfeasible: true, seed: 1);
        Assert.That(agent.Size, Is.EqualTo(3 * 4 * 3));
        var first = agent.Ask(4);
        Assert.That(first.Select(p => p.ToString()), Is.EqualTo(new[] { "c=a, p=1, x=0", "c=a, p=1, x=5", "c=a, p=1, x=10", "c=a, p=2, x=0" }));
        var rest = agent.Ask(1000);
        Assert.That(rest, Has.Count.EqualTo(32), "fewer points once the grid runs out");
        Assert.That(first.Concat(rest).Distinct().Count(), Is.EqualTo(36));
        Assert.That(agent.Ask(5), Is.Empty);
    }

    [Test]
    public void ShuffleVisitsTheSamePointsInASeededOrder()
    {
        var ordered = new GridSearchAgent(Small, 2, false, true, 1).Ask(100);
        var a = new GridSearchAgent(Small, 2, true, true, 5).Ask(100);
        var b = new GridSearchAgent(Small, 2, true, true, 5).Ask(100);
        var c = new GridSearchAgent(Small, 2, true, true, 6).Ask(100);
        Assert.That(a, Is.EquivalentTo(ordered));
        Assert.That(a, Is.Not.EqualTo(ordered));
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c, Is.Not.EqualTo(a));
    }

    [Test]
    public void FeistelPermutationIsABijection([Values(1, 2, 3, 17, 1000, 4097)] int n)
    {
        var perm = new FeistelPermutation(n, new Random(n));
        var seen = new bool[n];
        for (var i = 0; i < n; i++) seen[perm[i]] = true;
        Assert.That(seen, Is.All.True);
    }

    [Test]
    public void SkipsConstraintBreakingPoints()
    {
        var space = Small.WithConstraints(new Constraint("no-b", p => p.GetText("c") != "b", "c must not be b"));
        var points = new GridSearchAgent(space, 1, false, true, 1).Ask(100);
        Assert.That(points, Has.Count.EqualTo(8));
        Assert.That(points.Select(p => p.GetText("c")), Has.None.EqualTo("b"));
        Assert.That(new GridSearchAgent(space, 1, false, false, 1).Ask(100), Has.Count.EqualTo(12));
    }

    [Test]
    public void ExhaustsASmallLevelsSpaceAndFindsItsExactOptimum()
    {
        // levels with 2 knobs has 64 points: a shuffled grid of budget 64 must find loss 0 for every seed.
        var hp = new Dictionary<string, string> { ["shuffle"] = "true" };
        var (mine, _) = AgentContract.AssertBeatsRandom(GridSearchAgent.AgentName, "levels", 64, seeds: 5, hp: hp, dimensions: 2);
        Assert.That(mine, Is.Zero);
    }

    [Test]
    public void SearchLoopStopsWhenTheGridIsExhausted()
    {
        var evaluations = AgentHarness.Run(GridSearchAgent.AgentName, AgentHarness.Synthetic("levels", 2), 500, 1);
        Assert.That(evaluations, Has.Count.EqualTo(64));
    }

    [Test]
    public void IsDeterministic() => AgentContract.AssertDeterministic(GridSearchAgent.AgentName, new Dictionary<string, string> { ["shuffle"] = "true" });

    [TestCase("points_per_real", "0")]
    [TestCase("shuffle", "maybe")]
    public void RejectsBadHyperParameters(string name, string value) => AgentContract.AssertRejects(GridSearchAgent.AgentName, name, value);

    [Test]
    public void RunsOnSystolic() => AgentContract.SystolicSmoke(GridSearchAgent.AgentName, new Dictionary<string, string> { ["shuffle"] = "true" });
}
