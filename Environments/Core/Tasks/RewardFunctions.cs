namespace ArchGym.Environments.Core.Tasks;

/// <summary>The reward formulations by name, and their construction from targets and weights.</summary>
public static class RewardFunctions
{
    public const string Closeness = "closeness";
    public const string ReluExcess = "relu_excess";
    public const string BudgetDistance = "budget_distance";
    public const string WeightedSum = "weighted_sum";

    public static IReadOnlyList<string> Names { get; } = [Closeness, ReluExcess, BudgetDistance, WeightedSum];

    public static string Describe() =>
        "closeness (ArchGym: product of target/|x-target|), relu_excess (minus the summed relative excess over targets; 0 = all met), " +
        "budget_distance (minus the normalised distance to the targets), weighted_sum (sum of weighted, direction-signed metrics)";

    /// <summary>
    /// Builds a formulation. Target-based ones need at least one target; the weighted sum uses
    /// <paramref name="weights"/> (or weight 1 on every targeted metric, else on every metric).
    /// </summary>
    public static IRewardFunction Create(string name, IReadOnlyList<Metric> metrics,
        IReadOnlyDictionary<string, double> targets, IReadOnlyDictionary<string, double> weights)
    {
        var targetTerms = Resolve(metrics, targets, "targets");
        switch (name.Trim().ToLowerInvariant())
        {
            case Closeness:
                return new ClosenessReward(RequireTargets(name, targetTerms));
            case ReluExcess:
                return new ReluExcessReward(RequireTargets(name, targetTerms));
            case BudgetDistance:
                return new BudgetDistanceReward(RequireTargets(name, targetTerms));
            case WeightedSum:
            {
                var weightTerms = Resolve(metrics, weights, "weights");
                if (weightTerms.Count == 0)
                {
                    weightTerms = targetTerms.Count > 0
                        ? targetTerms.Select(t => t with { Value = 1 }).ToArray()
                        : metrics.Select((m, i) => new ResolvedTerm(i, m.Name, m.Direction, 1)).ToArray();
                }

                return new WeightedSumReward(weightTerms, targetTerms.ToDictionary(t => t.Index, t => t.Value));
            }
            default:
                throw new ArgumentException($"option 'reward': unknown formulation '{name}'; allowed: {string.Join(", ", Names)}");
        }
    }

    /// <summary>Maps metric names to observation positions, rejecting unknown metrics and zero or non-finite targets.</summary>
    public static IReadOnlyList<ResolvedTerm> Resolve(IReadOnlyList<Metric> metrics, IReadOnlyDictionary<string, double> values, string option)
    {
        var terms = new List<ResolvedTerm>();
        foreach (var (metric, value) in values)
        {
            var i = -1;
            for (var k = 0; k < metrics.Count; k++)
            {
                if (string.Equals(metrics[k].Name, metric, StringComparison.OrdinalIgnoreCase)) i = k;
            }

            if (i < 0)
                throw new ArgumentException($"option '{option}': unknown metric '{metric}'; allowed: {string.Join(", ", metrics.Select(m => m.Name))}");
            if (!double.IsFinite(value) || (option == "targets" && value == 0))
                throw new ArgumentException($"option '{option}': {metric}={value} is not allowed; expected a finite{(option == "targets" ? ", non-zero" : "")} number");
            terms.Add(new ResolvedTerm(i, metrics[i].Name, metrics[i].Direction, value));
        }

        return terms.OrderBy(t => t.Index).ToArray();
    }

    private static IReadOnlyList<ResolvedTerm> RequireTargets(string name, IReadOnlyList<ResolvedTerm> targets) =>
        targets.Count > 0 ? targets : throw new ArgumentException($"option 'reward': '{name}' needs at least one target (option 'targets', e.g. metric=value)");
}
