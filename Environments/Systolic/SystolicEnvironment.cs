using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Workloads.Dnn;

namespace ArchGym.Environments.Systolic;

/// <summary>
/// <c>systolic-v0</c>: choose a systolic-array accelerator (shape, dataflow, SRAMs, DRAM bandwidth)
/// for a DNN. One step simulates the whole network with the SCALE-Sim-compatible simulator and
/// observes latency, energy, area and utilisation.
/// </summary>
public sealed class SystolicEnvironment : EnvironmentBase
{
    public const string Id = "systolic-v0";

    /// <summary>Observation space, in order.</summary>
    public static readonly IReadOnlyList<Metric> MetricList =
    [
        new("latency_cycles", "cycles", Direction.Minimize, "total cycles of the network, stalls included"),
        new("energy_uj", "uJ", Direction.Minimize, "MAC + SRAM + DRAM + static energy"),
        new("area_mm2", "mm2", Direction.Minimize, "PE array + the three SRAMs"),
        new("utilization_pct", "%", Direction.Maximize, "MAC-weighted overall PE utilisation"),
    ];

    private readonly SystolicSimulator _simulator;
    private readonly Topology _topology;
    private readonly BandwidthMode _bandwidthMode;

    public SystolicEnvironment(Topology topology, BandwidthMode bandwidthMode, TaskSettings task, SystolicSimulator? simulator = null)
        : base(Id, topology.Name, SystolicSpace.Create(bandwidthMode == BandwidthMode.User), MetricList, task)
    {
        _topology = topology;
        _bandwidthMode = bandwidthMode;
        _simulator = simulator ?? new SystolicSimulator();
    }

    /// <summary>The simulator configuration a design point stands for.</summary>
    public SystolicConfig ToConfig(DesignPoint point)
    {
        var bandwidth = _bandwidthMode == BandwidthMode.User ? point.GetInt(SystolicSpace.DramBandwidth) : 10;
        return new SystolicConfig(
            point.GetInt(SystolicSpace.ArrayRows),
            point.GetInt(SystolicSpace.ArrayCols),
            DataflowNames.Parse(point.GetText(SystolicSpace.Dataflow)),
            point.GetInt(SystolicSpace.IfmapSramKb),
            point.GetInt(SystolicSpace.FilterSramKb),
            point.GetInt(SystolicSpace.OfmapSramKb),
            _bandwidthMode,
            bandwidth);
    }

    protected override MetricResult Evaluate(DesignPoint point)
    {
        SystolicReport report;
        try
        {
            report = _simulator.Run(ToConfig(point), _topology);
        }
        catch (InvalidConfigException e)
        {
            return MetricResult.Infeasible(e.Message);
        }

        return MetricResult.Ok(Observe(report), new Dictionary<string, double>
        {
            ["stall_cycles"] = report.StallCycles,
            ["dram_words"] = report.DramWords,
        });
    }

    /// <summary>The metric values of a report, in <see cref="MetricList"/> order.</summary>
    public static double[] Observe(SystolicReport report) =>
        [report.TotalCycles, report.EnergyUj, report.AreaMm2, report.OverallUtilPct];
}
