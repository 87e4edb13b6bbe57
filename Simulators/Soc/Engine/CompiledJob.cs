using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc.Engine;

/// <summary>A job graph resolved against a platform once per run: per-task execution rows (with DVFS slowdown) and edges as arrays.</summary>
internal sealed class CompiledJob
{
    public CompiledJob(JobGraph graph, SocPlatform soc, double[] slowdown)
    {
        Graph = graph;
        var n = graph.Tasks.Count;
        ExecUs = new double[n][];
        Predecessors = new int[n][];
        PredecessorVolumes = new double[n][];
        Successors = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var row = soc.ExecutionTimesUs(graph.Tasks[i].Name)!;
            ExecUs[i] = new double[soc.PeCount];
            for (var pe = 0; pe < soc.PeCount; pe++) ExecUs[i][pe] = row[pe] * slowdown[pe]; // DS3: t_max_freq * f_max / f
            Predecessors[i] = graph.Tasks[i].Predecessors.ToArray();
            PredecessorVolumes[i] = Enumerable.Range(0, Predecessors[i].Length).Select(k => graph.PredecessorVolume(i, k)).ToArray();
            Successors[i] = graph.Successors(i).ToArray();
        }
    }

    public JobGraph Graph { get; }
    public double[][] ExecUs { get; }
    public int[][] Predecessors { get; }
    public double[][] PredecessorVolumes { get; }
    public int[][] Successors { get; }
}
