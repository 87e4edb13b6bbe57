using System.Diagnostics;
using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using ArchGym.Environments.Core.Events;
using ArchGym.Environments.Systolic;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Measures an environment (<c>systolic-v0</c>, <c>soc-v0</c>) through the whole stack: agent asks, environment steps (simulation),
/// evaluation stream, CSV dataset row. No evaluation cache, so every step simulates.
/// </summary>
public static class StackBench
{
    public static (long Evaluations, double WallSeconds) RunSystolicStack(int parallelism, double minSeconds) =>
        RunStack(SystolicEnvironment.Id, new Dictionary<string, string> { ["workload"] = "resnet18" }, parallelism, minSeconds);

    public static (long Evaluations, double WallSeconds) RunStack(string environmentId, IReadOnlyDictionary<string, string> options, int parallelism, double minSeconds)
    {
        var registries = DefaultRegistries.Create();
        using var probe = registries.Environments.Make(environmentId, new EnvironmentOptions(options));
        long evaluations = 0;
        var csvPath = Path.Combine(Path.GetTempPath(), $"archgym-bench-{Environment.ProcessId}.csv");
        var clock = new Stopwatch();
        try
        {
            for (var seed = 0; clock.Elapsed.TotalSeconds < minSeconds; seed++)
            {
                var agent = registries.Agents.Create("random_search", probe.ActionSpace, probe.Metrics, new Dictionary<string, string>(), seed);
                using var stream = new EvaluationStream();
                using var csv = new EvaluationCsvWriter(csvPath, probe.ActionSpace, probe.Metrics);
                using var sub = stream.Subscribe(csv);
                clock.Start();
                var result = new SearchLoop().Run(
                    () => registries.Environments.Make(environmentId, new EnvironmentOptions(options)),
                    agent, new SearchOptions(64, 8, parallelism, seed), stream, CancellationToken.None);
                stream.Complete();
                clock.Stop();
                evaluations += result.Evaluations;
            }
        }
        finally
        {
            File.Delete(csvPath);
        }

        return (evaluations, clock.Elapsed.TotalSeconds);
    }
}
