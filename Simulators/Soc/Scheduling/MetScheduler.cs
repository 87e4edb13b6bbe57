namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3 MET (scheduler.MET): each ready task, in list order, to a PE of minimum table execution time. With several
/// such PEs DS3 means to drop the busy ones when some are idle, but its loop removes, once per busy PE, the element at
/// the first busy PE's position of the shrinking list: a contiguous run of k candidates starting at the first busy
/// one (k = number busy), which can keep a busy PE and drop an idle one. Reproduced as is. Then the candidate given
/// fewest tasks in this pass wins (first on ties). Ignores queueing and communication.
/// </summary>
public sealed class MetScheduler : IScheduler
{
    private readonly List<int> _ready = [];
    private readonly List<int> _candidates = [];
    private int[] _assigned = [];

    public string Name => "MET";

    public void Schedule(SchedulingContext context)
    {
        var sim = context.Simulation;
        var pes = sim.Platform.PeCount;
        if (_assigned.Length != pes) _assigned = new int[pes];
        Array.Clear(_assigned);
        context.CopyReadyTasks(_ready);
        foreach (var task in _ready)
        {
            var best = double.PositiveInfinity;
            for (var pe = 0; pe < pes; pe++) best = Math.Min(best, sim.ExecutionTimeUs(task, pe));
            _candidates.Clear();
            int busy = 0, firstBusy = -1;
            for (var pe = 0; pe < pes; pe++)
            {
                if (sim.ExecutionTimeUs(task, pe) != best) continue;
                if (sim.IsPeBusy(pe)) { busy++; if (firstBusy < 0) firstBusy = _candidates.Count; }
                _candidates.Add(pe);
            }
            if (busy > 0 && busy < _candidates.Count) _candidates.RemoveRange(firstBusy, busy);
            var choice = _candidates[0];
            foreach (var pe in _candidates)
                if (_assigned[pe] < _assigned[choice]) choice = pe;
            _assigned[choice]++;
            context.Assign(task, choice);
        }
    }
}
