using System.Globalization;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;

namespace ArchGym.Environments.Soc;

/// <summary>
/// Registers <c>soc-v0</c>. The area budget defaults to the base SoC's own PE area (the standard 16-PE DASH SoC:
/// about 15.9 mm2 at 28 nm), so the question is how to spend the same silicon better. Without user targets, the
/// default task follows systolic-v0 and ArchGym's setup: the base SoC with ETF (seed 0) improved by 20 % latency and
/// 30 % energy.
/// </summary>
public static class SocEnvironments
{
    public const string AreaBudgetOption = "area_budget_mm2";
    public const string MaxPesOption = "max_pes_per_type";
    public const string CoreAreaOption = "core_area_mm2";

    /// <summary>Improvement factors over the baseline (ArchGym's targets, as in systolic-v0).</summary>
    public const double LatencyFactor = 0.80, EnergyFactor = 0.70;

    public static SocScenario.Defaults RunDefaults { get; } = new();

    public static void Register(EnvironmentRegistry registry)
    {
        var options = new List<OptionSpec>(SocScenario.OptionSpecs(RunDefaults))
        {
            new(AreaBudgetOption, "", "PE area budget in mm2 (a constraint); default: the base SoC's own PE area (DASH SoC ~15.9)"),
            new(MaxPesOption, "8", $"largest PE count of one type (1..{SocPlatformBuilder.MaxCoresPerType})"),
            new(CoreAreaOption, "", "cluster=mm2 pairs adding to or replacing the 28 nm DASH area table (A7, A15, MM, FFT, VIT)"),
        };
        options.AddRange(TaskSettings.OptionSpecs(RewardFunctions.ReluExcess));
        registry.Register(new EnvironmentSpec(
            SocEnvironment.Id,
            "Heterogeneous SoC (DS3 model): PEs per type within an area budget and the scheduler -> job latency, energy, area, EDP",
            options,
            Create));
    }

    public static SocEnvironment Create(EnvironmentOptions options)
    {
        var scenario = SocScenario.FromOptions(options, RunDefaults);
        var area = AreaTable(options.GetString(CoreAreaOption, ""));
        IReadOnlyList<SocKnob> knobs;
        try
        {
            knobs = SocSpace.Knobs(scenario.BaseSoc, area);
        }
        catch (InvalidConfigException e)
        {
            throw new ArgumentException($"option '{CoreAreaOption}': {e.Message} (give cluster=mm2 pairs for the clusters of {scenario.BaseSoc.Name})", e);
        }

        var budget = options.GetDouble(AreaBudgetOption, area.TotalMm2(scenario.BaseSoc), 0, 1e6);
        var maxPes = options.GetInt(MaxPesOption, 8, 1, SocPlatformBuilder.MaxCoresPerType);
        var simulator = new SocSimulator();
        if (!options.Contains(TaskSettings.TargetOption))
        {
            var baseline = simulator.Run(Baseline(scenario), scenario.Workload);
            if (baseline.CompletedJobs == 0)
                throw new ArgumentException($"option '{TaskSettings.TargetOption}': the baseline (base SoC, ETF) completes no job after warm-up, so there are no default targets; lengthen '{SocScenario.SimulationLengthOption}' or give targets");
            options = options.With(TaskSettings.TargetOption, DefaultTargets(baseline));
        }

        var task = TaskSettings.FromOptions(options, SocEnvironment.MetricList, RewardFunctions.ReluExcess);
        return new SocEnvironment(scenario, knobs, SocSpace.Create(knobs, maxPes, budget), area, task, simulator);
    }

    /// <summary>The baseline of the default targets: the base SoC as it is, scheduled by ETF, seed 0.</summary>
    public static SocConfig Baseline(SocScenario scenario) => scenario.Config(scenario.BaseSoc, SchedulerKind.Etf, 0);

    private static PeAreaTable AreaTable(string overrides)
    {
        if (overrides.Length == 0) return PeAreaTable.Dash28nm;
        var table = new Dictionary<string, double>(PeAreaTable.Dash28nm.AreaMm2ByCluster, StringComparer.OrdinalIgnoreCase);
        foreach (var (cluster, mm2) in TaskSettings.ParsePairs(overrides, CoreAreaOption))
        {
            if (!(mm2 >= 0 && double.IsFinite(mm2))) throw new ArgumentException($"option '{CoreAreaOption}': {cluster}={mm2} is not allowed; expected a non-negative area in mm2");
            table[cluster] = mm2;
        }
        return new PeAreaTable(table);
    }

    private static string DefaultTargets(SocReport baseline) => string.Create(CultureInfo.InvariantCulture,
        $"avg_job_latency_us={baseline.MeanLatencyUs * LatencyFactor:R},energy_mj={baseline.EnergyJ * 1e3 * EnergyFactor:R}");
}
