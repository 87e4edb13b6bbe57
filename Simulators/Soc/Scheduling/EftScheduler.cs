namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>DS3 EFT: ready tasks in list order, each to the PE minimising exec + max(comm wait, PE wait).</summary>
public sealed class EftScheduler : IScheduler
{
    private readonly List<int> _ready = [];

    public string Name => "EFT";

    public void Schedule(SchedulingContext context)
    {
        context.CopyReadyTasks(_ready);
        foreach (var task in _ready) context.Assign(task, context.Simulation.EarliestFinishPe(task));
    }
}
