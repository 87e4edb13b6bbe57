using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Environments.Dram;

/// <summary>
/// <c>dram-v0</c>: ArchGym's DRAMGym. Choose a DRAMSys-style memory controller's ten policies for a memory trace on a
/// fixed device. One step simulates the whole trace with <see cref="DramSimulator"/> and observes DRAMGym's three
/// numbers: total energy, average power and latency (DRAMGym's "latency" is DRAMSys's total simulated time, the time
/// to serve the trace). Points the simulator rejects (per-bank refresh on a standard without it) are infeasible,
/// with the simulator's reason. The trace is resolved once (<see cref="DramWorkloads"/>); steps only simulate. The
/// simulation is deterministic and the trace fixed (its seed is the <c>trace_seed</c> option), so the seed of
/// <c>Reset</c> changes nothing: the same point always observes the same numbers.
/// </summary>
public sealed class DramEnvironment : EnvironmentBase
{
    public const string Id = "dram-v0";

    /// <summary>Observation space, in DRAMGym's order [energy, power, latency].</summary>
    public static readonly IReadOnlyList<Metric> MetricList =
    [
        new("energy_nj", "nJ", Direction.Minimize, "total DRAM energy for the trace (DRAMPower method: background, ACT/PRE, RD/WR, refresh)"),
        new("power_mw", "mW", Direction.Minimize, "average DRAM power: energy / simulated time"),
        new("latency_ns", "ns", Direction.Minimize, "total simulated time to serve the trace (DRAMGym's latency, DRAMSys's Total Time)"),
    ];

    private readonly DramSimulator _simulator;
    private readonly ITraceSource _trace;

    public DramEnvironment(string standard, ITraceSource trace, TaskSettings task, AddressMapping? addressMapping = null, DramSimulator? simulator = null)
        : base(Id, trace?.Name ?? throw new ArgumentNullException(nameof(trace)), DramSpace.Create(), MetricList, task)
    {
        Standard = standard;
        AddressMapping = addressMapping;
        _trace = trace;
        _simulator = simulator ?? new DramSimulator();
        _ = new DramConfig(standard, addressMapping: addressMapping); // validates the standard and mapping now
    }

    public string Standard { get; }

    public AddressMapping? AddressMapping { get; }

    public ITraceSource Trace => _trace;

    /// <summary>The controller a design point stands for: the ten knobs over DRAMSys's defaults for the rest.</summary>
    /// <exception cref="InvalidConfigException">a knob value the controller rejects.</exception>
    public static ControllerConfig ToController(DesignPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return ControllerKnobs.FromKnobs(point.Space.Parameters.Select(p => KeyValuePair.Create(p.Name, p.Format(point[p.Name]))));
    }

    /// <summary>The full simulator configuration of a design point in this environment.</summary>
    public DramConfig ToConfig(DesignPoint point) => new(Standard, ToController(point), AddressMapping);

    protected override MetricResult Evaluate(DesignPoint point)
    {
        DramReport report;
        try
        {
            report = _simulator.Run(ToConfig(point), _trace);
        }
        catch (InvalidConfigException e)
        {
            return MetricResult.Infeasible(e.Message);
        }

        return MetricResult.Ok(Observe(report), new Dictionary<string, double>
        {
            ["avg_read_latency_ns"] = report.AverageReadLatencyNs,
            ["p99_read_latency_ns"] = report.P99ReadLatencyNs,
            ["bandwidth_gbps"] = report.BandwidthGBps,
            ["row_hit_rate"] = report.RowBufferHitRate,
            ["num_act"] = report.Activates,
            ["num_ref"] = report.Refreshes,
        });
    }

    /// <summary>The metric values of a report, in <see cref="MetricList"/> order.</summary>
    public static double[] Observe(DramReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [report.TotalEnergyPicojoules / 1e3, report.AveragePowerMilliwatts, report.SimulatedTimeNs];
    }
}
