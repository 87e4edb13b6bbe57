using System.Globalization;
using ArchGym.Environments.Core.Registry;

namespace ArchGym.Environments.Core.Tasks;

/// <summary>
/// What an environment is asked to achieve: the reward formulation, the targets (which also decide
/// <c>terminated</c>) and the weights, read from the options <c>reward</c>, <c>targets</c>
/// (<c>metric=value,...</c>), <c>weights</c> and <c>terminate_on_target</c>.
/// </summary>
public sealed record TaskSettings(IRewardFunction Reward, TargetSpec Targets, bool TerminateOnTarget)
{
    public const string RewardOption = "reward";
    public const string TargetOption = "targets";
    public const string WeightsOption = "weights";
    public const string TerminateOption = "terminate_on_target";

    /// <summary>The option descriptions every environment with a task lists.</summary>
    public static IReadOnlyList<OptionSpec> OptionSpecs(string defaultReward) =>
    [
        new(RewardOption, defaultReward, RewardFunctions.Describe()),
        new(TargetOption, "", "targets as metric=value pairs, comma separated (env defaults apply when empty)"),
        new(WeightsOption, "", "weighted_sum only: metric=weight pairs (default: 1 on every targeted metric)"),
        new(TerminateOption, "true", "end the episode (terminated) once every target is met"),
    ];

    public static TaskSettings FromOptions(EnvironmentOptions options, IReadOnlyList<Metric> metrics, string defaultReward)
    {
        var targets = ParsePairs(options.GetString(TargetOption, ""), TargetOption);
        var weights = ParsePairs(options.GetString(WeightsOption, ""), WeightsOption);
        var reward = RewardFunctions.Create(options.GetChoice(RewardOption, defaultReward, RewardFunctions.Names), metrics, targets, weights);
        var terminate = options.GetBool(TerminateOption, true);
        return new TaskSettings(reward, new TargetSpec(RewardFunctions.Resolve(metrics, targets, TargetOption)), terminate);
    }

    /// <summary>Parses <c>a=1.5,b=2</c> into pairs; throws naming the option and the bad pair.</summary>
    public static IReadOnlyDictionary<string, double> ParsePairs(string text, string option)
    {
        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new ArgumentException($"option '{option}': '{part}' is not metric=number");
            result[part[..eq].Trim()] = v;
        }

        return result;
    }

    public static string FormatPairs(IReadOnlyDictionary<string, double> pairs) =>
        string.Join(",", pairs.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:R}")));
}
