using System.Text.Json.Nodes;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Trees;

namespace ArchGym.Proxies.RandomForest;

/// <summary>
/// Random forest regression (Breiman 2001): each tree grows on a bootstrap sample with a random
/// feature subset per split. Trees grow in parallel, each from its own seed drawn up front, so the
/// forest depends only on the data and the seed.
/// </summary>
public sealed class RandomForestLearner(RandomForestSettings settings) : IProxyLearner
{
    public const string KindName = "rf";

    public string Kind => KindName;

    public RandomForestSettings Settings { get; } = settings;

    public IProxyModel Fit(FeatureMatrix x, IReadOnlyList<double> y, int seed)
    {
        if (x.Rows == 0) throw new ArgumentException("a random forest needs at least one training row");
        var bins = new FeatureBins(x);
        var targets = y.ToArray();
        var rng = new Random(seed);
        var seeds = Enumerable.Range(0, Settings.Trees).Select(_ => rng.Next()).ToArray();
        var trees = new TreeNode[Settings.Trees][];
        Parallel.For(0, Settings.Trees, () => new TreeBuilder(bins, Settings.Tree), (t, _, builder) =>
        {
            var treeRng = new Random(seeds[t]);
            var rows = new int[x.Rows];
            for (var i = 0; i < rows.Length; i++) rows[i] = Settings.Bootstrap ? treeRng.Next(x.Rows) : i;
            trees[t] = builder.Build(targets, rows, treeRng);
            return builder;
        }, _ => { });
        return new RandomForestModel(new TreeEnsemble(trees), x.Columns);
    }

    public IProxyModel Load(JsonObject json, int features) => new RandomForestModel(TreeEnsemble.Load(Json.Object(json, "trees"), features), features);
}

/// <summary>A fitted forest: the mean of its trees, and their spread as the uncertainty.</summary>
public sealed class RandomForestModel(TreeEnsemble trees, int features) : IProxyModel
{
    public string Kind => RandomForestLearner.KindName;

    public int Features { get; } = features;

    public bool HasUncertainty => true;

    public TreeEnsemble Trees { get; } = trees;

    public double Predict(ReadOnlySpan<double> x) => Trees.Sum(x) / Trees.Trees;

    /// <summary>Mean over trees and the standard deviation of the tree predictions.</summary>
    public Prediction PredictWithUncertainty(ReadOnlySpan<double> x)
    {
        double sum = 0, sum2 = 0;
        for (var t = 0; t < Trees.Trees; t++)
        {
            var v = Trees.PredictTree(t, x);
            sum += v;
            sum2 += v * v;
        }

        var mean = sum / Trees.Trees;
        return new Prediction(mean, Math.Sqrt(Math.Max(0, sum2 / Trees.Trees - mean * mean)));
    }

    public JsonObject Save() => new() { ["trees"] = Trees.Save() };
}
