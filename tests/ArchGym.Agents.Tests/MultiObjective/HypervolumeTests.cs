using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Agents.Tests.MultiObjective;

public sealed class HypervolumeTests
{
    [Test]
    public void TwoDimensionalStaircase()
    {
        // Against (4, 4): (1,3) adds 3x1, (2,2) adds 2x1, (3,1) adds 1x1; a dominated and an outside point add nothing.
        double[][] points = [[1, 3], [2, 2], [3, 1], [3, 3], [5, 0]];
        Assert.That(Hypervolume.Exact(points, [4, 4]), Is.EqualTo(6).Within(1e-12));
    }

    [Test]
    public void ThreeDimensionalUnionOfBoxes()
    {
        // Against (2,2,2) each point dominates a 2x1x1 box; every pairwise and the triple intersection is
        // the unit cube [1,2]^3, so by inclusion-exclusion the union is 6 - 3 + 1 = 4.
        double[][] points = [[0, 1, 1], [1, 0, 1], [1, 1, 0]];
        var exact = Hypervolume.Exact(points, [2, 2, 2]);
        Assert.That(exact, Is.EqualTo(4).Within(1e-12));
        var estimate = Hypervolume.Estimate(points, [2, 2, 2], 200_000, new Random(1));
        Assert.That(estimate, Is.EqualTo(exact).Within(0.03));
    }

    [Test]
    public void ExactMatchesMonteCarloInFourDimensions()
    {
        var rng = new Random(5);
        var points = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble()).ToArray()).ToList();
        var exact = Hypervolume.Exact(points, [1, 1, 1, 1]);
        var estimate = Hypervolume.Estimate(points, [1, 1, 1, 1], 200_000, new Random(2));
        Assert.That(exact, Is.GreaterThan(0.1));
        Assert.That(estimate, Is.EqualTo(exact).Within(0.01));
        var first = Hypervolume.Estimate(points, [1, 1, 1, 1], 1000, new Random(3));
        var again = Hypervolume.Estimate(points, [1, 1, 1, 1], 1000, new Random(3));
        Assert.That(again, Is.EqualTo(first), "a seeded estimate is repeatable");
    }

    [Test]
    public void DenseSampleOfTheZdt1FrontApproachesTwoThirds()
    {
        var front = Enumerable.Range(0, 2001).Select(i => i / 2000.0).Select(f1 => new[] { f1, 1 - Math.Sqrt(f1) }).ToList();
        Assert.That(Hypervolume.Exact(front, [1, 1]), Is.EqualTo(2.0 / 3).Within(1e-3));
    }

    [Test]
    public void FromEvaluationsRespectsDirections()
    {
        IReadOnlyList<Metric> metrics = [new("cost", "1", Direction.Minimize), new("gain", "1", Direction.Maximize)];
        var evaluations = new[] { (1.0, 3.0), (2.0, 4.0), (3.0, 1.0) }.Select(v => Evaluation(v.Item1, v.Item2)).ToList();
        // Minimisation form: (1,-3), (2,-4), (3,-1) against (4, 0): 3x3 + 2x1 = 11 (the third point is dominated).
        Assert.That(Hypervolume.Of(evaluations, metrics, [4, 0]), Is.EqualTo(11).Within(1e-12));
        Assert.That(Pareto.Front(evaluations, metrics), Has.Count.EqualTo(2));
    }

    [Test]
    public void NonDominatedRanksPeelFronts()
    {
        double[][] points = [[1, 1], [2, 2], [0, 3], [3, 3], [2, 0.5]];
        Assert.That(Pareto.NonDominatedRanks(points), Is.EqualTo(new[] { 0, 1, 0, 2, 0 }));
    }

    private static Evaluation Evaluation(double cost, double gain)
    {
        var space = new Environments.Core.Spaces.ParameterSpace([new Environments.Core.Spaces.RealParameter("x", 0, 1)]);
        return new Evaluation("t", "w", space.Sample(new Random(1)), [cost, gain], 0, true, null, "a", 1, 0, 0);
    }
}
