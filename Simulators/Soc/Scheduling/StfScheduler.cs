namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3 STF: repeatedly take the ready task with the shortest best-case execution time and give it the first PE
/// with that time (strict &lt;, no balancing among identical cores).
/// </summary>
public sealed class StfScheduler : IScheduler
{
    private readonly List<int> _ready = [];

    public string Name => "STF";

    public void Schedule(SchedulingContext context)
    {
        var sim = context.Simulation;
        context.CopyReadyTasks(_ready);
        while (_ready.Count > 0)
        {
            int bestIndex = -1, bestPe = -1;
            var bestTime = double.PositiveInfinity;
            for (var i = 0; i < _ready.Count; i++)
                for (var pe = 0; pe < sim.Platform.PeCount; pe++)
                {
                    var t = sim.ExecutionTimeUs(_ready[i], pe);
                    if (t < bestTime) { bestTime = t; bestIndex = i; bestPe = pe; }
                }
            context.Assign(_ready[bestIndex], bestPe);
            _ready.RemoveAt(bestIndex);
        }
    }
}
