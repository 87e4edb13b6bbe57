using ArchGym.Experiments.Tests.Reports;

namespace ArchGym.Experiments.Tests.Cli;

/// <summary><c>archgym report</c> through the built command: where the page goes, and bad input.</summary>
public class ReportCommandTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ArchGymProcess.TempDir();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void WritesTheReportIntoTheFolderOrWhereAsked()
    {
        var sweep = ReportFixtures.SyntheticSweep(_dir);
        var inFolder = ArchGymProcess.Run(_dir, "report", sweep);
        var elsewhere = ArchGymProcess.Run(_dir, "report", sweep, "--output", "pages/r.html");
        Assert.Multiple(() =>
        {
            Assert.That(inFolder.ExitCode, Is.Zero, inFolder.StdErr);
            Assert.That(inFolder.StdOut.Trim(), Is.EqualTo(Path.Combine(sweep, "report.html")));
            Assert.That(File.ReadAllText(Path.Combine(sweep, "report.html")), Does.StartWith("<!DOCTYPE html>").And.Contain("<svg"));
            Assert.That(elsewhere.ExitCode, Is.Zero, elsewhere.StdErr);
            Assert.That(File.Exists(Path.Combine(_dir, "pages", "r.html")), Is.True);
        });
    }

    [TestCase("missing", "missing: folder not found")]
    [TestCase("--pareto", "--pareto loss: allowed: two different metric names")]
    public void BadInputIsOneLineAndExitCode2(string what, string expected)
    {
        var args = what == "missing" ? new[] { "report", "missing" } : ["report", ReportFixtures.SyntheticSweep(_dir), "--pareto", "loss"];
        var r = ArchGymProcess.Run(_dir, args);
        Assert.Multiple(() =>
        {
            Assert.That(r.ExitCode, Is.EqualTo(2), r.StdErr);
            Assert.That(r.StdErr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(r.StdErr, Does.Contain(expected));
        });
    }
}
