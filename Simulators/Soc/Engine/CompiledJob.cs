using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Scheduling.Heft;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc.Engine;

/// <summary>
/// A job graph resolved against a platform once per run: per-task execution rows (DVFS slowdown applied, DS3
/// t_max_freq * f_max / f), mean execution time over supporting PEs, upward rank, and edges as flat arrays.
/// </summary>
internal sealed class CompiledJob
{
    public CompiledJob(JobGraph graph, SocPlatform soc)
    {
        Graph = graph;
        var n = graph.Tasks.Count;
        ExecUs = new double[n][];
        MeanExecUs = new double[n];
        Predecessors = new int[n][];
        PredecessorVolumes = new double[n][];
        Successors = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var row = soc.ExecutionTimesUs(graph.Tasks[i].Name)!;
            ExecUs[i] = new double[soc.PeCount];
            for (var pe = 0; pe < soc.PeCount; pe++) ExecUs[i][pe] = row[pe] * soc.Slowdown(pe);
            MeanExecUs[i] = HeftPlanner.MeanExecution(soc, graph.Tasks[i].Name);
            Predecessors[i] = [.. graph.Tasks[i].Predecessors];
            PredecessorVolumes[i] = new double[Predecessors[i].Length];
            for (var k = 0; k < Predecessors[i].Length; k++) PredecessorVolumes[i][k] = graph.PredecessorVolume(i, k);
            Successors[i] = [.. graph.Successors(i)];
        }
        CommUs = CommunicationTable(soc, PredecessorVolumes);
        UpwardRankUs = HeftPlanner.UpwardRanks(graph, soc);
        TotalMeanWorkUs = MeanExecUs.Sum();
    }

    public JobGraph Graph { get; }
    public double[][] ExecUs { get; }
    public double[] MeanExecUs { get; }
    public double[] UpwardRankUs { get; }
    public double TotalMeanWorkUs { get; }
    public int[][] Predecessors { get; }
    public double[][] PredecessorVolumes { get; }
    public int[][] Successors { get; }

    /// <summary>
    /// DS3's int(vol / bw) per task, predecessor k and cluster pair, [task][k][src * C + dst] between distinct cores,
    /// then [task][k][C * C + cluster] for producer and consumer on the same core (all cores of a cluster pair share
    /// one bandwidth in DASH_SoC_parser's expansion).
    /// </summary>
    public double[][][] CommUs { get; }

    private static double[][][] CommunicationTable(SocPlatform soc, double[][] volumes)
    {
        var c = soc.Clusters.Count;
        var table = new double[volumes.Length][][];
        for (var i = 0; i < volumes.Length; i++)
        {
            table[i] = new double[volumes[i].Length][];
            for (var k = 0; k < volumes[i].Length; k++)
            {
                var row = table[i][k] = new double[c * c + c];
                for (var a = 0; a < c; a++)
                {
                    var src = soc.Clusters[a].FirstPe;
                    row[c * c + a] = soc.CommunicationTimeUs(volumes[i][k], src, src);
                    for (var b = 0; b < c; b++)
                    {
                        var dst = soc.Clusters[b].FirstPe;
                        if (dst == src && soc.Clusters[b].Capacity > 1) dst++;
                        row[a * c + b] = soc.CommunicationTimeUs(volumes[i][k], src, dst);
                    }
                }
            }
        }
        return table;
    }
}
