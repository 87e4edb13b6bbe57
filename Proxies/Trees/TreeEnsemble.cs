using System.Text.Json.Nodes;
using ArchGym.Proxies.Models;

namespace ArchGym.Proxies.Trees;

/// <summary>
/// Trees stored back to back in one flat <see cref="TreeNode"/> array (one cache-friendly block),
/// each starting at its root offset; child indices are relative to the tree's root. Prediction walks
/// each tree with no allocation.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly TreeNode[] _nodes;
    private readonly int[] _roots;

    public TreeEnsemble(IReadOnlyList<TreeNode[]> trees)
    {
        _roots = new int[trees.Count];
        _nodes = new TreeNode[trees.Sum(t => t.Length)];
        var offset = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            _roots[t] = offset;
            trees[t].CopyTo(_nodes, offset);
            offset += trees[t].Length;
        }
    }

    private TreeEnsemble(TreeNode[] nodes, int[] roots)
    {
        _nodes = nodes;
        _roots = roots;
    }

    public int Trees => _roots.Length;

    public int Nodes => _nodes.Length;

    /// <summary>The leaf value of tree <paramref name="t"/> for <paramref name="x"/>.</summary>
    public double PredictTree(int t, ReadOnlySpan<double> x)
    {
        var nodes = _nodes.AsSpan(_roots[t]);
        var i = 0;
        while (true)
        {
            ref readonly var node = ref nodes[i];
            if (node.Feature < 0) return node.Value;
            i = x[node.Feature] <= node.Value ? node.Left : node.Left + 1;
        }
    }

    /// <summary>The sum of every tree's leaf value.</summary>
    public double Sum(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var t = 0; t < _roots.Length; t++) sum += PredictTree(t, x);
        return sum;
    }

    /// <summary>The first <paramref name="count"/> trees (for early stopping).</summary>
    public TreeEnsemble Take(int count)
    {
        if (count >= Trees) return this;
        var end = count == 0 ? 0 : _roots[count];
        return new TreeEnsemble(_nodes[..end], _roots[..count]);
    }

    public JsonObject Save() => new()
    {
        ["roots"] = new JsonArray(_roots.Select(r => (JsonNode)r).ToArray()),
        ["feature"] = new JsonArray(_nodes.Select(n => (JsonNode)n.Feature).ToArray()),
        ["left"] = new JsonArray(_nodes.Select(n => (JsonNode)n.Left).ToArray()),
        ["value"] = new JsonArray(_nodes.Select(n => (JsonNode)n.Value).ToArray()),
    };

    /// <summary>Reads <see cref="Save"/>'s output, checking every index so a corrupt file cannot loop or read out of range.</summary>
    public static TreeEnsemble Load(JsonObject json, int features)
    {
        var roots = Json.Ints(json, "roots");
        var feature = Json.Ints(json, "feature");
        var left = Json.Ints(json, "left");
        var value = Json.Doubles(json, "value");
        var n = feature.Length;
        if (left.Length != n || value.Length != n) throw new FormatException("tree arrays differ in length");
        var nodes = new TreeNode[n];
        for (var t = 0; t < roots.Length; t++)
        {
            var start = roots[t];
            var end = t + 1 < roots.Length ? roots[t + 1] : n;
            if (start < 0 || start >= end || end > n) throw new FormatException($"tree {t}: bad root offset {start}");
            for (var i = start; i < end; i++)
            {
                var local = i - start;
                if (feature[i] >= features) throw new FormatException($"node {i}: feature {feature[i]} out of range (the model has {features})");
                if (feature[i] >= 0 && (left[i] <= local || start + left[i] + 1 >= end))
                    throw new FormatException($"node {i}: child index {left[i]} out of range");
                nodes[i] = feature[i] < 0 ? TreeNode.Leaf(value[i]) : TreeNode.Split(feature[i], left[i], value[i]);
            }
        }

        return new TreeEnsemble(nodes, roots);
    }
}
