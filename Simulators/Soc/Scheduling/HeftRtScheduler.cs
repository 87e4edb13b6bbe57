namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3Gym HEFT_RT (list_sched.HEFT_RT on Mack's heft package): at each decision, HEFT over the ready tasks joined by
/// a zero-cost common entry/exit, so rank_u = mean table execution time and every task is ready when the entry ends.
/// Each PE's timeline is seeded with its running task [start, start + exec] followed back to back by its queued tasks
/// (from now when idle), so there are no gaps to insert into: tasks in decreasing rank go to the PE of earliest
/// finish max(entry end, timeline end) + exec. The plan's order is enforced: a task may not start before the task
/// planned just before it on its PE has finished (the package's dynamic dependencies). Ties keep ready-list order,
/// except that schedule_dag swaps the entry node (sorted right after the tasks tied for the top rank) to the front,
/// which moves the first of those tasks behind the others.
/// </summary>
public sealed class HeftRtScheduler : IScheduler
{
    private readonly List<int> _order = [];
    private double[] _rank = [];
    private double[] _chainEnd = [];
    private int[] _chainLast = [];

    public string Name => "HEFT_RT";

    public void Schedule(SchedulingContext context)
    {
        var sim = context.Simulation;
        var pes = sim.Platform.PeCount;
        if (_chainEnd.Length != pes) { _chainEnd = new double[pes]; _chainLast = new int[pes]; }
        var entryEnd = SeedTimelines(sim, pes);
        RankReadyTasks(sim);
        foreach (var task in _order)
        {
            var bestPe = -1;
            var bestFinish = double.PositiveInfinity;
            for (var pe = 0; pe < pes; pe++)
            {
                var exec = sim.ExecutionTimeUs(task, pe);
                if (double.IsPositiveInfinity(exec)) continue;
                var finish = Math.Max(entryEnd, _chainEnd[pe]) + exec;
                if (finish < bestFinish) { bestFinish = finish; bestPe = pe; }
            }
            var previous = _chainLast[bestPe];
            var dependency = previous >= 0 && sim.ExecutionTimeUs(previous, bestPe) > 0 ? previous : -1;
            _chainEnd[bestPe] = bestFinish;
            _chainLast[bestPe] = task;
            context.Assign(task, bestPe, Math.Max(bestFinish, sim.PeAvailableUs(bestPe)), dependency);
        }
    }

    /// <summary>Sets each PE's timeline end and last task; returns when the zero-cost entry ends (now if some PE is empty).</summary>
    private double SeedTimelines(SocSimulation sim, int pes)
    {
        var now = sim.NowUs;
        var entryEnd = double.PositiveInfinity;
        for (var pe = 0; pe < pes; pe++)
        {
            var running = sim.PeRunningTask(pe);
            var queue = sim.PeQueue(pe);
            var end = running >= 0 ? sim.PeBusyUntilUs(pe) : now;
            // A zero-length entry fits after the first interval of a non-empty timeline, at now on an empty one.
            entryEnd = Math.Min(entryEnd, running >= 0 || queue.Count == 0 ? end : now + sim.ExecutionTimeUs(queue[0], pe));
            _chainLast[pe] = running;
            for (var i = 0; i < queue.Count; i++)
            {
                end += sim.ExecutionTimeUs(queue[i], pe);
                _chainLast[pe] = queue[i];
            }
            _chainEnd[pe] = end;
        }
        return Math.Max(now, entryEnd);
    }

    /// <summary>Ready tasks by decreasing mean execution time (stable), then schedule_dag's entry swap.</summary>
    private void RankReadyTasks(SocSimulation sim)
    {
        var ready = sim.ReadyTasks;
        var n = ready.Count;
        if (_rank.Length < n) _rank = new double[Math.Max(n, 2 * _rank.Length)];
        _order.Clear();
        for (var i = 0; i < n; i++)
        {
            var rank = sim.Describe(ready[i]).MeanExecutionUs;
            var at = i;
            while (at > 0 && _rank[at - 1] < rank) { _rank[at] = _rank[at - 1]; at--; }
            _rank[at] = rank;
            _order.Insert(at, ready[i]);
        }
        var tied = 1;
        while (tied < n && _rank[tied] == _rank[0]) tied++;
        if (tied > 1)
        {
            var first = _order[0];
            _order.RemoveAt(0);
            _order.Insert(tied - 1, first);
        }
    }
}
