namespace ArchGym.Proxies.Trees;

/// <summary>
/// Grows one least-squares regression tree (CART, Breiman et al. 1984) on binned features: at each
/// node, per-bin sums of the targets give every split's reduction of the squared error in one pass
/// over the node's rows per feature; the best split by gain partitions the rows in place. Rows may
/// repeat (a bootstrap sample). Leaves hold the mean target of their rows. One instance per thread.
/// </summary>
public sealed class TreeBuilder
{
    private readonly FeatureBins _bins;
    private readonly TreeSettings _settings;
    private readonly double[] _sum = new double[FeatureBins.MaxBins];
    private readonly int[] _count = new int[FeatureBins.MaxBins];
    private readonly int[] _features;
    private readonly int _featuresPerSplit;
    private readonly List<TreeNode> _nodes = [];
    private double[] _y = [];
    private Random _rng = new(0);

    public TreeBuilder(FeatureBins bins, TreeSettings settings)
    {
        settings.Validate();
        _bins = bins;
        _settings = settings;
        _features = Enumerable.Range(0, bins.Columns).ToArray();
        _featuresPerSplit = Math.Clamp((int)Math.Ceiling(settings.FeatureFraction * bins.Columns), 1, bins.Columns);
    }

    /// <summary>A tree fitted to <paramref name="y"/> (one value per binned row) over the given rows, as a flat node array (root first).</summary>
    public TreeNode[] Build(double[] y, int[] rows, Random rng)
    {
        _y = y;
        _rng = rng;
        _nodes.Clear();
        _nodes.Add(default);
        // Every tree starts from the same feature order, so a tree depends only on its rows and rng.
        for (var f = 0; f < _features.Length; f++) _features[f] = f;
        Grow(0, rows, 0, rows.Length, 0);
        return _nodes.ToArray();
    }

    private void Grow(int node, int[] rows, int start, int end, int depth)
    {
        var n = end - start;
        var total = 0.0;
        for (var i = start; i < end; i++) total += _y[rows[i]];
        var mean = total / n;
        if (depth >= _settings.MaxDepth || n < 2 * _settings.MinLeaf || !FindSplit(rows, start, end, total, out var feature, out var bin))
        {
            _nodes[node] = TreeNode.Leaf(mean);
            return;
        }

        var mid = Partition(rows, start, end, feature, bin);
        var left = _nodes.Count;
        _nodes.Add(default);
        _nodes.Add(default);
        _nodes[node] = TreeNode.Split(feature, left, _bins.Threshold(feature, bin));
        Grow(left, rows, start, mid, depth + 1);
        Grow(left + 1, rows, mid, end, depth + 1);
    }

    private bool FindSplit(int[] rows, int start, int end, double total, out int bestFeature, out int bestBin)
    {
        bestFeature = -1;
        bestBin = -1;
        var n = end - start;
        var parentScore = total * total / n;
        var bestGain = 1e-12 * Math.Max(1, Math.Abs(parentScore));
        var columns = _bins.Columns;
        var codes = _bins.Codes;
        // Draw the features this split may use: a partial Fisher-Yates shuffle of the feature list.
        for (var k = 0; k < _featuresPerSplit && _featuresPerSplit < columns; k++)
        {
            var j = k + _rng.Next(columns - k);
            (_features[k], _features[j]) = (_features[j], _features[k]);
        }

        for (var k = 0; k < _featuresPerSplit; k++)
        {
            var f = _features[k];
            var bins = _bins.BinCount(f);
            if (bins < 2) continue;
            Array.Clear(_sum, 0, bins);
            Array.Clear(_count, 0, bins);
            for (var i = start; i < end; i++)
            {
                var r = rows[i];
                var b = codes[r * columns + f];
                _sum[b] += _y[r];
                _count[b]++;
            }

            double leftSum = 0;
            var leftCount = 0;
            for (var b = 0; b < bins - 1; b++)
            {
                leftSum += _sum[b];
                leftCount += _count[b];
                if (leftCount < _settings.MinLeaf) continue;
                var rightCount = n - leftCount;
                if (rightCount < _settings.MinLeaf) break;
                if (_count[b] == 0) continue;
                var rightSum = total - leftSum;
                var gain = leftSum * leftSum / leftCount + rightSum * rightSum / rightCount - parentScore;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestFeature = f;
                    bestBin = b;
                }
            }
        }

        return bestFeature >= 0;
    }

    private int Partition(int[] rows, int start, int end, int feature, int bin)
    {
        var codes = _bins.Codes;
        var columns = _bins.Columns;
        int i = start, j = end - 1;
        while (i <= j)
        {
            if (codes[rows[i] * columns + feature] <= bin) i++;
            else
            {
                (rows[i], rows[j]) = (rows[j], rows[i]);
                j--;
            }
        }

        return i;
    }
}
