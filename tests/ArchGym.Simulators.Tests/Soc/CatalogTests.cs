using NUnit.Framework;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Workloads.Soc;

namespace ArchGym.Simulators.Tests.Soc;

public class CatalogTests
{
    [TestCaseSource(typeof(JobCatalog), nameof(JobCatalog.Names))]
    public void EveryCatalogJobParses(string name)
    {
        var job = JobCatalog.Get(name);
        Assert.That(job.Tasks, Is.Not.Empty);
        Assert.That(TopologicalOrder.Of(job), Is.Not.Null);
    }

    [TestCase(JobCatalog.WifiTransmitter, 27)]
    [TestCase(JobCatalog.WifiReceiver, 34)]
    [TestCase(JobCatalog.RangeDetection, 7)]
    [TestCase(JobCatalog.SingleCarrierTransmitter, 8)]
    [TestCase(JobCatalog.SingleCarrierReceiver, 8)]
    [TestCase(JobCatalog.TemporalMitigation, 10)]
    [TestCase(JobCatalog.TopcuogluExample, 10)]
    public void TaskCountsMatchTheReadme(string name, int tasks) =>
        Assert.That(JobCatalog.Get(name).Tasks, Has.Count.EqualTo(tasks));

    [TestCase(JobCatalog.WifiTransmitter, "jobs/job_WIFI_5TXM.txt")]
    [TestCase(JobCatalog.WifiReceiver, "jobs/job_WIFI_5RXM.txt")]
    [TestCase(JobCatalog.RangeDetection, "jobs/job_LAG.txt")]
    [TestCase(JobCatalog.SingleCarrierTransmitter, "jobs/job_SCT.txt")]
    [TestCase(JobCatalog.SingleCarrierReceiver, "jobs/job_SCR.txt")]
    [TestCase(JobCatalog.TemporalMitigation, "jobs/job_TEMP_MIT.txt")]
    [TestCase(JobCatalog.TopcuogluExample, "jobs/job_Top.txt")]
    [TestCase("DS3Gym/job_Top", "ds3gym/job_Top.txt")]
    [TestCase("DS3Gym/job_Top2", "ds3gym/job_Top2.txt")]
    [TestCase("DS3Gym/job_Top10", "ds3gym/job_Top10.txt")]
    public void CatalogJobsEqualTheSharedFiles(string name, string file)
    {
        var shared = JobFileReader.Parse(SharedReference.Read(file), file);
        var embedded = JobCatalog.Get(name);
        Assert.That(embedded.Name, Is.EqualTo(shared.Name));
        Assert.That(embedded.Tasks.Select(t => (t.Name, string.Join(",", t.Predecessors), t.IsHead, t.IsTail)),
            Is.EqualTo(shared.Tasks.Select(t => (t.Name, string.Join(",", t.Predecessors), t.IsHead, t.IsTail))));
        Assert.That(embedded.Edges, Is.EqualTo(shared.Edges));
    }

    [TestCase(SocCatalog.DashStandard, "socs/SoC.MULTIPLE_BAL.txt")]
    [TestCase(SocCatalog.BalancedOnly, "socs/SoC.BAL_only.txt")]
    [TestCase(SocCatalog.DashNoC, "socs/SoC.MULTIPLE_BAL_NoC.txt")]
    [TestCase(SocCatalog.TopcuogluExample, "socs/SoC.Top.txt")]
    [TestCase(SocCatalog.Ds3GymTop, "ds3gym/DASH.SoC.Top.txt")]
    public void CatalogSocsEqualTheSharedFiles(string name, string file)
    {
        var shared = SocResourceReader.Parse(SharedReference.Read(file), file);
        var embedded = SocCatalog.Get(name);
        Assert.That(embedded.PeNames, Is.EqualTo(shared.PeNames));
        Assert.That(embedded.TaskNames.Order(), Is.EqualTo(shared.TaskNames.Order()));
        foreach (var t in shared.TaskNames) Assert.That(embedded.ExecutionTimesUs(t), Is.EqualTo(shared.ExecutionTimesUs(t)), t);
        for (var a = 0; a < shared.PeCount; a++)
            for (var b = 0; b < shared.PeCount; b++) Assert.That(embedded.Bandwidth(a, b), Is.EqualTo(shared.Bandwidth(a, b)));
    }

    [Test]
    public void DashSocSupportsEveryTaskOfTheDs3Applications()
    {
        var soc = SocCatalog.Get(SocCatalog.DashStandard);
        var mix = new[] { JobCatalog.WifiTransmitter, JobCatalog.WifiReceiver, JobCatalog.RangeDetection,
            JobCatalog.SingleCarrierTransmitter, JobCatalog.SingleCarrierReceiver, JobCatalog.TemporalMitigation };
        Assert.DoesNotThrow(() => SocWorkload.Of(mix.Select(m => (m, 1.0 / mix.Length)).ToArray()).Validate(soc));
    }

    [TestCaseSource(typeof(SocCatalog), nameof(SocCatalog.Names))]
    public void EveryCatalogSocParses(string name) => Assert.That(SocCatalog.Get(name).PeCount, Is.GreaterThan(1));

