namespace ArchGym.Experiments.Tests.Cli;

/// <summary>End-to-end runs of <c>archgym run</c>: files written, determinism across repeats and worker counts.</summary>
public class RunCommandTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Experiment(string agent, int budget, int parallelism, int batch = 1, string workload = "alexnet") =>
        $"""
        name: t
        env:
          id: systolic-v0
          options: {"{"}workload: {workload}{"}"}
        agent: {"{"}name: {agent}{"}"}
        budget: {budget}
        batch: {batch}
        parallelism: {parallelism}
        seed: 5
        """;

    private ArchGymProcess.Result Run(string yaml, string output)
    {
        File.WriteAllText(Path.Combine(_dir, "exp.yaml"), yaml);
        return ArchGymProcess.Run(_dir, "run", "exp.yaml", "--output", output, "--quiet");
    }

    /// <summary>The dataset without its wall_ms column, the one column allowed to differ between runs.</summary>
    private string DatasetWithoutWallTime(string output)
    {
        var lines = File.ReadAllLines(Path.Combine(_dir, output, "evaluations.csv"));
        var wall = Array.IndexOf(lines[0].Split(','), "wall_ms");
        Assert.That(wall, Is.GreaterThanOrEqualTo(0), "evaluations.csv has a wall_ms column");
        return string.Join("\n", lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != wall))));
    }

    [Test]
    public void WritesDatasetManifestAndLog()
    {
        var r = Run(Experiment("random_walk", 20, 1), "out");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        var csv = File.ReadAllLines(Path.Combine(_dir, "out", "evaluations.csv"));
        var json = File.ReadAllText(Path.Combine(_dir, "out", "run.json"));
        Assert.Multiple(() =>
        {
            Assert.That(csv, Has.Length.EqualTo(21), "a header and one row per evaluation");
            Assert.That(csv[0], Does.StartWith("step,agent,seed,array_rows,array_cols,dataflow,ifmap_sram_kb,filter_sram_kb,ofmap_sram_kb,dram_bandwidth,latency_cycles,energy_uj,area_mm2,utilization_pct,reward,feasible,wall_ms"));
            Assert.That(csv[1], Does.StartWith("0,random_walk,5,"));
            Assert.That(json, Does.Contain("\"status\": \"complete\""));
            Assert.That(json, Does.Contain("\"evaluations\": 20"));
            Assert.That(json, Does.Contain("\"best\""));
            Assert.That(File.Exists(Path.Combine(_dir, "out", "archgym.log")), Is.True);
            Assert.That(File.Exists(Path.Combine(_dir, "out", "evaluations.csv.partial")), Is.False);
        });
    }

    [Test]
    public void SameConfigAndSeedGiveIdenticalDatasets()
    {
        Assert.That(Run(Experiment("random_walk", 40, 1), "a").ExitCode, Is.Zero);
        Assert.That(Run(Experiment("random_walk", 40, 1), "b").ExitCode, Is.Zero);
        Assert.That(DatasetWithoutWallTime("b"), Is.EqualTo(DatasetWithoutWallTime("a")));
    }

    [Test]
    public void ParallelEvaluationGivesTheSameDatasetAsSerial()
    {
        Assert.That(Run(Experiment("random_search", 32, 1, batch: 8), "serial").ExitCode, Is.Zero);
        Assert.That(Run(Experiment("random_search", 32, 2, batch: 8), "parallel").ExitCode, Is.Zero);
        Assert.That(DatasetWithoutWallTime("parallel"), Is.EqualTo(DatasetWithoutWallTime("serial")));
    }

    [Test]
    public void DifferentSeedsExploreDifferently()
    {
        Assert.That(Run(Experiment("random_walk", 10, 1), "a").ExitCode, Is.Zero);
        File.WriteAllText(Path.Combine(_dir, "exp.yaml"), Experiment("random_walk", 10, 1));
        Assert.That(ArchGymProcess.Run(_dir, "run", "exp.yaml", "--output", "b", "--seed", "6", "--quiet").ExitCode, Is.Zero);
        Assert.That(DatasetWithoutWallTime("b"), Is.Not.EqualTo(DatasetWithoutWallTime("a")));
    }

    [Test]
    public void QuickstartRunsOnTheBuiltInDefaults()
    {
        var quickstart = Path.Combine(ArchGymProcess.RepoRoot(), "Experiments", "configs", "quickstart.yaml");
        var r = ArchGymProcess.Run(_dir, "run", quickstart, "--output", "q");
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.Zero, r.StdErr);
            Assert.That(r.StdOut, Does.Contain("best reward"));
            Assert.That(File.ReadAllLines(Path.Combine(_dir, "q", "evaluations.csv")), Has.Length.EqualTo(301));
        });
    }

    [Test]
    public void PimRandomWalkConfigRunsOnPimV0()
    {
        var config = Path.Combine(ArchGymProcess.RepoRoot(), "Experiments", "configs", "pim-random-walk.yaml");
        var r = ArchGymProcess.Run(_dir, "run", config, "--output", "p", "--quiet");
        var csv = File.ReadAllLines(Path.Combine(_dir, "p", "evaluations.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.Zero, r.StdErr);
            Assert.That(csv, Has.Length.EqualTo(41), "a header and one row per evaluation");
            Assert.That(csv[0], Does.StartWith("step,agent,seed,device,channels,banks_per_channel,mac_lanes,global_buffer_bytes,asic_clock_mhz,asic_vector_width,mapping,latency_per_token_us,energy_per_token_uj,area_mm2,reward,feasible,wall_ms"));
            Assert.That(csv.Skip(1).Count(l => l.Contains(",true,")), Is.GreaterThan(0), "some feasible points");
            Assert.That(File.ReadAllText(Path.Combine(_dir, "p", "run.json")), Does.Contain("\"status\": \"complete\"").And.Contain("pim-v0"));
        });
    }

    [Test]
    public void PimExperimentsAreDeterministic()
    {
        var yaml = """
            name: p
            env: {id: pim-v0, options: {prompt: 4, tokens: 4}, reward: closeness, targets: {latency_per_token_us: 50}}
            agent: {name: random_walk}
            budget: 12
            seed: 3
            """;
        Assert.That(Run(yaml, "a").ExitCode, Is.Zero);
        Assert.That(Run(yaml, "b").ExitCode, Is.Zero);
        Assert.That(DatasetWithoutWallTime("b"), Is.EqualTo(DatasetWithoutWallTime("a")));
    }

    [Test]
    public void ListingsNameTheRegisteredEnvironmentsAndAgents()
    {
        var envs = ArchGymProcess.Run(_dir, "envs");
        var agents = ArchGymProcess.Run(_dir, "agents");
        Assert.Multiple(() =>
        {
            Assert.That(envs.ExitCode, Is.Zero);
            Assert.That(envs.StdOut, Does.Contain("systolic-v0").And.Contain("workload"));
            Assert.That(envs.StdOut, Does.Contain("pim-v0").And.Contain("baseline_device"));
            Assert.That(agents.ExitCode, Is.Zero);
            Assert.That(agents.StdOut, Does.Contain("random_walk").And.Contain("random_search"));
        });
    }
}
