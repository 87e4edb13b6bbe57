using System.Globalization;
using ArchGym.Proxies.Models;
using ArchGym.Proxies.Trees;

namespace ArchGym.Proxies.RandomForest;

/// <summary>Random-forest hyperparameters: trees, bootstrap, per-split feature fraction, depth and leaf limits.</summary>
public sealed record RandomForestSettings(int Trees, bool Bootstrap, TreeSettings Tree)
{
    public static RandomForestSettings Default { get; } = From(null);

    public static RandomForestSettings From(IReadOnlyDictionary<string, string>? hp)
    {
        var r = new HyperReader("rf", hp);
        var settings = new RandomForestSettings(
            r.Int("trees", 100, 1, 10_000),
            r.Bool("bootstrap", true),
            new TreeSettings(r.Int("max_depth", 20, 1, 64), r.Int("min_leaf", 1, 1, 1_000_000), r.Double("max_features", 0.6, 1e-9, 1)));
        r.RejectUnknown();
        return settings;
    }

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["trees"] = Trees.ToString(CultureInfo.InvariantCulture),
        ["bootstrap"] = Bootstrap ? "true" : "false",
        ["max_depth"] = Tree.MaxDepth.ToString(CultureInfo.InvariantCulture),
        ["min_leaf"] = Tree.MinLeaf.ToString(CultureInfo.InvariantCulture),
        ["max_features"] = Tree.FeatureFraction.ToString("R", CultureInfo.InvariantCulture),
    };
}
