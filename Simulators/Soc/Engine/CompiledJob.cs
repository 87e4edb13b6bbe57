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
}