    [Test]
    public void StandardDashSocHasSixteenPesPlusMemory()
    {
        var soc = SocCatalog.Get(SocCatalog.DashStandard);
        Assert.That(soc.PeCount, Is.EqualTo(17));
        Assert.That(soc.MemoryPe, Is.EqualTo(16));
        Assert.That(soc.Clusters.Select(c => c.Capacity), Is.EqualTo(new[] { 4, 4, 2, 4, 2, 1 }));
        // README sample rows: ifft A7 296 / A15 118 / FFT 12..16; viterbi_decoder: first row wins (1828 on A7).
        var ifft = soc.ExecutionTimesUs("ifft_1")!;
        Assert.That(new[] { ifft[0], ifft[4], ifft[10] }, Is.EqualTo(new[] { 296.0, 118.0, 16.0 }));
        Assert.That(ifft[8], Is.EqualTo(double.PositiveInfinity));
        var vit = soc.ExecutionTimesUs("viterbi_decoder")!;
        Assert.That(new[] { vit[0], vit[4], vit[14] }, Is.EqualTo(new[] { 1828.0, 739.0, 2.0 }));
        // Bandwidths: 10 to the FFT cluster, 1000 between other clusters and cores of one cluster, 10000 on the same PE.
        Assert.That(soc.Bandwidth(0, 10), Is.EqualTo(10));
        Assert.That(soc.Bandwidth(10, 4), Is.EqualTo(10));
        Assert.That(soc.Bandwidth(0, 4), Is.EqualTo(1000));
        Assert.That(soc.Bandwidth(0, 1), Is.EqualTo(1000));
        Assert.That(soc.Bandwidth(5, 5), Is.EqualTo(10000));
        Assert.That(soc.CommunicationTimeUs(8192, 4, 10), Is.EqualTo(819)); // int(8192 / 10)
    }

    [Test]
    public void Ds3GymShortFormReadsPositionalHeaders()
    {
        var soc = SocCatalog.Get(SocCatalog.Ds3GymTop);
        Assert.That(soc.PeCount, Is.EqualTo(4));
        Assert.That(soc.ExecutionTimesUs("task_10")!.Take(3), Is.EqualTo(new[] { 21.0, 7.0, 16.0 }));
        Assert.That(soc.Bandwidth(0, 1), Is.EqualTo(1)); // unspecified pairs default to 1
        Assert.That(soc.Bandwidth(0, 0), Is.EqualTo(100), "DS3Gym writes 'comm_band 0 0 100' to the diagonal itself");
        Assert.That(soc.Bandwidth(2, 3), Is.EqualTo(2));
        Assert.That(soc.CommunicationTimeUs(18, 0, 0), Is.Zero);
        // The long form puts comm_band_self on the diagonal instead (SoC.Top: 10000).
        Assert.That(SocCatalog.Get(SocCatalog.TopcuogluExample).Bandwidth(0, 0), Is.EqualTo(10000));
    }

    [TestCase("job_name X\nadd_new_tasks 1\na 0\na HEAD\na TAIL\nb earliest_start 0 deadline 1\n", 6, "task name")]
    [TestCase("job_name X\nadd_new_tasks 2\na 0\na HEAD\nb 1 7\nb TAIL\n", 5, "predecessor id")]
    [TestCase("job_name X\nadd_new_tasks 2\na 0\na HEAD\nb 1 0\nb TAIL\ncomm_vol 0 1 x\n", 7, "comm_vol volume")]
    [TestCase("job_name X\nadd_new_tasks 2\na 0\na HEAD\nb 1 0\nb TAIL\ncomm_vol 1 0 4\n", 7, "comm_vol")]
    [TestCase("job_name X\nadd_new_tasks 1\na 3\n", 3, "task id")]
    public void MalformedJobFilesNameFileLineAndField(string text, int line, string field)
    {
        var ex = Assert.Throws<InvalidConfigException>(() => JobFileReader.Parse(text, "job_bad.txt"))!;
        Assert.That(ex.Field, Is.EqualTo(field));
        Assert.That(ex.SourceLocation, Is.EqualTo($"job_bad.txt:{line}"));
        Assert.That(ex.Allowed, Is.Not.Empty);
    }

    [TestCase("add_new_resource CPU P1 0 1 1 turbo\nt 1\n", 1, "DVFS_mode")]
    [TestCase("add_new_resource CPU P1 0 1 1 performance\nt fast\n", 2, "execution time")]
    [TestCase("add_new_resource CPU P1 3 1 1 performance\nt 1\n", 1, "resource_ID")]
    [TestCase("add_new_resource CPU P1 0 1 1 performance\nt 1\ncomm_band 0 4 10\n", 3, "comm_band destination")]
    [TestCase("add_new_resource CPU P1 0 2 1 performance\nt 1\ncomm_band 0 0 0\n", 3, "comm_band bandwidth")]
    [TestCase("frobnicate 1\n", 1, "keyword")]
    public void MalformedSocFilesNameFileLineAndField(string text, int line, string field)
    {
        var ex = Assert.Throws<InvalidConfigException>(() => SocResourceReader.Parse(text, "SoC.bad.txt"))!;
        Assert.That(ex.Field, Is.EqualTo(field));
        Assert.That(ex.SourceLocation, Is.EqualTo($"SoC.bad.txt:{line}"));
    }

    [Test]
    public void UnknownCatalogNamesListWhatIsAllowed()
    {
        var ex = Assert.Throws<InvalidConfigException>(() => JobCatalog.Get("job_nope"))!;
        Assert.That(ex.Allowed, Does.Contain(JobCatalog.WifiTransmitter));
    }
}
