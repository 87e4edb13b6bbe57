using System.Text.Json.Nodes;
using ArchGym.Proxies.Data;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Trees;

namespace ArchGym.Proxies.GradientBoosting;

/// <summary>
/// Least-squares gradient boosting (Friedman 2001; stochastic variant, Friedman 2002): start from the
/// mean, then each round fits a tree to the residuals of a random subsample and adds it scaled by
/// the learning rate. With a validation fraction, the rows held out score every round and the model
/// keeps the rounds up to the best validation error (early stopping).
/// </summary>
public sealed class GradientBoostingLearner(GradientBoostingSettings settings) : IProxyLearner
{
    public const string KindName = "gbt";

    public string Kind => KindName;

    public GradientBoostingSettings Settings { get; } = settings;

    public IProxyModel Fit(FeatureMatrix x, IReadOnlyList<double> y, int seed)
    {
        if (x.Rows == 0) throw new ArgumentException("gradient boosting needs at least one training row");
        var s = Settings;
        var rng = new Random(seed);
        int[] fit, valid;
        if (s.ValidationFraction > 0 && x.Rows >= 10) (fit, valid) = DataSplit.TrainTest(x.Rows, s.ValidationFraction, rng.Next());
        else (fit, valid) = (Enumerable.Range(0, x.Rows).ToArray(), []);

        var xf = x.Subset(fit);
        var bins = new FeatureBins(xf);
        var builder = new TreeBuilder(bins, s.Tree);
        var yf = fit.Select(i => y[i]).ToArray();
        var baseValue = yf.Average();
        var fitted = Enumerable.Repeat(baseValue, fit.Length).ToArray();
        var validFitted = Enumerable.Repeat(baseValue, valid.Length).ToArray();
        var residual = new double[fit.Length];
        var sampleSize = Math.Max(1, (int)Math.Round(s.Subsample * fit.Length));
        var order = Enumerable.Range(0, fit.Length).ToArray();
        var trees = new List<TreeNode[]>();
        var bestError = double.PositiveInfinity;
        var bestRounds = 0;
        for (var round = 0; round < s.Rounds; round++)
        {
            for (var i = 0; i < fit.Length; i++) residual[i] = yf[i] - fitted[i];
            var rows = Sample(order, sampleSize, rng);
            var tree = builder.Build(residual, rows, rng);
            for (var k = 0; k < tree.Length; k++)
            {
                if (tree[k].IsLeaf) tree[k].Value *= s.LearningRate;
            }

            trees.Add(tree);
            for (var i = 0; i < fit.Length; i++) fitted[i] += Walk(tree, xf.Row(i));
            if (valid.Length == 0)
            {
                bestRounds = trees.Count;
                continue;
            }

            var error = 0.0;
            for (var i = 0; i < valid.Length; i++)
            {
                validFitted[i] += Walk(tree, x.Row(valid[i]));
                var d = y[valid[i]] - validFitted[i];
                error += d * d;
            }

            if (error < bestError)
            {
                bestError = error;
                bestRounds = trees.Count;
            }
            else if (trees.Count - bestRounds >= s.Patience) break;
        }

        return new GradientBoostingModel(baseValue, new TreeEnsemble(trees).Take(bestRounds), x.Columns);
    }

    public IProxyModel Load(JsonObject json, int features) =>
        new GradientBoostingModel(Json.Double(json, "base"), TreeEnsemble.Load(Json.Object(json, "trees"), features), features);

    // Rows without replacement (a partial Fisher-Yates shuffle), or all rows when subsample is 1.
    private static int[] Sample(int[] order, int count, Random rng)
    {
        if (count >= order.Length) return order.ToArray();
        for (var k = 0; k < count; k++)
        {
            var j = k + rng.Next(order.Length - k);
            (order[k], order[j]) = (order[j], order[k]);
        }

        return order[..count];
    }

    private static double Walk(TreeNode[] nodes, ReadOnlySpan<double> x)
    {
        var i = 0;
        while (nodes[i].Feature >= 0) i = x[nodes[i].Feature] <= nodes[i].Value ? nodes[i].Left : nodes[i].Left + 1;
        return nodes[i].Value;
    }
}

/// <summary>A boosted ensemble: the base value plus every tree's (already shrunk) leaf value. No uncertainty.</summary>
public sealed class GradientBoostingModel(double baseValue, TreeEnsemble trees, int features) : IProxyModel
{
    public string Kind => GradientBoostingLearner.KindName;

    public int Features { get; } = features;

    public bool HasUncertainty => false;

    public double Base { get; } = baseValue;

    public TreeEnsemble Trees { get; } = trees;

    public double Predict(ReadOnlySpan<double> x) => Base + Trees.Sum(x);

    public Prediction PredictWithUncertainty(ReadOnlySpan<double> x) => new(Predict(x), double.NaN);

    public JsonObject Save() => new() { ["base"] = Base, ["trees"] = Trees.Save() };
}
