using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Area;
using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Environments.Pim;

/// <summary>
/// <c>pim-v0</c>: choose a PIM-GPT-class system (DRAM banks with MAC units plus an ASIC) for GPT token generation.
/// One step simulates the prompt and the generated tokens with <see cref="PimSimulator"/> and observes the latency and
/// energy of a generated token and the area of the added logic (<see cref="PimAreaModel"/>). Points whose model does
/// not fit the configured device are infeasible, with the simulator's reason.
/// </summary>
public sealed class PimEnvironment : EnvironmentBase
{
    public const string Id = "pim-v0";

    /// <summary>Observation space, in order.</summary>
    public static readonly IReadOnlyList<Metric> MetricList =
    [
        new("latency_per_token_us", "us", Direction.Minimize, "mean latency of a generated token (VMM + attention + ASIC + data movement)"),
        new("energy_per_token_uj", "uJ", Direction.Minimize, "mean energy of a generated token (DRAM core + MAC + ASIC + I/O)"),
        new("area_mm2", "mm2", Direction.Minimize, "added logic: bank MAC units and registers, global buffers, ASIC lanes (DRAM arrays excluded)"),
    ];

    private readonly PimSimulator _simulator;
    private readonly GptWorkload _workload;

    public PimEnvironment(GptWorkload workload, TaskSettings task, PimSimulator? simulator = null)
        : base(Id, Describe(workload), PimSpace.Create(), MetricList, task)
    {
        _workload = workload;
        _simulator = simulator ?? new PimSimulator();
    }

    public GptWorkload GptWorkload => _workload;

    /// <summary>The simulator configuration a design point stands for (the GPU baseline stays the default T4).</summary>
    public static PimConfig ToConfig(DesignPoint point) => new(
        Device: point.GetText(PimSpace.Device),
        Channels: point.GetInt(PimSpace.Channels),
        BanksPerChannel: point.GetInt(PimSpace.BanksPerChannel),
        MacLanesPerBank: point.GetInt(PimSpace.MacLanes),
        GlobalBufferBytes: point.GetInt(PimSpace.GlobalBufferBytes),
        AsicClockMhz: point[PimSpace.AsicClockMhz],
        AsicVectorWidth: point.GetInt(PimSpace.AsicVectorWidth),
        Mapping: MappingPolicyNames.Parse(point.GetText(PimSpace.Mapping)));

    protected override MetricResult Evaluate(DesignPoint point)
    {
        PimReport report;
        PimArea area;
        try
        {
            var config = ToConfig(point);
            report = _simulator.Run(config, _workload);
            area = PimAreaModel.Estimate(config);
        }
        catch (InvalidConfigException e)
        {
            return MetricResult.Infeasible(e.Message);
        }

        return MetricResult.Ok(Observe(report, area), new Dictionary<string, double>
        {
            ["vmm_us"] = report.VmmUs,
            ["attention_us"] = report.AttentionUs,
            ["asic_us"] = report.AsicUs,
            ["data_movement_us"] = report.DataMovementUs,
            ["row_hit_rate"] = report.RowHitRate,
            ["speedup_vs_gpu"] = report.SpeedupVsGpu,
        });
    }

    /// <summary>The metric values of a report and an area, in <see cref="MetricList"/> order.</summary>
    public static double[] Observe(PimReport report, PimArea area)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [report.LatencyPerTokenUs, report.EnergyPerTokenUj, area.TotalMm2];
    }

    private static string Describe(GptWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return $"{workload.Model.Name} ({workload.PromptTokens}+{workload.GeneratedTokens} tokens)";
    }
}
