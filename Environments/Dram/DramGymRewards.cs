using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Environments.Dram;

/// <summary>
/// DRAMGym's own reward formulations (ArchGym <c>DRAMEnv.calculate_reward</c>), selectable as <c>reward: power</c>,
/// <c>latency</c> or <c>both</c> beside the core's generic ones: <c>power</c> = target / |power - target|,
/// <c>latency</c> the same on latency, <c>both</c> their product. They need the matching targets (the environment's
/// defaults supply them) and end an episode when their own targets are met; targets on other metrics are ignored. Other
/// names go to <see cref="TaskSettings.FromOptions"/>.
/// </summary>
public static class DramGymRewards
{
    public const string Power = "power";
    public const string Latency = "latency";
    public const string Both = "both";

    public static IReadOnlyList<string> Names { get; } = [Power, Latency, Both];

    /// <summary>Every reward name <c>dram-v0</c> accepts.</summary>
    public static IReadOnlyList<string> AllNames { get; } = [.. Names, .. RewardFunctions.Names];

    public static string Describe() =>
        "power | latency | both (DRAMGym: target/|x-target| on power_mw, latency_ns, or their product), or " + RewardFunctions.Describe();

    /// <summary>The task from the options: a DRAMGym formulation, or a generic one through <see cref="TaskSettings"/>.</summary>
    public static TaskSettings FromOptions(EnvironmentOptions options, IReadOnlyList<Metric> metrics, string defaultReward)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = options.GetChoice(TaskSettings.RewardOption, defaultReward, AllNames);
        if (!Names.Contains(name)) return TaskSettings.FromOptions(options.With(TaskSettings.RewardOption, name), metrics, defaultReward);

        if (options.GetString(TaskSettings.WeightsOption, "").Length > 0)
            throw new ArgumentException($"option '{TaskSettings.WeightsOption}': only for weighted_sum, not reward '{name}'");
        var targets = RewardFunctions.Resolve(metrics, TaskSettings.ParsePairs(options.GetString(TaskSettings.TargetOption, ""), TaskSettings.TargetOption),
            TaskSettings.TargetOption);
        var used = new List<ResolvedTerm>();
        foreach (var metric in Metrics(name))
        {
            var term = targets.FirstOrDefault(t => t.Metric == metric);
            used.Add(term.Metric == metric ? term
                : throw new ArgumentException($"option 'reward': '{name}' needs a target for {metric} (option 'targets', e.g. {metric}=...)"));
        }

        // Only the formulation's own targets decide "terminated": power alone is met when power is.
        return new TaskSettings(new Formulation(name, new ClosenessReward(used)), new TargetSpec(used), options.GetBool(TaskSettings.TerminateOption, true));
    }

    /// <summary>The metrics a DRAMGym formulation is computed from.</summary>
    public static IReadOnlyList<string> Metrics(string name) => name switch
    {
        Power => ["power_mw"],
        Latency => ["latency_ns"],
        Both => ["power_mw", "latency_ns"],
        _ => throw new ArgumentException($"option 'reward': '{name}' is not a DRAMGym formulation; allowed: {string.Join(", ", Names)}"),
    };

    // DRAMGym's formulas are ArchGym's closeness on one or two metrics; only the name differs.
    private sealed class Formulation(string name, IRewardFunction inner) : IRewardFunction
    {
        public string Name => name;

        public double Compute(ReadOnlySpan<double> metricValues) => inner.Compute(metricValues);
    }
}
