using System.Globalization;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Trees;

namespace ArchGym.Proxies.GradientBoosting;

/// <summary>
/// Gradient-boosting hyperparameters: rounds, shrinkage (learning rate), tree depth and leaf size,
/// row subsampling per round (stochastic boosting), and early stopping on a held-out fraction of
/// the training rows (stop after <see cref="Patience"/> rounds without improvement; 0 fraction = off).
/// </summary>
public sealed record GradientBoostingSettings(int Rounds, double LearningRate, double Subsample, double ValidationFraction, int Patience, TreeSettings Tree)
{
    public static GradientBoostingSettings Default { get; } = From(null);

    public static GradientBoostingSettings From(IReadOnlyDictionary<string, string>? hp)
    {
        var r = new HyperReader("gbt", hp);
        var settings = new GradientBoostingSettings(
            r.Int("rounds", 1000, 1, 100_000),
            r.Double("learning_rate", 0.1, 1e-6, 1),
            r.Double("subsample", 0.8, 1e-3, 1),
            r.Double("validation_fraction", 0.1, 0, 0.9),
            r.Int("patience", 50, 1, 100_000),
            new TreeSettings(r.Int("max_depth", 6, 1, 64), r.Int("min_leaf", 2, 1, 1_000_000), r.Double("max_features", 1, 1e-9, 1)));
        r.RejectUnknown();
        return settings;
    }

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["rounds"] = Rounds.ToString(CultureInfo.InvariantCulture),
        ["learning_rate"] = LearningRate.ToString("R", CultureInfo.InvariantCulture),
        ["subsample"] = Subsample.ToString("R", CultureInfo.InvariantCulture),
        ["validation_fraction"] = ValidationFraction.ToString("R", CultureInfo.InvariantCulture),
        ["patience"] = Patience.ToString(CultureInfo.InvariantCulture),
        ["max_depth"] = Tree.MaxDepth.ToString(CultureInfo.InvariantCulture),
        ["min_leaf"] = Tree.MinLeaf.ToString(CultureInfo.InvariantCulture),
        ["max_features"] = Tree.FeatureFraction.ToString("R", CultureInfo.InvariantCulture),
    };
}
