using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Cycle-approximate, event-driven DRAM subsystem simulator (DRAMSys-style controller, JEDEC timing,
/// DRAMPower energy). Pure and thread-safe: every <see cref="Run"/> builds its own state.
/// </summary>
public sealed class DramSimulator : ISimulator<DramConfig, ITraceSource, DramReport>
{
    public DramReport Run(DramConfig config, ITraceSource workload)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workload);
        return new SimulationRun(config).Execute(workload);
    }
}
