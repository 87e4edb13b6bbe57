using System.Diagnostics;
using ArchGym.Experiments.Config;

namespace ArchGym.Experiments.Runner;

/// <summary>
/// Measures the sweep machinery's cost per run: a sweep of one-evaluation runs on <c>synthetic-v0</c>
/// (an evaluation costs microseconds), so the time is planning, the run folder, log, dataset,
/// run.json, the done-check and the rebuilt tables. Runs in a temporary folder, removed afterwards.
/// </summary>
public static class SweepBench
{
    public static (int Runs, double WallSeconds) Run(int runs, int parallelRuns)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"archgym-sweep-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var config = new SweepConfig("sweep-bench",
                [new SweepEnvironment(new EnvironmentSection("synthetic-v0", new Dictionary<string, string> { ["function"] = "levels" }, null,
                    new Dictionary<string, double> { ["loss"] = 4 }), 1, "env")],
                [], [new SweepAgent("random_search", 1, "agent", [], [], null)], [1], Enumerable.Range(0, runs).ToArray(),
                1, parallelRuns, true, dir, "sweep-bench.yaml");
            var clock = Stopwatch.StartNew();
            var registries = DefaultRegistries.Create();
            var plan = SweepPlanner.Plan(config, registries);
            var folder = new SweepFolder(plan);
            folder.Prepare("# sweep bench\n", resume: false);
            var outcome = new SweepRunner(registries).Run(plan, folder, null, CancellationToken.None);
            if (!outcome.AllDone || !folder.TryWriteResults(out _, out _)) throw new InvalidOperationException("the benchmark sweep did not complete");
            return (runs, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
