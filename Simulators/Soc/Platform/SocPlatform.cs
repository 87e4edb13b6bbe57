namespace ArchGym.Simulators.Soc.Platform;

/// <summary>
/// A heterogeneous SoC as DS3 expands it: clusters -> one PE per core (consecutive ids), a per-PE execution-time
/// table (us at the maximum OPP), and a PE x PE bandwidth matrix (DS3 ResourceManager.comm_band). Immutable.
/// </summary>
public sealed class SocPlatform
{
    private readonly Dictionary<string, double[]> _execTimes;
    private readonly double[] _bandwidth;
    private readonly int[] _peCluster;
    private readonly double[] _slowdown;

    internal SocPlatform(string name, IReadOnlyList<Cluster> clusters, ClusterTables tables)
    {
        Name = name;
        Clusters = clusters;
        Tables = tables;
        PeCount = clusters.Sum(c => c.Capacity);
        _execTimes = tables.ExpandExecution(clusters, PeCount);
        _bandwidth = tables.ExpandBandwidth(clusters, PeCount);
        _peCluster = new int[PeCount];
        _slowdown = new double[PeCount];
        var names = new string[PeCount];
        foreach (var c in clusters)
            for (var k = 0; k < c.Capacity; k++)
            {
                _peCluster[c.FirstPe + k] = c.Id;
                _slowdown[c.FirstPe + k] = c.Slowdown;
                names[c.FirstPe + k] = $"{c.Name}_{c.FirstPe + k}";
            }
        PeNames = names;
        MemoryPe = clusters.LastOrDefault(c => c.IsMemory)?.FirstPe ?? -1;
    }

    internal ClusterTables Tables { get; }

    public string Name { get; }
    public IReadOnlyList<Cluster> Clusters { get; }
    public int PeCount { get; }

    /// <summary>DS3 names: "&lt;cluster name&gt;_&lt;PE id&gt;".</summary>
    public IReadOnlyList<string> PeNames { get; }

    /// <summary>The MEMORY PE used for shared-memory communication, or -1 when the SoC has none.</summary>
    public int MemoryPe { get; }

    public int ClusterOf(int pe) => _peCluster[pe];

    /// <summary>DVFS slowdown f_max / f of the PE's cluster (1 in performance mode).</summary>
    public double Slowdown(int pe) => _slowdown[pe];

    public IEnumerable<string> TaskNames => _execTimes.Keys;

    /// <summary>
    /// Execution time (us, at the maximum OPP) of a task on every PE; +inf where unsupported (all +inf when the SoC file
    /// lists the task but no remaining cluster runs it); null for tasks the SoC file does not list.
    /// </summary>
    public IReadOnlyList<double>? ExecutionTimesUs(string taskName) => _execTimes.GetValueOrDefault(taskName);

    /// <summary>Bandwidth from PE <paramref name="source"/> to PE <paramref name="destination"/> (volume units per us).</summary>
    public double Bandwidth(int source, int destination) => _bandwidth[source * PeCount + destination];

    /// <summary>DS3's comm time: int(volume / bandwidth) us (integer truncation as in DASH_Sim_core).</summary>
    public double CommunicationTimeUs(double volume, int source, int destination) =>
        volume <= 0 ? 0 : Math.Floor(volume / Bandwidth(source, destination));

    public override string ToString() => $"{Name} ({PeCount} PEs)";
}
