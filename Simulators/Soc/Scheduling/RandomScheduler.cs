namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3Gym's random baseline: a uniformly drawn PE per ready task. Unlike DS3Gym (np.random.randint over all PEs)
/// the draw is among the PEs that support the task, so it is valid on heterogeneous SoCs too.
/// </summary>
public sealed class RandomScheduler : IScheduler
{
    private readonly List<int> _ready = [];
    private readonly List<int> _supporting = [];

    public string Name => "Random";

    public void Schedule(SchedulingContext context)
    {
        var sim = context.Simulation;
        context.CopyReadyTasks(_ready);
        foreach (var task in _ready)
        {
            _supporting.Clear();
            for (var pe = 0; pe < sim.Platform.PeCount; pe++)
                if (!double.IsPositiveInfinity(sim.ExecutionTimeUs(task, pe))) _supporting.Add(pe);
            context.Assign(task, _supporting[context.Rng.Next(_supporting.Count)]);
        }
    }
}
