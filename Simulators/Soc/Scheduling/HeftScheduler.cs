using ArchGym.Simulators.Soc.Scheduling.Heft;

namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// Static HEFT per job: when a job arrives its whole DAG is planned (upward rank, insertion-based EFT,
/// Topcuoglu et al. 2002) onto PE timelines shared by all planned jobs; each task later runs on its planned PE.
/// </summary>
public sealed class HeftScheduler : IScheduler
{
    private readonly List<int> _ready = [];
    private readonly Dictionary<int, PlannedTask> _plan = [];
    private PeTimeline[] _timelines = [];
    private double[] _slowdown = [];

    public string Name => "HEFT";

    public void OnJobInjected(SchedulingContext context, int job)
    {
        var sim = context.Simulation;
        var soc = sim.Platform;
        if (_timelines.Length != soc.PeCount)
        {
            _timelines = Enumerable.Range(0, soc.PeCount).Select(_ => new PeTimeline()).ToArray();
            _slowdown = Enumerable.Range(0, soc.PeCount).Select(pe => soc.Clusters[soc.ClusterOf(pe)].Slowdown).ToArray();
        }
        foreach (var line in _timelines) line.Prune(sim.NowUs);
        var plan = HeftPlanner.Plan(sim.JobGraphOf(job), soc, _slowdown, _timelines, sim.NowUs);
        foreach (var p in plan) _plan[sim.TaskHandle(job, p.TaskId)] = p;
    }

    public void Schedule(SchedulingContext context)
    {
        context.CopyReadyTasks(_ready);
        foreach (var task in _ready)
        {
            _plan.Remove(task, out var planned);
            context.Assign(task, planned.Pe, planned.FinishUs);
        }
    }
}
