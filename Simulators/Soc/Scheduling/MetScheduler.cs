namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3 MET: each ready task to a PE of minimum execution time; among equal PEs prefer idle ones, then the PE given
/// fewest tasks in this pass. Ignores queueing and communication.
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
            var anyIdle = false;
            for (var pe = 0; pe < pes; pe++)
                if (sim.ExecutionTimeUs(task, pe) == best) { _candidates.Add(pe); anyIdle |= !sim.IsPeBusy(pe); }
            var choice = -1;
            foreach (var pe in _candidates)
            {
                if (anyIdle && sim.IsPeBusy(pe)) continue;
                if (choice < 0 || _assigned[pe] < _assigned[choice]) choice = pe;
            }
            _assigned[choice]++;
            context.Assign(task, choice);
        }
    }
}
