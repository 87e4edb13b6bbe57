using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Soc.Scheduling.Heft;

/// <summary>One task's place in a HEFT plan.</summary>
public readonly record struct PlannedTask(int TaskId, int Pe, double StartUs, double FinishUs, double UpwardRank);

/// <summary>
/// Static HEFT (Topcuoglu, Hariri, Wu 2002): rank_u(i) = w̄_i + max_succ (c̄_ij + rank_u(j)), w̄ the mean execution
/// time over the PEs that support the task, c̄_ij = data_ij / B̄ with B̄ the mean bandwidth between distinct compute
/// PEs (the paper's average transfer rate, zero startup). Tasks in decreasing rank go to the PE of earliest finish
/// time, inserting into idle gaps. Actual comm times are DS3's int(vol / bw).
/// </summary>
public static class HeftPlanner
{
    public static double[] UpwardRanks(JobGraph graph, SocPlatform soc)
    {
        var n = graph.Tasks.Count;
        var meanBandwidth = MeanBandwidth(soc);
        var rank = new double[n];
        var order = TopologicalOrder.Of(graph)!;
        for (var k = n - 1; k >= 0; k--)
        {
            var i = order[k];
            var best = 0.0;
            foreach (var j in graph.Successors(i))
                best = Math.Max(best, graph.Volume(i, j) / meanBandwidth + rank[j]);
            rank[i] = MeanExecution(soc, graph.Tasks[i].Name) + best;
        }
        return rank;
    }

    /// <summary>
    /// Plans one job released at <paramref name="releaseUs"/> onto <paramref name="timelines"/> (which it reserves,
    /// owner = <paramref name="ownerBase"/> + task id). Ties: higher rank first, then lower id; lower PE id.
    /// </summary>
    public static PlannedTask[] Plan(JobGraph graph, SocPlatform soc, PeTimeline[] timelines, double releaseUs, int ownerBase = 0,
        IReadOnlyList<double>? upwardRanks = null)
    {
        var rank = upwardRanks ?? UpwardRanks(graph, soc);
        var order = PriorityOrder(rank);
        var plan = new PlannedTask[graph.Tasks.Count];
        foreach (var i in order)
        {
            var task = graph.Tasks[i];
            var exec = soc.ExecutionTimesUs(task.Name)!;
            PlannedTask best = new(i, -1, 0, double.PositiveInfinity, rank[i]);
            for (var pe = 0; pe < soc.PeCount; pe++)
            {
                if (double.IsPositiveInfinity(exec[pe])) continue;
                var duration = exec[pe] * soc.Slowdown(pe);
                var ready = releaseUs;
                for (var k = 0; k < task.Predecessors.Count; k++)
                {
                    var p = plan[task.Predecessors[k]];
                    ready = Math.Max(ready, p.FinishUs + soc.CommunicationTimeUs(graph.PredecessorVolume(i, k), p.Pe, pe));
                }
                var start = timelines[pe].EarliestStart(ready, duration);
                if (start + duration < best.FinishUs) best = new PlannedTask(i, pe, start, start + duration, rank[i]);
            }
            timelines[best.Pe].Reserve(best.StartUs, best.FinishUs, ownerBase + i);
            plan[i] = best;
        }
        return plan;
    }

    /// <summary>Task ids by decreasing upward rank, lower id first on ties (HEFT's priority list).</summary>
    public static int[] PriorityOrder(IReadOnlyList<double> rank)
    {
        var order = Enumerable.Range(0, rank.Count).ToArray();
        Array.Sort(order, (a, b) => rank[a] != rank[b] ? rank[b].CompareTo(rank[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>w̄: mean execution time (DVFS slowdown applied) over the PEs that support <paramref name="taskName"/>.</summary>
    public static double MeanExecution(SocPlatform soc, string taskName)
    {
        var exec = soc.ExecutionTimesUs(taskName)!;
        double sum = 0;
        var count = 0;
        for (var pe = 0; pe < exec.Count; pe++)
            if (!double.IsPositiveInfinity(exec[pe])) { sum += exec[pe] * soc.Slowdown(pe); count++; }
        return count == 0 ? double.PositiveInfinity : sum / count;
    }

    /// <summary>B̄: mean bandwidth over ordered pairs of distinct compute PEs (MEMORY excluded).</summary>
    public static double MeanBandwidth(SocPlatform soc)
    {
        double sum = 0;
        var count = 0;
        for (var a = 0; a < soc.PeCount; a++)
            for (var b = 0; b < soc.PeCount; b++)
                if (a != b && a != soc.MemoryPe && b != soc.MemoryPe) { sum += soc.Bandwidth(a, b); count++; }
        return count == 0 ? double.PositiveInfinity : sum / count;
    }
}
