namespace ArchGym.Simulators.Soc.Platform;

/// <summary>
/// A SoC file's data at cluster level, before DS3 expands clusters into cores: execution time per task and cluster
/// (+inf when unsupported) and the <c>comm_band</c> table between clusters (NaN where no line was given), plus
/// <c>comm_band_self</c> (NaN for DS3Gym files, whose comm_band lines set a core's own pair directly). Kept so a
/// platform can be rebuilt with other core counts.
/// </summary>
internal sealed class ClusterTables
{
    public ClusterTables(Dictionary<string, double[]> execUs, double[] bandwidth, double selfBandwidth)
    {
        ExecUs = execUs;
        Bandwidth = bandwidth;
        SelfBandwidth = selfBandwidth;
    }

    public Dictionary<string, double[]> ExecUs { get; }
    public double[] Bandwidth { get; }
    public double SelfBandwidth { get; }

    /// <summary>
    /// DS3's PE x PE matrix (DASH_SoC_parser): a listed cluster pair fills every core pair with its bandwidth, the same
    /// core getting comm_band_self (DS3Gym: the listed value itself); unlisted pairs keep numpy's initial 1.
    /// </summary>
    public double[] ExpandBandwidth(IReadOnlyList<Cluster> clusters, int pes)
    {
        var c = clusters.Count;
        var band = new double[pes * pes];
        foreach (var a in clusters)
            foreach (var b in clusters)
            {
                var bw = Bandwidth[a.Id * c + b.Id];
                for (var i = a.FirstPe; i < a.FirstPe + a.Capacity; i++)
                    for (var j = b.FirstPe; j < b.FirstPe + b.Capacity; j++)
                        band[i * pes + j] = double.IsNaN(bw) ? 1 : i == j && !double.IsNaN(SelfBandwidth) ? SelfBandwidth : bw;
            }
        return band;
    }

    /// <summary>Per-PE execution rows from the per-cluster table.</summary>
    public Dictionary<string, double[]> ExpandExecution(IReadOnlyList<Cluster> clusters, int pes)
    {
        var table = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (task, byCluster) in ExecUs)
        {
            var times = new double[pes];
            foreach (var cl in clusters)
                for (var k = 0; k < cl.Capacity; k++) times[cl.FirstPe + k] = byCluster[cl.Id];
            table[task] = times;
        }
        return table;
    }
}
