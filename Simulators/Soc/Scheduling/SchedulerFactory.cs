namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>A fresh scheduler instance per run for each built-in <see cref="SchedulerKind"/>.</summary>
public static class SchedulerFactory
{
    public static IScheduler Create(SchedulerKind kind) => kind switch
    {
        SchedulerKind.Met => new MetScheduler(),
        SchedulerKind.Etf => new EtfScheduler(),
        SchedulerKind.Eft => new EftScheduler(),
        SchedulerKind.Stf => new StfScheduler(),
        SchedulerKind.Heft => new HeftScheduler(),
        SchedulerKind.HeftRt => new HeftRtScheduler(),
        SchedulerKind.Random => new RandomScheduler(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the Policy scheduler is driven through SocSimulation.Decide"),
    };
}
