using System.Globalization;
using ArchGym.Environments.Core.MultiAgent;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Environments.Dram;

/// <summary>
/// Registers <c>dram-v0</c> (ArchGym's DRAMGym): ArchGym's device (DDR3-1600 1Gb x8, row-bank-column mapping) unless
/// <c>standard</c> says otherwise, one of its four workloads or a trace file. Without user targets, the default task
/// takes ArchGym's own default policy (<c>policy.json</c>) on the chosen workload as the baseline and asks for
/// half its latency for at most 60 % more power (<see cref="LatencyFactor"/>, <see cref="PowerFactor"/>): on ArchGym's random
/// and cloud workloads some 1-2 % of random design points meet both (faster service raises power, as energy stays
/// about the same). The stream workload is bandwidth-bound at the baseline already, so its latency target is out of reach.
/// DRAMGym's <c>power</c> and <c>latency</c> formulations alone default to one target each (<see cref="DefaultTargets"/>).
/// </summary>
public static class DramEnvironments
{
    public const string WorkloadOption = "workload";
    public const string TraceSeedOption = "trace_seed";
    public const string TraceFormatOption = "trace_format";
    public const string StandardOption = "standard";
    public const string AddressMappingOption = "address_mapping";
    public const string ArchGymTracesOption = "archgym_traces";

    public const string DefaultWorkload = "random";

    /// <summary>Default targets relative to ArchGym's default policy on the workload.</summary>
    public const double LatencyFactor = 0.5, PowerFactor = 1.6;

    /// <summary>The default power target of the <c>power</c> formulation alone: 15 % below the baseline's power.</summary>
    public const double PowerOnlyFactor = 0.85;

    public static IReadOnlyList<string> TraceFormats { get; } = ["auto", "stl", "dramsim3", "ramulator"];

    public static void Register(EnvironmentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var options = new List<OptionSpec>
        {
            new(WorkloadOption, DefaultWorkload, "stream, random, cloud-1, cloud-2 (ArchGym's 10 000-read workloads, generated) or a trace file path (.stl, DRAMsim3, Ramulator; gzip ok)"),
            new(TraceSeedOption, "0", "seed of the generated random and cloud workloads"),
            new(ArchGymTracesOption, "", "folder with ArchGym's own stream/random/cloud-1/cloud-2 .stl(.gz) files: the four names read them instead of generating"),
            new(TraceFormatOption, "auto", "trace file format: " + string.Join(", ", TraceFormats)),
            new(StandardOption, StandardCatalog.DefaultName, "DRAM standard: " + string.Join(", ", StandardCatalog.Names)),
            new(AddressMappingOption, "", "address fields from the most significant bit above the 64-byte burst offset, e.g. row,bank,bankgroup,column (default: the standard's)"),
        };
        options.AddRange(TaskSettings.OptionSpecs(RewardFunctions.ReluExcess).Select(o =>
            o.Name == TaskSettings.RewardOption ? o with { Description = DramGymRewards.Describe() } : o));
        registry.Register(new EnvironmentSpec(
            DramEnvironment.Id,
            "DRAMGym: a DRAMSys-style memory controller's ten policies for a memory trace -> energy, power, latency",
            options,
            Create));
    }

    /// <exception cref="ArgumentException">an option out of range.</exception>
    /// <exception cref="InvalidConfigException">an unknown standard or mapping field, or a missing, empty or malformed trace.</exception>
    public static DramEnvironment Create(EnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var standard = StandardCatalog.Get(options.GetString(StandardOption, StandardCatalog.DefaultName)).Name;
        var mappingText = options.GetString(AddressMappingOption, "");
        var mapping = mappingText.Length == 0 ? null : AddressMapping.Parse(mappingText, StandardCatalog.Get(standard));
        var format = options.GetChoice(TraceFormatOption, "auto", TraceFormats) switch
        {
            "stl" => TraceFormat.DramSys, "dramsim3" => TraceFormat.DramSim3, "ramulator" => TraceFormat.Ramulator, _ => TraceFormat.Auto,
        };
        var seed = options.GetInt(TraceSeedOption, 0, 0, int.MaxValue);
        var trace = DramWorkloads.Resolve(options.GetString(WorkloadOption, DefaultWorkload), seed, format, options.GetString(ArchGymTracesOption, ""));

        // The baseline runs even with user targets: it checks the trace against the device (addresses in range) up front.
        var simulator = new DramSimulator();
        var baseline = simulator.Run(new DramConfig(standard, ControllerConfig.ArchGymDefault, mapping), trace);
        if (!options.Contains(TaskSettings.TargetOption))
        {
            var reward = options.GetChoice(TaskSettings.RewardOption, RewardFunctions.ReluExcess, DramGymRewards.AllNames);
            options = options.With(TaskSettings.TargetOption, DefaultTargets(baseline, reward));
        }

        var task = DramGymRewards.FromOptions(options, DramEnvironment.MetricList, RewardFunctions.ReluExcess);
        return new DramEnvironment(standard, trace, task, mapping, simulator);
    }

    /// <summary>DRAMGym's multi-agent setting: ten agents, one per knob (named after it), sharing the team reward.</summary>
    public static MultiAgentView MultiAgent(DramEnvironment env) => MultiAgentView.OnePerParameter(env);

    /// <summary>
    /// The default targets from the baseline report. DRAMGym's single formulations get one target each, an improvement
    /// on its own: <c>power</c> <see cref="PowerOnlyFactor"/> x the baseline's power, <c>latency</c>
    /// <see cref="LatencyFactor"/> x its latency. Every other formulation (<c>both</c>, the generic ones) gets the
    /// pair that can be met together: <see cref="LatencyFactor"/> x latency within <see cref="PowerFactor"/> x power
    /// (on ArchGym's workloads the default policy is about Pareto-optimal, so no design improves both at once).
    /// </summary>
    public static string DefaultTargets(DramReport baseline, string reward = RewardFunctions.ReluExcess)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        string power(double f) => string.Create(CultureInfo.InvariantCulture, $"power_mw={baseline.AveragePowerMilliwatts * f:R}");
        string latency() => string.Create(CultureInfo.InvariantCulture, $"latency_ns={baseline.SimulatedTimeNs * LatencyFactor:R}");
        return reward switch
        {
            DramGymRewards.Power => power(PowerOnlyFactor),
            DramGymRewards.Latency => latency(),
            _ => power(PowerFactor) + "," + latency(),
        };
    }
}
