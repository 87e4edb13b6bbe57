namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3 ETF: over all (ready task, PE) pairs commit the one of globally earliest finish time, update that PE's
/// available time, and repeat until the ready list is empty (first task / lowest PE on ties).
/// </summary>
public sealed class EtfScheduler : IScheduler
{
    private readonly List<int> _ready = [];

    public string Name => "ETF";

    public void Schedule(SchedulingContext context)
    {
        var sim = context.Simulation;
        context.CopyReadyTasks(_ready);
        while (_ready.Count > 0)
        {
            int bestIndex = -1, bestPe = -1;
            var bestFinish = double.PositiveInfinity;
            for (var i = 0; i < _ready.Count; i++)
                for (var pe = 0; pe < sim.Platform.PeCount; pe++)
                {
                    if (double.IsPositiveInfinity(sim.ExecutionTimeUs(_ready[i], pe))) continue;
                    var finish = sim.EarliestFinishUs(_ready[i], pe);
                    if (finish < bestFinish) { bestFinish = finish; bestIndex = i; bestPe = pe; }
                }
            context.Assign(_ready[bestIndex], bestPe, bestFinish);
            _ready.RemoveAt(bestIndex);
        }
    }
}
