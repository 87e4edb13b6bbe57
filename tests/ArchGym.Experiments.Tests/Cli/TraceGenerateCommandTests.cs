using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>archgym trace generate</c>: every pattern and format reads back (through the simulator's trace reader) as the generator's requests.</summary>
public class TraceGenerateCommandTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static ITraceSource Expected(string pattern, int count, int seed, int interval) => pattern switch
    {
        "stream" => TraceGenerators.Stream(count, 1),
        "random" or "cloud-1" or "cloud-2" => TraceGenerators.ArchGym(pattern, seed, count),
        "row-conflict" => TraceGenerators.StridedRowConflict(count, 4, 1 << 17, interval, seed),
        "mixed" => TraceGenerators.MixedReadWrite(count, 1UL << 30, 0.3, interval, seed),
        _ => TraceGenerators.BankParallel(count, 16, 13, interval, seed),
    };

    [Test]
    public void EveryPatternAndFormatRoundTripsThroughTheReader(
        [Values("stream", "random", "cloud-1", "cloud-2", "row-conflict", "mixed", "bank-parallel")] string pattern,
        [Values("stl", "dramsim3", "ramulator")] string format)
    {
        bool archGym = pattern is "stream" or "random" or "cloud-1" or "cloud-2";
        // Ramulator traces have no timestamps (one request per cycle), so the other patterns go at interval 1 there.
        int interval = archGym || format == "ramulator" ? 1 : 3;
        var path = Path.Combine(_dir, $"{pattern}.{format}{(pattern == "cloud-2" ? ".gz" : "")}");
        string[] args = ["trace", "generate", "--pattern", pattern, "--count", "1500", "--seed", "5", "--format", format, "--output", path];
        var r = ArchGymProcess.Run(_dir, archGym ? args : [.. args, "--interval", $"{interval}"]);
        Assert.That(r.ExitCode, Is.Zero, r.StdErr);
        var expected = Expected(pattern, 1500, 5, interval).Read().ToArray();
        var readBack = new TraceFile(path, format switch { "stl" => TraceFormat.DramSys, "dramsim3" => TraceFormat.DramSim3, _ => TraceFormat.Ramulator }).Read().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(readBack, Is.EqualTo(expected));
            Assert.That(new TraceFile(path).Read().Count(), Is.EqualTo(1500), "the format is recognised on its own");
            Assert.That(r.StdErr, Does.Contain("1500 requests"));
        });
    }

    [Test]
    public void SameSeedSameFileOtherSeedOtherFile()
    {
        string Generate(string name, int seed)
        {
            var path = Path.Combine(_dir, name);
            Assert.That(ArchGymProcess.Run(_dir, "trace", "generate", "--pattern", "random", "--count", "200", "--seed", $"{seed}", "--output", path).ExitCode, Is.Zero);
            return File.ReadAllText(path);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Generate("a", 1), Is.EqualTo(Generate("b", 1)));
            Assert.That(Generate("c", 2), Is.Not.EqualTo(Generate("a", 1)));
        });
    }

    [TestCase(new[] { "--pattern", "zipf" }, "zipf")]
    [TestCase(new[] { "--pattern", "random", "--count", "0" }, "--count")]
    [TestCase(new[] { "--pattern", "stream", "--interval", "2" }, "--interval")]
    [TestCase(new[] { "--pattern", "mixed", "--write-fraction", "1.5" }, "--write-fraction")]
    [TestCase(new[] { "--pattern", "bank-parallel", "--banks", "0" }, "--banks")]
    public void BadInputIsOneLineAndExitCode2(string[] args, string expected)
    {
        var r = ArchGymProcess.Run(_dir, ["trace", "generate", .. args, "--output", Path.Combine(_dir, "t.stl")]);
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2), r.StdErr);
            Assert.That(r.StdErr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), r.StdErr);
            Assert.That(r.StdErr, Does.Contain(expected));
            Assert.That(File.Exists(Path.Combine(_dir, "t.stl")), Is.False);
        });
    }
}
