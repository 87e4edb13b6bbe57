using System.Globalization;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>archgym run</c> on dram-v0: the shipped random-walk experiment, and every kind of agent the issue names.</summary>
public class DramRunTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static string Config => Path.Combine(ArchGymProcess.RepoRoot(), "Experiments", "configs", "dram-random-walk.yaml");

    private string[] Rows(string config, string output)
    {
        var r = ArchGymProcess.Run(_dir, "run", config, "--output", output, "--quiet");
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        var wall = -1;
        return File.ReadAllLines(Path.Combine(_dir, output, "evaluations.csv")).Select((l, i) =>
        {
            var cells = l.Split(',');
            if (i == 0) wall = Array.IndexOf(cells, "wall_ms");
            return string.Join(",", cells.Where((_, k) => k != wall));
        }).ToArray();
    }

    [Test]
    public void ShippedDramRandomWalkRunsAndRepeatsExactly()
    {
        var a = Rows(Config, "a");
        var b = Rows(Config, "b");
        var rows = a.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(a[0], Is.EqualTo("step,agent,seed,PagePolicy,Scheduler,SchedulerBuffer,RequestBufferSize,RespQueue,RefreshPolicy," +
                "RefreshMaxPostponed,RefreshMaxPulledin,Arbiter,MaxActiveTransactions,energy_nj,power_mw,latency_ns,reward,feasible"));
            Assert.That(rows, Has.Length.EqualTo(200));
            Assert.That(rows.Where(r => r[^1] == "false").Select(r => r[8]), Has.All.EqualTo("PerBank"), "only per-bank refresh is infeasible on DDR3");
            Assert.That(rows.Count(r => r[^1] == "true"), Is.GreaterThan(100));
            Assert.That(rows.Where(r => r[^1] == "true").Select(r => double.Parse(r[15], CultureInfo.InvariantCulture)), Has.All.GreaterThan(0));
            Assert.That(b, Is.EqualTo(a), "same config and seed, same dataset");
        });
    }

    [TestCase("marl")]
    [TestCase("ppo")]
    [TestCase("bo")]
    [TestCase("random_walk")]
    public void AgentRunsOnDramV0(string agent)
    {
        var yaml = File.ReadAllText(Config).Replace("name: random_walk", $"name: {agent}").Replace("budget: 200", "budget: 24");
        var path = Path.Combine(_dir, $"dram-{agent}.yaml");
        File.WriteAllText(path, yaml);
        var rows = Rows(path, agent);
        Assert.That(rows.Skip(1).Select(r => r.Split(',')[1]), Has.Exactly(24).EqualTo(agent));
    }
}
