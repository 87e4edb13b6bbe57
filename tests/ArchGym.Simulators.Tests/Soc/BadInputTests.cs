using NUnit.Framework;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Tests.Soc;

/// <summary>Every kind of bad input ends in one InvalidConfigException whose one-line message names file and line.</summary>
public class BadInputTests
{
    private const string TwoCpus = """
        add_new_resource resource_type CPU resource_name P resource_ID 0 capacity 2 num_supported_functionalities 2 DVFS_mode performance
        opp 1000 1000
        power_profile 1000 0.5 0.9
        a 10
        b 20
        add_new_resource resource_type MEM resource_name MEMORY resource_ID 1 capacity 1 num_supported_functionalities 1 DVFS_mode none
        None 0
        comm_band_self 100
        comm_band 0 0 10
        comm_band 0 1 10
        """;

    private static void AssertOneLine(InvalidConfigException ex, string location)
    {
        Assert.That(ex.SourceLocation, Is.EqualTo(location));
        Assert.That(ex.Message, Does.StartWith(location + ": "));
        Assert.That(ex.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void CyclicDagNamesTheCycleAndTheFirstLineOnIt()
    {
        const string text = "job_name X\nadd_new_tasks 3\na 0 2\na HEAD\nb 1 0\nb TAIL\nc 2 1\n";
        var ex = Assert.Throws<InvalidConfigException>(() => JobFileReader.Parse(text, "job_cycle.txt"))!;
        Assert.That(ex.Field, Is.EqualTo("predecessors"));
        Assert.That(ex.Value, Is.EqualTo("cycle 0 -> 1 -> 2 -> 0"));
        AssertOneLine(ex, "job_cycle.txt:3");
    }

    [Test]
    public void SelfLoopIsRejectedAtItsLine()
    {
        var ex = Assert.Throws<InvalidConfigException>(() => JobFileReader.Parse("job_name X\nadd_new_tasks 1\na 0 0\na HEAD\na TAIL\n", "j.txt"))!;
        Assert.That(ex.Field, Is.EqualTo("predecessor id"));
        AssertOneLine(ex, "j.txt:3");
    }

    [Test]
    public void UnknownTaskNameNamesTheJobFileLine()
    {
        var soc = SocResourceReader.Parse(TwoCpus, "SoC.two.txt");
        var job = JobFileReader.Parse("job_name X\nadd_new_tasks 2\na 0\na HEAD\nfrobnicate 1 0\nfrobnicate TAIL\n", "job_x.txt");
        var ex = Assert.Throws<InvalidConfigException>(() => new SocWorkload([new JobMixEntry(job, 1)]).Validate(soc))!;
        Assert.That(ex.Field, Is.EqualTo("task name"));
        Assert.That(ex.Value, Is.EqualTo("frobnicate"));
        Assert.That(ex.Allowed, Does.Contain("SoC.two.txt"));
        AssertOneLine(ex, "job_x.txt:5");
    }

    [TestCase("job_name X\nadd_new_tasks 2\na 0\na HEAD\nb 1 zero\n", 5, "predecessor id")]
    [TestCase("job_name X\nadd_new_tasks 1\na 0\na HEAD\na TAIL\ncomm_vol 0 0\n", 6, "comm_vol")]
    [TestCase("job_name X\nadd_new_tasks 1\na 0\na BODY\n", 4, "task line")]
    [TestCase("a 0\n", 1, "line")]
    public void MalformedJobLinesNameFileAndLine(string text, int line, string field)
    {
        var ex = Assert.Throws<InvalidConfigException>(() => JobFileReader.Parse(text, "job_bad.txt"))!;
        Assert.That(ex.Field, Is.EqualTo(field));
        AssertOneLine(ex, $"job_bad.txt:{line}");
    }

    [TestCase("add_new_resource resource_type CPU resource_name P resource_ID 0 capacity 1 num_supported_functionalities 1 DVFS_mode performance\nopp 1000\n", 2, "opp")]
    [TestCase("add_new_resource resource_type CPU resource_name P resource_ID 0 capacity two num_supported_functionalities 1 DVFS_mode performance\n", 1, "capacity")]
    [TestCase("add_new_resource resource_type CPU resource_name P resource_ID 0 capacity 1 num_supported_functionalities 1 DVFS_mode performance\nopp 1000 900\npower_profile 800 0.1\nt 1\n", 3, "power_profile")]
    public void MalformedSocLinesNameFileAndLine(string text, int line, string field)
    {
        var ex = Assert.Throws<InvalidConfigException>(() => SocResourceReader.Parse(text, "SoC.bad.txt"))!;
        Assert.That(ex.Field, Is.EqualTo(field));
        AssertOneLine(ex, $"SoC.bad.txt:{line}");
    }

    [Test]
    public void MissingFilesAreConfigErrorsToo()
    {
        Assert.That(Assert.Throws<InvalidConfigException>(() => JobFileReader.Read("/nonexistent/job_none.txt"))!.Field, Is.EqualTo("job file"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => SocResourceReader.Read("/nonexistent/SoC.none.txt"))!.Field, Is.EqualTo("SoC file"));
    }

    [Test]
    public void FilesReadFromDiskAreNamedByFileName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"job_tmp_{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "job_name X\nadd_new_tasks 1\na 0 0\na HEAD\na TAIL\n");
        try
        {
            var ex = Assert.Throws<InvalidConfigException>(() => SocWorkload.FromFiles([path], [1.0]))!;
            Assert.That(ex.SourceLocation, Is.EqualTo(Path.GetFileName(path) + ":3"));
        }
        finally { File.Delete(path); }
    }
}
