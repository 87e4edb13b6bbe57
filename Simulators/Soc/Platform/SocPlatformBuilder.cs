using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Soc.Platform;

/// <summary>
/// Builds a platform from a base SoC with a chosen number of cores per cluster (the soc-v0 design knob), keeping the
/// base file's execution times, bandwidths, OPPs and power profiles. A count above the base cluster's capacity adds
/// further clusters of at most that capacity (DS3's power model assumes at most 4 cores per cluster and profiles
/// one power per active core); 0 removes the cluster. Cores of different copies talk at the base cluster's own
/// comm_band (1 when the file gives none, DS3's default). The MEMORY resource is always kept.
/// </summary>
public static class SocPlatformBuilder
{
    /// <summary>
    /// <paramref name="coresByCluster"/> maps base cluster names (e.g. A7, A15, MM, FFT, VIT for the DASH SoC) to core
    /// counts; clusters not named keep their count.
    /// </summary>
    public static SocPlatform WithCores(SocPlatform baseSoc, IReadOnlyDictionary<string, int> coresByCluster, string? name = null)
    {
        var byName = baseSoc.Clusters.Where(c => !c.IsMemory).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, count) in coresByCluster)
        {
            if (!byName.ContainsKey(key))
                throw new InvalidConfigException("cluster", key, $"a cluster of {baseSoc.Name}: {string.Join(", ", byName.Keys)}");
            if (count is < 0 or > MaxCoresPerType)
                throw new InvalidConfigException($"cores of {key}", count, $"0..{MaxCoresPerType}");
        }
        var clusters = new List<Cluster>();
        var origin = new List<int>();
        foreach (var c in baseSoc.Clusters)
        {
            var count = c.IsMemory ? c.Capacity : Lookup(coresByCluster, c.Name) ?? c.Capacity;
            for (var left = count; left > 0; left -= c.Capacity)
            {
                clusters.Add(c with { Id = clusters.Count, Capacity = Math.Min(left, c.Capacity), FirstPe = clusters.Sum(x => x.Capacity) });
                origin.Add(c.Id);
            }
        }
        if (clusters.All(c => c.IsMemory)) throw new InvalidConfigException("cores", "none", "at least one compute core");
        return new SocPlatform(name ?? baseSoc.Name + "+" + Describe(clusters), clusters, Remap(baseSoc, origin));
    }

    /// <summary>Upper bound on cores of one type, to keep design spaces finite.</summary>
    public const int MaxCoresPerType = 64;

    /// <summary>Cores per base cluster name of a platform (copies summed), e.g. to describe a design point.</summary>
    public static IReadOnlyDictionary<string, int> CoreCounts(SocPlatform soc) =>
        soc.Clusters.Where(c => !c.IsMemory).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Sum(c => c.Capacity));

    private static int? Lookup(IReadOnlyDictionary<string, int> counts, string name)
    {
        foreach (var (k, v) in counts) if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    private static ClusterTables Remap(SocPlatform baseSoc, List<int> origin)
    {
        var baseTables = baseSoc.Tables;
        int n = origin.Count, m = baseSoc.Clusters.Count;
        var exec = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (task, row) in baseTables.ExecUs) exec[task] = origin.Select(o => row[o]).ToArray();
        var band = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
            {
                var bw = baseTables.Bandwidth[origin[a] * m + origin[b]];
                // Distinct copies of one base cluster: its own comm_band if usable between distinct cores, else DS3's 1.
                band[a * n + b] = a != b && origin[a] == origin[b] && !(bw > 0) ? 1 : bw;
            }
        return new ClusterTables(exec, band, baseTables.SelfBandwidth);
    }

    private static string Describe(List<Cluster> clusters) =>
        string.Join(",", clusters.Where(c => !c.IsMemory).GroupBy(c => c.Name).Select(g => $"{g.Key}x{g.Sum(c => c.Capacity)}"));
}
