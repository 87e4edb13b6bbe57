using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Events;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Synthetic;

namespace ArchGym.Agents.Tests.Support;

/// <summary>Runs registered agents through the real <see cref="SearchLoop"/> and collects what they evaluated.</summary>
public static class AgentHarness
{
    public static AgentRegistry Registry { get; } = AgentRegistry.CreateDefault();

    public static Func<IEnvironment> Synthetic(string function, int dimensions = 4) =>
        () => SyntheticEnvironment.Create(new EnvironmentOptions(new Dictionary<string, string>
        {
            ["function"] = function,
            ["dimensions"] = dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));

    public static IAgent Create(string agent, IEnvironment env, int seed, IReadOnlyDictionary<string, string>? hp = null) =>
        Registry.Create(agent, env.ActionSpace, env.Metrics, hp ?? new Dictionary<string, string>(), seed);

    /// <summary>The evaluations of one run, in step order.</summary>
    public static IReadOnlyList<Evaluation> Run(string agent, Func<IEnvironment> make, int budget, int seed,
        IReadOnlyDictionary<string, string>? hp = null, int batch = 1)
    {
        using var probe = make();
        var instance = Create(agent, probe, seed, hp);
        return Run(instance, make, budget, seed, batch);
    }

    public static IReadOnlyList<Evaluation> Run(IAgent agent, Func<IEnvironment> make, int budget, int seed, int batch = 1)
    {
        var seen = new List<Evaluation>();
        using var stream = new EvaluationStream();
        using var subscription = stream.Subscribe(new Collector(seen));
        new SearchLoop().Run(make, agent, new SearchOptions(budget, batch, 1, seed), stream, CancellationToken.None);
        return seen;
    }

    /// <summary>The smallest feasible value of the first metric (the synthetic functions' loss).</summary>
    public static double BestLoss(IReadOnlyList<Evaluation> evaluations)
    {
        var best = double.PositiveInfinity;
        foreach (var e in evaluations)
        {
            if (e.Feasible && e.MetricValues[0] < best) best = e.MetricValues[0];
        }

        return best;
    }

    /// <summary>Mean best loss over seeds 1..<paramref name="seeds"/>.</summary>
    public static double MeanBestLoss(string agent, Func<IEnvironment> make, int budget, int seeds,
        IReadOnlyDictionary<string, string>? hp = null, int batch = 1)
    {
        var sum = 0.0;
        for (var s = 1; s <= seeds; s++) sum += BestLoss(Run(agent, make, budget, s, hp, batch));
        return sum / seeds;
    }

    private sealed class Collector(List<Evaluation> into) : IObserver<Evaluation>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(Evaluation value) => into.Add(value);
    }
}
