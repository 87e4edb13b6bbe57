namespace ArchGym.Agents.Nsga2;

/// <summary>
/// NSGA-II's crowding distance (Deb et al. 2002): per member of one front, the sum over objectives of
/// the normalised gap between its two neighbours along that objective; the extremes get infinity so
/// the front's ends are always kept. It prefers members in sparse parts of the front.
/// </summary>
public static class CrowdingDistance
{
    /// <summary>Writes the distance of each <paramref name="front"/> member (indices into <paramref name="points"/>) into <paramref name="distance"/>.</summary>
    public static void Assign(IReadOnlyList<double[]> points, IReadOnlyList<int> front, double[] distance)
    {
        foreach (var i in front) distance[i] = 0;
        if (front.Count <= 2)
        {
            foreach (var i in front) distance[i] = double.PositiveInfinity;
            return;
        }

        var order = front.ToArray();
        for (var m = 0; m < points[front[0]].Length; m++)
        {
            var objective = m;
            Array.Sort(order, (a, b) => points[a][objective].CompareTo(points[b][objective]) is var c && c != 0 ? c : a.CompareTo(b));
            var lo = points[order[0]][m];
            var hi = points[order[^1]][m];
            distance[order[0]] = distance[order[^1]] = double.PositiveInfinity;
            if (hi - lo <= 0) continue;
            for (var k = 1; k < order.Length - 1; k++) distance[order[k]] += (points[order[k + 1]][m] - points[order[k - 1]][m]) / (hi - lo);
        }
    }
}
