namespace ArchGym.Agents.Bayesian;

/// <summary>
/// Which observations an exact GP keeps once there are too many (O(n³) fitting, O(n²) prediction):
/// the best half by target — the region the search exploits — and, for global shape, the other half
/// spread evenly over the remaining observations in the order they were made. Deterministic.
/// </summary>
public static class SubsetSelection
{
    /// <summary>Indices (ascending) of at most <paramref name="cap"/> of the <paramref name="targets"/>.</summary>
    public static int[] BestAndSpread(IReadOnlyList<double> targets, int cap)
    {
        var n = targets.Count;
        if (n <= cap) return Enumerable.Range(0, n).ToArray();
        var byTarget = Enumerable.Range(0, n).OrderByDescending(i => targets[i]).ThenBy(i => i).ToArray();
        var bestCount = cap / 2;
        var chosen = new bool[n];
        for (var k = 0; k < bestCount; k++) chosen[byTarget[k]] = true;
        var rest = Enumerable.Range(0, n).Where(i => !chosen[i]).ToArray();
        var spread = cap - bestCount;
        for (var k = 0; k < spread; k++) chosen[rest[(int)((long)k * rest.Length / spread)]] = true;
        return Enumerable.Range(0, n).Where(i => chosen[i]).ToArray();
    }
}
