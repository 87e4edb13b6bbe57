using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Checking;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>Replays every issued command through the independent checker: zero violations expected.</summary>
[TestFixture]
public class TimingCheckerTests
{
    private static readonly string[] ReferenceTraces = ["random_read_paced8", "random_read_sat", "row_interleave_sat", "stream_read_paced8", "stream_read_sat"];

    public static IEnumerable<TestCaseData> ReferenceCases()
    {
        foreach (var page in Enum.GetValues<PagePolicyKind>())
        foreach (var scheduler in Enum.GetValues<SchedulerKind>())
        foreach (var trace in ReferenceTraces)
            yield return new TestCaseData(page, scheduler, trace).SetName($"Checker_{page}_{scheduler}_{trace}");
    }

    [TestCaseSource(nameof(ReferenceCases))]
    public void ReferenceTraces_NoViolations(PagePolicyKind page, SchedulerKind scheduler, string trace)
    {
        var standard = StandardCatalog.Get("DDR4-2400_4Gb_x8");
        var config = new DramConfig(standard.Name, new ControllerConfig { PagePolicy = page, Scheduler = scheduler }, DramReference.Ddr4Mapping(), recordCommands: true);
        var report = new DramSimulator().Run(config, new TraceFile(DramReference.PathOf("traces", trace + ".stl.gz")));
        AssertClean(standard, report);
    }

    public static IEnumerable<TestCaseData> SyntheticCases()
    {
        var workloads = new (string, ITraceSource)[]
        {
            ("mixed", TraceGenerators.MixedReadWrite(4000, 1UL << 28, 0.4, 2, seed: 7)),
            ("rowconflict", TraceGenerators.StridedRowConflict(3000, 4, 1UL << 20, 1)),
            ("bankparallel", TraceGenerators.BankParallel(3000, 16, 13, 0)),
            ("cloud-1", TraceGenerators.ArchGym("cloud-1", seed: 3, count: 3000)),
        };
        string[] standards = ["DDR3-1600_1Gb_x8", "DDR4-2400_4Gb_x8", "DDR4-2400_8Gb_x8", "LPDDR4_2400_8Gb_x16", "LPDDR4_3200_8Gb_x16", "HBM2_2000_4Gb"];
        foreach (var standard in standards)
        foreach (var (name, workload) in workloads)
        foreach (var refresh in new[] { RefreshPolicyKind.AllBank, RefreshPolicyKind.PerBank })
        {
            if (refresh == RefreshPolicyKind.PerBank && !StandardCatalog.Get(standard).SupportsPerBankRefresh) continue;
            foreach (var page in Enum.GetValues<PagePolicyKind>())
                yield return new TestCaseData(standard, workload, page, refresh).SetName($"Checker_{standard}_{name}_{page}_{refresh}");
        }
    }

    [TestCaseSource(nameof(SyntheticCases))]
    public void SyntheticWorkloads_NoViolations(string standardName, ITraceSource workload, PagePolicyKind page, RefreshPolicyKind refresh)
    {
        var standard = StandardCatalog.Get(standardName);
        var controller = new ControllerConfig
        {
            PagePolicy = page, Scheduler = SchedulerKind.FrFcfsGrp, SchedulerBuffer = SchedulerBufferKind.Shared, RequestBufferSize = 32,
            RefreshPolicy = refresh, RefreshMaxPostponed = 4, RefreshMaxPulledin = 2, Arbiter = ArbiterKind.Reorder, RespQueue = RespQueueKind.Reorder,
        };
        var report = new DramSimulator().Run(new DramConfig(standardName, controller, recordCommands: true), Within(workload, standard.CapacityBytes));
        Assert.That(report.Requests, Is.EqualTo(workload.Read().Count()));
        AssertClean(standard, report);
    }

    [Test]
    public void Checker_FlagsACommandIssuedTooEarly()
    {
        var s = StandardCatalog.Get("DDR4-2400_4Gb_x8");
        IssuedCommand[] commands = [new(0, DramCommand.ACT, 0, 0, 0, 0, 5), new(s.Timing.RCD - 1, DramCommand.RD, 0, 0, 0, 0, 5)];
        var violations = TimingChecker.Check(s, commands);
        Assert.That(violations.Select(v => v.Rule), Does.Contain("tRCD"));
    }

    [Test]
    public void Checker_FlagsFifthActivateInsideTfaw()
    {
        var s = StandardCatalog.Get("DDR4-2400_4Gb_x8");
        var commands = Enumerable.Range(0, 5).Select(i => new IssuedCommand(i * s.Timing.RRD_S, DramCommand.ACT, 0, 0, i % 4, i * 4 % 16 + i / 4, 1));
        Assert.That(TimingChecker.Check(s, commands).Select(v => v.Rule), Does.Contain("tFAW"));
    }

    // Folds addresses into the standard's capacity (HBM2's 4Gb channel is smaller than the 1 GiB traces).
    private static ITraceSource Within(ITraceSource trace, long capacity) =>
        new InMemoryTrace(trace.Name, trace.Read().Select(r => r with { Address = r.Address % (ulong)capacity }).ToList());

    private static void AssertClean(DramStandard standard, DramReport report)
    {
        Assert.That(report.Commands, Is.Not.Empty);
        var violations = TimingChecker.Check(standard, report.Commands);
        Assert.That(violations, Is.Empty, () => string.Join("\n", violations.Take(5)));
    }
}
