using System.Reflection;
using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Environments.Core.Events;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Runner;

/// <summary>Assembles <c>run.json</c> from the config and what the run's subscribers observed.</summary>
public static class ManifestBuilder
{
    public static RunManifest Build(
        ExperimentConfig config, IReadOnlyDictionary<string, string> envOptions, IEnvironment env, IAgent agent,
        BestSoFarTracker tracker, TargetTracker targets, long cacheHits, string status, double wallSeconds,
        ProxyRunInfo? proxy = null)
    {
        BestPoint? best = null;
        if (tracker.Best is { } b)
        {
            var space = b.Point.Space;
            best = new BestPoint(
                b.Step,
                b.Reward,
                Enumerable.Range(0, space.Count).ToDictionary(i => space[i].Name, i => space[i].Format(b.Point[i])),
                Enumerable.Range(0, env.Metrics.Count).ToDictionary(i => env.Metrics[i].Name, i => b.MetricValues[i]));
        }

        return new RunManifest(
            config.Name, status, config.SourceFile, env.Name, env.Workload, envOptions, config.Environment.Reward,
            config.Environment.Targets, targets.Targets.ToDictionary(), env.Metrics.Select(MetricInfo.From).ToArray(), agent.Name, config.Agent.HyperParameters, config.Budget,
            config.BatchSize, config.Parallelism, config.Seed, (int)tracker.Count, (int)tracker.FeasibleCount, cacheHits, best,
            targets.EvaluationsToTarget, wallSeconds, wallSeconds > 0 ? tracker.Count / wallSeconds : 0, Versions(), proxy);
    }

    public static IReadOnlyDictionary<string, string> Versions() => new Dictionary<string, string>
    {
        ["archgym"] = typeof(ManifestBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        ["dotnet"] = System.Environment.Version.ToString(),
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
    };
}
