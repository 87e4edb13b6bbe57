using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc.Scheduling.Heft;

/// <summary>One task's place in a HEFT plan.</summary>
public readonly record struct PlannedTask(int TaskId, int Pe, double StartUs, double FinishUs, double UpwardRank);

/// <summary>
/// Static HEFT (Topcuoglu, Hariri, Wu 2002): upward rank rank_u(i) = w̄_i + max_succ (c̄_ij + rank_u(j)) with w̄ the mean
/// execution time over the PEs that support the task and c̄ the mean comm time over distinct PE pairs; tasks in
/// decreasing rank go to the PE of earliest finish time, inserting into idle gaps. Comm times are DS3's int(vol/bw).
/// </summary>
public static class HeftPlanner
{
    public static double[] UpwardRanks(JobGraph graph, SocPlatform soc, double[] slowdown)
    {
        var n = graph.Tasks.Count;
        var meanExec = new double[n];
        for (var i = 0; i < n; i++) meanExec[i] = MeanExecution(soc, graph.Tasks[i].Name, slowdown);
        var meanInverseBandwidth = MeanInverseBandwidth(soc);
        var rank = new double[n];
        var order = TopologicalOrder.Of(graph)!;
        for (var k = n - 1; k >= 0; k--)
        {
            var i = order[k];
            var best = 0.0;
            foreach (var j in graph.Successors(i))
                best = Math.Max(best, graph.Volume(i, j) * meanInverseBandwidth + rank[j]);
            rank[i] = meanExec[i] + best;
        }
        return rank;
    }

    /// <summary>Plans one job released at <paramref name="releaseUs"/> onto <paramref name="timelines"/> (which it reserves).</summary>
    public static PlannedTask[] Plan(JobGraph graph, SocPlatform soc, double[] slowdown, PeTimeline[] timelines, double releaseUs)
    {
        var rank = UpwardRanks(graph, soc, slowdown);
        var order = Enumerable.Range(0, graph.Tasks.Count).OrderByDescending(i => rank[i]).ThenBy(i => i).ToArray();
        var plan = new PlannedTask[graph.Tasks.Count];
        foreach (var i in order)
        {
            var task = graph.Tasks[i];
            var exec = soc.ExecutionTimesUs(task.Name)!;
            PlannedTask best = new(i, -1, 0, double.PositiveInfinity, rank[i]);
            for (var pe = 0; pe < soc.PeCount; pe++)
            {
                if (double.IsPositiveInfinity(exec[pe])) continue;
                var duration = exec[pe] * slowdown[pe];
                var ready = releaseUs;
                for (var k = 0; k < task.Predecessors.Count; k++)
                {
                    var p = plan[task.Predecessors[k]];
                    ready = Math.Max(ready, p.FinishUs + soc.CommunicationTimeUs(graph.PredecessorVolume(i, k), p.Pe, pe));
                }
                var start = timelines[pe].EarliestStart(ready, duration);
                if (start + duration < best.FinishUs) best = new PlannedTask(i, pe, start, start + duration, rank[i]);
            }
            timelines[best.Pe].Reserve(best.StartUs, best.FinishUs);
            plan[i] = best;
        }
        return plan;
    }

    internal static double MeanExecution(SocPlatform soc, string taskName, double[] slowdown)
    {
        var exec = soc.ExecutionTimesUs(taskName)!;
        double sum = 0;
        var count = 0;
        for (var pe = 0; pe < exec.Count; pe++)
            if (!double.IsPositiveInfinity(exec[pe])) { sum += exec[pe] * slowdown[pe]; count++; }
        return sum / count;
    }

    /// <summary>Mean of 1/bandwidth over ordered pairs of distinct compute PEs (the paper's c̄ with zero startup).</summary>
    internal static double MeanInverseBandwidth(SocPlatform soc)
    {
        double sum = 0;
        var count = 0;
        for (var a = 0; a < soc.PeCount; a++)
            for (var b = 0; b < soc.PeCount; b++)
                if (a != b && a != soc.MemoryPe && b != soc.MemoryPe) { sum += 1.0 / soc.Bandwidth(a, b); count++; }
        return count == 0 ? 0 : sum / count;
    }
}
