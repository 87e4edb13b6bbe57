namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>archgym run</c> on the shipped soc-v0 experiment: dataset columns, feasible and infeasible rows, determinism.</summary>
public class SocRunTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static string Config => Path.Combine(ArchGymProcess.RepoRoot(), "Experiments", "configs", "soc-random-walk.yaml");

    private string[] RunShipped(string output)
    {
        var r = ArchGymProcess.Run(_dir, "run", Config, "--output", output, "--quiet");
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
    public void ShippedSocRandomWalkRunsAndRepeatsExactly()
    {
        var a = RunShipped("a");
        var b = RunShipped("b");
        var rows = a.Skip(1).Select(l => l.Split(',')).ToArray();
        var json = File.ReadAllText(Path.Combine(_dir, "a", "run.json"));
        Assert.Multiple(() =>
        {
            Assert.That(a[0], Is.EqualTo("step,agent,seed,a7_pes,a15_pes,mm_pes,fft_pes,vit_pes,scheduler,avg_job_latency_us,energy_mj,area_mm2,edp_us_j,reward,feasible"));
            Assert.That(rows, Has.Length.EqualTo(60));
            Assert.That(rows.Count(r => r[^1] == "true"), Is.GreaterThan(10), "most designs are feasible");
            Assert.That(rows.Where(r => r[^1] == "true").Select(r => double.Parse(r[11], System.Globalization.CultureInfo.InvariantCulture)),
                Has.All.LessThanOrEqualTo(15.95), "feasible designs fit the DASH SoC's area");
            Assert.That(json, Does.Contain("\"status\": \"complete\"").And.Contain("soc-v0"));
            Assert.That(b, Is.EqualTo(a), "same config and seed, same dataset");
        });
    }
}
