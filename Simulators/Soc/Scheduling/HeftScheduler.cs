using ArchGym.Simulators.Soc.Scheduling.Heft;

namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// Static HEFT per job: when a job arrives its whole DAG is planned (upward rank, insertion-based EFT, Topcuoglu et
/// al. 2002) onto PE timelines shared by all planned jobs; each task later runs on its planned PE, after the task
/// planned just before it there (plan order enforced, as DS3Gym does with the heft package's dynamic dependencies).
/// </summary>
public sealed class HeftScheduler : IScheduler
{
    private readonly List<int> _ready = [];
    private readonly Dictionary<int, (int Pe, double FinishUs, int Dependency)> _plan = [];
    private PeTimeline[] _timelines = [];

    public string Name => "HEFT";

    public void OnJobInjected(SchedulingContext context, int job)
    {
        var sim = context.Simulation;
        var soc = sim.Platform;
        if (_timelines.Length != soc.PeCount) _timelines = Enumerable.Range(0, soc.PeCount).Select(_ => new PeTimeline()).ToArray();
        foreach (var line in _timelines) line.Prune(sim.NowUs);
        var first = sim.TaskHandle(job, 0);
        var plan = HeftPlanner.Plan(sim.JobGraphOf(job), soc, _timelines, sim.NowUs, first, sim.UpwardRanksUs(job));
        foreach (var p in plan)
            _plan[first + p.TaskId] = (p.Pe, p.FinishUs, _timelines[p.Pe].OwnerBefore(p.StartUs, first + p.TaskId));
    }

    public void Schedule(SchedulingContext context)
    {
        context.CopyReadyTasks(_ready);
        foreach (var task in _ready)
        {
            _plan.Remove(task, out var planned);
            context.Assign(task, planned.Pe, planned.FinishUs, planned.Dependency);
        }
    }
}
