using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Environments.Synthetic;

/// <summary>
/// <c>synthetic-v0</c>: a test function with a known optimum behind the gym interface, so agents
/// can be checked (and compared with random search) in milliseconds. Observes <c>loss</c> (minimise).
/// </summary>
public sealed class SyntheticEnvironment(SyntheticFunction function, TaskSettings task)
    : EnvironmentBase(Id, function.Name, function.CreateSpace(), MetricList, task)
{
    public const string Id = "synthetic-v0";

    public static readonly IReadOnlyList<Metric> MetricList = [new("loss", "1", Direction.Minimize, "distance from the known optimum (0 there)")];

    public SyntheticFunction Function { get; } = function;

    protected override MetricResult Evaluate(DesignPoint point) => MetricResult.Ok([Function.Loss(point)]);

    public static void Register(EnvironmentRegistry registry)
    {
        var options = new List<OptionSpec>
        {
            new("function", "mixed", "mixed (real + integer + power-of-two + categorical), levels (d power-of-two knobs), rastrigin (d reals)"),
            new("dimensions", "4", "levels and rastrigin: number of knobs (1..32)"),
        };
        options.AddRange(TaskSettings.OptionSpecs(RewardFunctions.WeightedSum));
        registry.Register(new EnvironmentSpec(Id, "Synthetic test functions with known optima (for checking agents)", options, Create));
    }

    public static SyntheticEnvironment Create(EnvironmentOptions options)
    {
        var name = options.GetChoice("function", "mixed", ["mixed", "levels", "rastrigin"]);
        var d = options.GetInt("dimensions", 4, 1, 32);
        SyntheticFunction function = name switch
        {
            "levels" => new LevelsFunction(d),
            "rastrigin" => new RastriginFunction(d),
            _ => new MixedFunction(),
        };
        return new SyntheticEnvironment(function, TaskSettings.FromOptions(options, MetricList, RewardFunctions.WeightedSum));
    }
}
