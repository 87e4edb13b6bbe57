using ArchGym.Proxies.Data;
using ArchGym.Proxies.Trees;

namespace ArchGym.Proxies.Tests.Models;

public class TreeTests
{
    [Test]
    public void AStepFunctionIsSplitAtTheMidpointWithLeafMeans()
    {
        // y = 1 for x in {0, 1}, 5 for x in {2, 3}: one split at 1.5, leaves 1 and 5, exactly.
        var x = new FeatureMatrix([0, 1, 2, 3], 4, 1);
        var builder = new TreeBuilder(new FeatureBins(x), new TreeSettings(MaxDepth: 3, MinLeaf: 1, FeatureFraction: 1));
        var tree = builder.Build([1, 1, 5, 5], [0, 1, 2, 3], new Random(0));
        Assert.Multiple(() =>
        {
            Assert.That(tree, Has.Length.EqualTo(3));
            Assert.That(tree[0].Value, Is.EqualTo(1.5));
            Assert.That(tree[tree[0].Left].Value, Is.EqualTo(1));
            Assert.That(tree[tree[0].Left + 1].Value, Is.EqualTo(5));
        });
        var ensemble = new TreeEnsemble([tree]);
        Assert.That(new[] { -10.0, 1.4, 1.6, 99 }.Select(v => ensemble.PredictTree(0, [v])), Is.EqualTo(new double[] { 1, 1, 5, 5 }));
    }

    [Test]
    public void DepthAndLeafLimitsHold()
    {
        var x = new FeatureMatrix(Enumerable.Range(0, 64).Select(i => (double)i).ToArray(), 64, 1);
        var y = Enumerable.Range(0, 64).Select(i => (double)(i * i)).ToArray();
        var rows = Enumerable.Range(0, 64).ToArray();
        var shallow = new TreeBuilder(new FeatureBins(x), new TreeSettings(2, 1, 1)).Build(y, rows.ToArray(), new Random(0));
        var bigLeaves = new TreeBuilder(new FeatureBins(x), new TreeSettings(30, 20, 1)).Build(y, rows.ToArray(), new Random(0));
        Assert.Multiple(() =>
        {
            Assert.That(shallow.Count(n => n.IsLeaf), Is.LessThanOrEqualTo(4), "depth 2: at most 4 leaves");
            Assert.That(bigLeaves.Count(n => n.IsLeaf), Is.LessThanOrEqualTo(64 / 20), "leaves of at least 20 rows");
        });
    }
}

public class GaussianProcessReuseTests
{
    [Test]
    public void MeanOnlyPredictionEqualsTheFullPosteriorMean()
    {
        var gp = new ArchGym.Agents.Bayesian.GaussianProcess(new ArchGym.Agents.Bayesian.Matern52Kernel(), 2,
            ArchGym.Agents.Bayesian.KernelParameters.Default(2, ard: true), targetMean: 1, targetScale: 2);
        var rng = new Random(3);
        for (var i = 0; i < 30; i++) gp.Add([rng.NextDouble(), rng.NextDouble()], rng.NextDouble());
        for (var i = 0; i < 10; i++)
        {
            double[] x = [rng.NextDouble(), rng.NextDouble()];
            gp.Predict(x, out var mean, out _);
            Assert.That(gp.PredictMean(x), Is.EqualTo(mean).Within(1e-12));
        }
    }
}
