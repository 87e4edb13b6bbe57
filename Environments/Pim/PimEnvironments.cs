using System.Globalization;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Area;
using ArchGym.Simulators.Pim.Devices;
using ArchGym.Simulators.Workloads.Gpt;

namespace ArchGym.Environments.Pim;

/// <summary>
/// Registers <c>pim-v0</c>. The workload is a catalog GPT model with a prompt and a number of generated tokens; the
/// defaults (gpt2-small, 64 + 64) keep one evaluation to some 5-30 ms of CPU. Without user targets, the default task
/// follows ArchGym's Timeloop setup as <c>systolic-v0</c> does: the baseline device's default configuration
/// (PIM-GPT's 8 x 16-bank GDDR6-AiM unless <c>baseline_device</c> says otherwise) improved by 20 % latency,
/// 30 % energy and 15 % area.
/// </summary>
public static class PimEnvironments
{
    public const string ModelOption = "model";
    public const string PromptOption = "prompt";
    public const string TokensOption = "tokens";
    public const string BaselineDeviceOption = "baseline_device";

    public const string DefaultModel = "gpt2-small";
    public const int DefaultPrompt = 64, DefaultTokens = 64;

    /// <summary>Improvement factors over the baseline (ArchGym's Timeloop targets).</summary>
    public const double LatencyFactor = 0.80, EnergyFactor = 0.70, AreaFactor = 0.85;

    /// <summary>The baseline of the default targets: the device's default configuration (<see cref="PimConfig"/> defaults).</summary>
    public static PimConfig Baseline(string device = PimDeviceCatalog.Gddr6Aim) => new(Device: device);

    public static void Register(EnvironmentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var options = new List<OptionSpec>
        {
            new(ModelOption, DefaultModel, "GPT model: " + string.Join(", ", GptCatalog.Names)),
            new(PromptOption, DefaultPrompt.ToString(CultureInfo.InvariantCulture), "prompt tokens processed before generation (KV cache fill)"),
            new(TokensOption, DefaultTokens.ToString(CultureInfo.InvariantCulture), "tokens generated; metrics are means over them (evaluation cost grows with prompt + tokens)"),
            new(BaselineDeviceOption, PimDeviceCatalog.Gddr6Aim, "device whose default configuration sets the default targets: " + string.Join(", ", PimSpace.Devices)),
        };
        options.AddRange(TaskSettings.OptionSpecs(RewardFunctions.ReluExcess));
        registry.Register(new EnvironmentSpec(
            PimEnvironment.Id,
            "PIM-GPT-class processing-in-memory system for GPT generation: channels, banks, MAC lanes, global buffer, ASIC, mapping, device -> latency and energy per token, area",
            options,
            Create));
    }

    /// <exception cref="ArgumentException">an option out of range.</exception>
    /// <exception cref="Simulators.Common.InvalidConfigException">an unknown model or device, or prompt + tokens beyond the context.</exception>
    public static PimEnvironment Create(EnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = GptCatalog.Get(options.GetString(ModelOption, DefaultModel));
        int prompt = options.GetInt(PromptOption, DefaultPrompt, 0, model.ContextLength - 1);
        int tokens = options.GetInt(TokensOption, DefaultTokens, 1, model.ContextLength);
        var workload = new GptWorkload(model, prompt, tokens);
        var baselineDevice = options.GetChoice(BaselineDeviceOption, PimDeviceCatalog.Gddr6Aim, PimSpace.Devices);
        var simulator = new PimSimulator();
        if (!options.Contains(TaskSettings.TargetOption))
        {
            var baseline = Baseline(baselineDevice);
            options = options.With(TaskSettings.TargetOption, DefaultTargets(simulator.Run(baseline, workload), PimAreaModel.Estimate(baseline)));
        }

        var task = TaskSettings.FromOptions(options, PimEnvironment.MetricList, RewardFunctions.ReluExcess);
        return new PimEnvironment(workload, task, simulator);
    }

    private static string DefaultTargets(PimReport baseline, PimArea area) => string.Create(CultureInfo.InvariantCulture,
        $"latency_per_token_us={baseline.LatencyPerTokenUs * LatencyFactor:R},energy_per_token_uj={baseline.EnergyPerTokenUj * EnergyFactor:R},area_mm2={area.TotalMm2 * AreaFactor:R}");
}
