using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Soc;

/// <summary>
/// The DS3-class heterogeneous SoC scheduling simulator: pure and thread-safe (each call builds its own
/// <see cref="SocSimulation"/>). Same config, workload and seed give the same report.
/// </summary>
public sealed class SocSimulator : ISimulator<SocConfig, SocWorkload, SocReport>
{
    public SocReport Run(SocConfig config, SocWorkload workload)
    {
        if (config.Scheduler == SchedulerKind.Policy && config.CustomScheduler is null && config.Policy is null)
            throw new InvalidConfigException(nameof(SocConfig.Policy), null, "an IReadyTaskPolicy when Scheduler is Policy (or step SocSimulation yourself)");
        var simulation = new SocSimulation(config, workload);
        while (simulation.AdvanceToDecision()) simulation.Decide(config.Policy!.ChooseReadyTask(simulation));
        return simulation.BuildReport();
    }
}
