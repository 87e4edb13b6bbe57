using ArchGym.Simulators.Soc;

namespace ArchGym.Environments.Soc;

/// <summary>
/// The observation layout of <c>soc-sched-v0</c>, fixed per environment: <c>slots x 9</c> ready-task features, then
/// <c>PEs x 3</c> PE features, then 3 global features. Times are in ms (us / <see cref="TimeScaleUs"/>) so values
/// stay near 0..10; empty slots are zeros (and masked).
/// <list type="bullet">
/// <item>task (DeepSoCS node features and friends): wait, job age, mean execution time w̄, HEFT upward rank, job's
///   remaining work, job's remaining task fraction, earliest-finish delay (EFT PE's finish - now), fastest execution
///   time, application index / (applications - 1).</item>
/// <item>PE: running task's remaining time, committed time (the schedulers' available-time estimate - now), queued tasks.</item>
/// <item>global: jobs in system / max in flight, ready tasks / slots (above 1 when the ready list overflows), now / length.</item>
/// </list>
/// </summary>
public static class SchedulingFeatures
{
    public const double TimeScaleUs = 1000;

    public static IReadOnlyList<string> TaskFeatures { get; } =
        ["wait_ms", "job_age_ms", "mean_exec_ms", "upward_rank_ms", "job_remaining_work_ms", "job_remaining_task_fraction",
         "eft_delay_ms", "min_exec_ms", "application"];

    public static IReadOnlyList<string> PeFeatures { get; } = ["busy_ms", "committed_ms", "queued_tasks"];

    public static IReadOnlyList<string> GlobalFeatures { get; } = ["jobs_in_system_fraction", "ready_per_slot", "time_fraction"];

    /// <summary>Index of the upward rank inside a slot's features (for rank-based baselines).</summary>
    public const int UpwardRankFeature = 3;

    public static int Length(int slots, int pes) => slots * TaskFeatures.Count + pes * PeFeatures.Count + GlobalFeatures.Count;

    /// <summary>Feature names in vector order, e.g. <c>task3.upward_rank_ms</c>, <c>pe0.busy_ms</c>.</summary>
    public static IReadOnlyList<string> Names(int slots, int pes) =>
    [
        .. Enumerable.Range(0, slots).SelectMany(s => TaskFeatures.Select(f => $"task{s}.{f}")),
        .. Enumerable.Range(0, pes).SelectMany(p => PeFeatures.Select(f => $"pe{p}.{f}")),
        .. GlobalFeatures,
    ];

    /// <summary>Writes the features of the pending decision of <paramref name="sim"/> into <paramref name="features"/> (all of it).</summary>
    public static void Write(SocSimulation sim, SocConfig config, int slots, Span<double> features, Span<bool> mask)
    {
        features.Clear();
        mask.Clear();
        var now = sim.NowUs;
        var ready = sim.ReadyTasks;
        var visible = Math.Min(slots, ready.Count);
        var apps = sim.Workload.Mix.Count;
        for (var s = 0; s < visible; s++)
        {
            var task = ready[s];
            var info = sim.Describe(task);
            var f = features.Slice(s * TaskFeatures.Count, TaskFeatures.Count);
            var pe = sim.EarliestFinishPe(task);
            f[0] = info.WaitUs / TimeScaleUs;
            f[1] = info.JobAgeUs / TimeScaleUs;
            f[2] = info.MeanExecutionUs / TimeScaleUs;
            f[3] = info.UpwardRankUs / TimeScaleUs;
            f[4] = info.JobRemainingWorkUs / TimeScaleUs;
            f[5] = info.JobRemainingTasks / (double)sim.JobGraphOf(info.Job).Tasks.Count;
            f[6] = (sim.EarliestFinishUs(task, pe) - now) / TimeScaleUs;
            f[7] = FastestUs(sim, task) / TimeScaleUs;
            f[8] = apps > 1 ? info.Application / (double)(apps - 1) : 0;
            mask[s] = true;
        }
        var peBase = slots * TaskFeatures.Count;
        for (var pe = 0; pe < sim.Platform.PeCount; pe++)
        {
            var f = features.Slice(peBase + pe * PeFeatures.Count, PeFeatures.Count);
            f[0] = (sim.PeBusyUntilUs(pe) - now) / TimeScaleUs;
            f[1] = Math.Max(0, sim.PeAvailableUs(pe) - now) / TimeScaleUs;
            f[2] = sim.PeQueueLength(pe);
        }
        var g = features[^GlobalFeatures.Count..];
        g[0] = sim.JobsInSystem / (double)config.MaxJobsInFlight;
        g[1] = ready.Count / (double)slots;
        g[2] = now / config.SimulationLengthUs;
    }

    private static double FastestUs(SocSimulation sim, int task)
    {
        var best = double.PositiveInfinity;
        for (var pe = 0; pe < sim.Platform.PeCount; pe++) best = Math.Min(best, sim.ExecutionTimeUs(task, pe));
        return best;
    }
}
