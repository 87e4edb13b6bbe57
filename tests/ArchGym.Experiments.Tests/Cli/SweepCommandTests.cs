namespace ArchGym.Experiments.Tests.Cli;

/// <summary>End-to-end sweeps through the built archgym command: files, determinism whatever parallel_runs, bad input, and refusing to overwrite.</summary>
public class SweepCommandTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    public const string Sweep = """
        name: small
        env:
          id: synthetic-v0
          options: {function: levels}
          targets: {loss: 12}
        agents:
          - name: random_walk
            grid:
              moves: [1, 3]
              restart_probability: [0, 0.2]
          - name: random_search
        seeds: [1, 2]
        budget: [10, 30]
        """;

    private ArchGymProcess.Result SweepTo(string output, params string[] extra)
    {
        File.WriteAllText(Path.Combine(_dir, "sweep.yaml"), Sweep);
        return ArchGymProcess.Run(_dir, ["sweep", "sweep.yaml", "--output", output, "--quiet", .. extra]);
    }

    /// <summary>A CSV without one named column (the wall-time column, the only one allowed to differ between repeats).</summary>
    public static string WithoutColumn(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"{path} has a {column} column");
        return string.Join("\n", lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != index))));
    }

    [Test]
    public void WritesOneFolderPerRunSweepCsvAndLottery()
    {
        var r = SweepTo("out");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        var rows = File.ReadAllLines(Path.Combine(_dir, "out", "sweep.csv"));
        var runs = Directory.GetDirectories(Path.Combine(_dir, "out", "runs")).Select(Path.GetFileName).Order().ToArray();
        var lottery = File.ReadAllLines(Path.Combine(_dir, "out", "lottery.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Length.EqualTo(1 + (4 + 1) * 2 * 2), "a header and one row per run: 5 settings x 2 budgets x 2 seeds");
            Assert.That(rows[0], Is.EqualTo("run_id,environment,workload,reward,agent,seed,budget,hp_moves,hp_restart_probability,hp_greedy,hp_feasible_only," +
                "evaluations,feasible_evaluations,best_reward,best_loss,evaluations_to_target,wall_seconds"));
            Assert.That(rows[1], Does.Match(@"^00000-[0-9a-f]{8},synthetic-v0,levels,,random_walk,1,10,1,0,false,,10,10,"));
            Assert.That(rows.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(runs), "rows in sweep order, one per run folder");
            Assert.That(runs.All(id => File.Exists(Path.Combine(_dir, "out", "runs", id!, "run.json"))));
            Assert.That(File.ReadAllLines(Path.Combine(_dir, "out", "runs", runs[^1]!, "evaluations.csv")), Has.Length.EqualTo(31));
            Assert.That(File.ReadAllText(Path.Combine(_dir, "out", "sweep.yaml")), Is.EqualTo(Sweep), "the sweep file is kept for --resume");
            Assert.That(lottery, Has.Length.EqualTo(3));
            Assert.That(lottery[1], Does.StartWith("synthetic-v0,levels,,random_walk,8,16,"));
            Assert.That(lottery[2], Does.StartWith("synthetic-v0,levels,,random_search,2,4,"));
        });
    }

    [Test]
    public void TheSameSweepGivesTheSameTablesWhateverParallelRuns()
    {
        Assert.That(SweepTo("one", "--parallel-runs", "1").ExitCode, Is.Zero);
        Assert.That(SweepTo("two", "--parallel-runs", "2").ExitCode, Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(WithoutColumn(Path.Combine(_dir, "two", "sweep.csv"), "wall_seconds"),
                Is.EqualTo(WithoutColumn(Path.Combine(_dir, "one", "sweep.csv"), "wall_seconds")));
            Assert.That(File.ReadAllText(Path.Combine(_dir, "two", "lottery.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(_dir, "one", "lottery.csv"))));
        });
    }

    [Test]
    public void AFolderHoldingASweepIsOnlyContinuedWithResume()
    {
        Assert.That(SweepTo("out").ExitCode, Is.Zero);
        var again = SweepTo("out");
        var resumed = ArchGymProcess.Run(_dir, "sweep", "--resume", "out", "--quiet");
        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.EqualTo(2));
            Assert.That(again.StdErr, Does.Contain("already holds a sweep").And.Contain("--resume"));
            Assert.That(resumed.ExitCode, Is.Zero, resumed.StdErr);
            Assert.That(File.Exists(Path.Combine(_dir, "out", "sweep.csv")), Is.True);
        });
    }

    [TestCase("agents:\n  - name: random_walk\n  - name: bayes\n", "sweep.yaml:", "agents[1].name", "bayes", "allowed: ", "random_walk")]
    [TestCase("agent:\n  name: random_walk\n  grid: {temperature: [1, 2]}\n", "sweep.yaml:", "agent.grid.temperature", "allowed: moves, restart_probability, greedy")]
    [TestCase("agent:\n  name: random_walk\n  grid: {moves: [1, 200]}\n", "sweep.yaml:", "agent.grid.moves", "'200'", "allowed: a whole number from 1 to 16")]
    public void BadInputIsOneLineAndExitCode2BeforeAnyRun(string agentPart, params string[] expected)
    {
        File.WriteAllText(Path.Combine(_dir, "sweep.yaml"), "env: {id: synthetic-v0}\n" + agentPart + "seeds: 1\nbudget: 5\noutput: out\n");
        var r = ArchGymProcess.Run(_dir, "sweep", "sweep.yaml");
        BadInput.Assert(r, expected);
        Assert.That(Directory.Exists(Path.Combine(_dir, "out")), Is.False, "nothing ran, nothing was written");
    }

    [Test]
    public void UnknownEnvironmentNamesTheLineAndTheKnownOnes()
    {
        File.WriteAllText(Path.Combine(_dir, "sweep.yaml"), "environments:\n  - id: synthetic-v0\n  - id: dram-v9\nagent: {name: random_walk}\nseeds: 1\nbudget: 5\n");
        var r = ArchGymProcess.Run(_dir, "sweep", "sweep.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2));
            Assert.That(r.StdErr, Does.Contain("sweep.yaml:3: environments[1].id: unknown environment 'dram-v9'; allowed: "));
        });
    }

    [Test]
    public void GivingBothAFileAndResumeIsBadInput()
    {
        var r = ArchGymProcess.Run(_dir, "sweep");
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2));
            Assert.That(r.StdErr, Does.Contain("give a sweep file, or --resume"));
        });
    }
}
