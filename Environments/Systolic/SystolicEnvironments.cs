using System.Globalization;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Simulators.Systolic;

namespace ArchGym.Environments.Systolic;

/// <summary>
/// Registers <c>systolic-v0</c>. Without user targets, the default task follows ArchGym's Timeloop
/// setup: take a baseline design and ask for 20 % fewer cycles, 30 % less energy and 15 % less area.
/// </summary>
public static class SystolicEnvironments
{
    public const string WorkloadOption = "workload";
    public const string SequenceLengthOption = "sequence_length";
    public const string BandwidthModeOption = "bandwidth_mode";

    /// <summary>The baseline of the default targets: a 32x32 weight-stationary array, 256/256/128 kB SRAMs, 16 words/cycle.</summary>
    public static SystolicConfig Baseline(BandwidthMode mode) =>
        new(32, 32, Dataflow.WeightStationary, 256, 256, 128, mode, 16);

    /// <summary>Improvement factors over the baseline (ArchGym's Timeloop targets).</summary>
    public const double CyclesFactor = 0.80, EnergyFactor = 0.70, AreaFactor = 0.85;

    public static void Register(EnvironmentRegistry registry)
    {
        var options = new List<OptionSpec>
        {
            new(WorkloadOption, "resnet18", "a catalog network (alexnet, resnet18, resnet50, mobilenetv2, bert-base) or a SCALE-Sim topology CSV path"),
            new(SequenceLengthOption, "", "bert-base only: sequence length (default 128)"),
            new(BandwidthModeOption, "user", "user: the dram_bandwidth knob limits DRAM traffic (stalls); calc: SCALE-Sim's stall-free estimate, no bandwidth knob"),
        };
        options.AddRange(TaskSettings.OptionSpecs(RewardFunctions.ReluExcess));
        registry.Register(new EnvironmentSpec(
            SystolicEnvironment.Id,
            "Systolic-array DNN accelerator (SCALE-Sim v2 model): array shape, dataflow, SRAMs, DRAM bandwidth -> latency, energy, area, utilisation",
            options,
            Create));
    }

    public static SystolicEnvironment Create(EnvironmentOptions options)
    {
        var workload = options.GetString(WorkloadOption, "resnet18");
        int? sequenceLength = options.Contains(SequenceLengthOption) ? options.GetInt(SequenceLengthOption, 128, 1, 512) : null;
        var mode = options.GetChoice(BandwidthModeOption, "user", ["user", "calc"]) == "user" ? BandwidthMode.User : BandwidthMode.Calc;
        var topology = SystolicWorkloads.Resolve(workload, sequenceLength);
        var simulator = new SystolicSimulator();
        if (!options.Contains(TaskSettings.TargetOption))
            options = options.With(TaskSettings.TargetOption, DefaultTargets(simulator.Run(Baseline(mode), topology)));
        var task = TaskSettings.FromOptions(options, SystolicEnvironment.MetricList, RewardFunctions.ReluExcess);
        return new SystolicEnvironment(topology, mode, task, simulator);
    }

    private static string DefaultTargets(SystolicReport baseline) => string.Create(CultureInfo.InvariantCulture,
        $"latency_cycles={baseline.TotalCycles * CyclesFactor:R},energy_uj={baseline.EnergyUj * EnergyFactor:R},area_mm2={baseline.AreaMm2 * AreaFactor:R}");
}
