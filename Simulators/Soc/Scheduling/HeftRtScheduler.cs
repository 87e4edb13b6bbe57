using ArchGym.Simulators.Soc.Scheduling.Heft;

namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>
/// DS3Gym HEFT_RT: at each decision, HEFT over the ready set joined by a zero-cost entry/exit (so rank_u = mean
/// execution time), with each PE's timeline seeded busy until its committed available time, tasks placed in
/// decreasing rank by insertion-based earliest finish time (Topcuoglu et al. 2002).
/// </summary>
public sealed class HeftRtScheduler : IScheduler
{
    private readonly List<int> _ready = [];
    private readonly List<(double Rank, int Order, int Task)> _ranked = [];

    public string Name => "HEFT_RT";

    public void Schedule(SchedulingContext context)
    {
        var sim = context.Simulation;
        var pes = sim.Platform.PeCount;
        context.CopyReadyTasks(_ready);
        _ranked.Clear();
        for (var i = 0; i < _ready.Count; i++)
        {
            double sum = 0;
            var count = 0;
            for (var pe = 0; pe < pes; pe++)
            {
                var t = sim.ExecutionTimeUs(_ready[i], pe);
                if (!double.IsPositiveInfinity(t)) { sum += t; count++; }
            }
            _ranked.Add((-sum / count, i, _ready[i]));
        }
        _ranked.Sort();
        var timelines = new PeTimeline[pes];
        for (var pe = 0; pe < pes; pe++)
        {
            timelines[pe] = new PeTimeline();
            if (sim.PeAvailableUs(pe) > sim.NowUs || sim.IsPeBusy(pe))
                timelines[pe].Reserve(sim.NowUs, Math.Max(sim.PeAvailableUs(pe), sim.NowUs));
        }
        foreach (var (_, _, task) in _ranked)
        {
            int bestPe = -1;
            double bestStart = 0, bestFinish = double.PositiveInfinity;
            for (var pe = 0; pe < pes; pe++)
            {
                var exec = sim.ExecutionTimeUs(task, pe);
                if (double.IsPositiveInfinity(exec)) continue;
                var start = timelines[pe].EarliestStart(sim.DataReadyUs(task, pe), exec);
                if (start + exec < bestFinish) { bestFinish = start + exec; bestStart = start; bestPe = pe; }
            }
            timelines[bestPe].Reserve(bestStart, bestFinish);
            context.Assign(task, bestPe, Math.Max(bestFinish, sim.PeAvailableUs(bestPe)));
        }
    }
}
