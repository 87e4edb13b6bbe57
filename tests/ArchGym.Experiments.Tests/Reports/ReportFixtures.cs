using ArchGym.Experiments.Config;
using ArchGym.Experiments.Runner;

namespace ArchGym.Experiments.Tests.Reports;

/// <summary>
/// Folders to report on, made in-process in seconds: a synthetic-v0 sweep (one metric, several
/// settings), a systolic-v0 sweep on a two-layer GEMM topology (four metrics: Pareto fronts) and one
/// systolic-v0 run folder.
/// </summary>
public static class ReportFixtures
{
    public const string Topology = "Layer, M, N, K,\ngemm1, 64, 64, 64,\ngemm2, 32, 128, 16,\n";

    public static string SyntheticSweep(string root) => Sweep(root, "synthetic", """
        env: {id: synthetic-v0, options: {function: levels}, targets: {loss: 12}}
        agents:
          - name: random_walk
            grid: {moves: [1, 2, 3], restart_probability: [0, 0.2]}
          - name: random_search
        seeds: [1, 2, 3]
        budget: 40
        """);

    public static string SystolicSweep(string root)
    {
        var topology = Path.Combine(root, "tiny.csv");
        File.WriteAllText(topology, Topology);
        return Sweep(root, "systolic", $"env: {{id: systolic-v0, options: {{workload: {topology}}}}}\n" + """
            agents:
              - name: random_walk
                grid: {moves: [1, 2]}
              - name: random_search
            seeds: [1, 2]
            budget: 25
            """);
    }

    public static string SystolicRun(string root)
    {
        var topology = Path.Combine(root, "tiny.csv");
        File.WriteAllText(topology, Topology);
        var config = new ExperimentConfig("one-run",
            new EnvironmentSection("systolic-v0", new Dictionary<string, string> { ["workload"] = topology }, null, new Dictionary<string, double>()),
            new AgentSection("random_search", new Dictionary<string, string>()), 30, 1, 1, 4, Path.Combine(root, "run"), "t.yaml");
        return new ExperimentRunner(DefaultRegistries.Create()).Run(config, null, CancellationToken.None).OutputDirectory;
    }

    private static string Sweep(string root, string name, string yaml)
    {
        var output = Path.Combine(root, name);
        var config = SweepConfigLoader.Parse(yaml + $"\noutput: {output}\nparallel_runs: 2\n", Path.Combine(root, name + ".yaml"));
        var registries = DefaultRegistries.Create();
        var plan = SweepPlanner.Plan(config, registries);
        var folder = new SweepFolder(plan);
        folder.Prepare(yaml, resume: false);
        var outcome = new SweepRunner(registries).Run(plan, folder, null, CancellationToken.None);
        Assert.That(outcome.AllDone && folder.TryWriteResults(out _, out _), Is.True, $"fixture sweep {name} completed");
        return output;
    }
}
