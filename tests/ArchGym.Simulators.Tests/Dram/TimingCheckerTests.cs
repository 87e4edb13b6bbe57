using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Checking;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// Replays every issued command through the independent checker: zero violations expected for every
/// reference trace under every page policy and scheduler, for every standard under synthetic
/// workloads, refresh policies, buffers and arbiters. The checker itself must catch broken streams.
/// </summary>
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
        var standard = StandardCatalog.Get("DDR4_2400_4Gb_x8");
        var config = new DramConfig(standard.Name, new ControllerConfig { PagePolicy = page, Scheduler = scheduler }, DramReference.Ddr4Mapping(), recordCommands: true);
        AssertClean(standard, new DramSimulator().Run(config, DramReference.Trace(trace)));
    }

    public static IEnumerable<TestCaseData> SyntheticCases()
    {
        var workloads = new (string, ITraceSource)[]
        {
            ("mixed", TraceGenerators.MixedReadWrite(3000, 1UL << 28, 0.4, 2, seed: 7)),
            ("rowconflict", TraceGenerators.StridedRowConflict(2000, 4, 1UL << 20, 1)),
            ("bankparallel", TraceGenerators.BankParallel(2000, 16, 13, 0)),
            ("cloud-1", TraceGenerators.ArchGym("cloud-1", seed: 3, count: 2000)),
        };
        foreach (var standard in StandardCatalog.All)
        foreach (var (name, workload) in workloads)
        foreach (var refresh in Enum.GetValues<RefreshPolicyKind>())
        {
            if (refresh == RefreshPolicyKind.PerBank && !standard.SupportsPerBankRefresh) continue;
            foreach (var page in Enum.GetValues<PagePolicyKind>())
                yield return new TestCaseData(standard.Name, workload, page, refresh).SetName($"Checker_{standard.Name}_{name}_{page}_{refresh}");
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

    public static IEnumerable<TestCaseData> KnobCases()
    {
        foreach (var buffer in Enum.GetValues<SchedulerBufferKind>())
        foreach (var arbiter in Enum.GetValues<ArbiterKind>())
        foreach (var size in new[] { 1, 8 })
            yield return new TestCaseData(buffer, arbiter, size).SetName($"Checker_DDR3_{buffer}_{arbiter}_{size}");
    }

    [TestCaseSource(nameof(KnobCases))]
    public void ArchGymDesignPoints_NoViolations(SchedulerBufferKind buffer, ArbiterKind arbiter, int size)
    {
        var standard = StandardCatalog.Get("DDR3_1600_1Gb_x8");
        var controller = ControllerConfig.ArchGymDefault with
        {
            SchedulerBuffer = buffer, Arbiter = arbiter, RequestBufferSize = size, RequestBufferSizeRead = size, RequestBufferSizeWrite = size,
            MaxActiveTransactions = 4, RefreshPolicy = RefreshPolicyKind.AllBank, RefreshMaxPostponed = 2, RefreshMaxPulledin = 2,
            PagePolicy = PagePolicyKind.OpenAdaptive, Scheduler = SchedulerKind.FrFcfs,
        };
        var trace = TraceGenerators.MixedReadWrite(4000, 1UL << 30, 0.3, 1, seed: 21);
        AssertClean(standard, new DramSimulator().Run(new DramConfig(standard.Name, controller, recordCommands: true), trace));
    }

    [Test]
    public void Checker_FlagsACommandIssuedTooEarly()
    {
        var s = StandardCatalog.Get("DDR4_2400_4Gb_x8");
        IssuedCommand[] commands = [new(0, DramCommand.ACT, 0, 0, 0, 0, 5), new(s.Timing.RCD - 1, DramCommand.RD, 0, 0, 0, 0, 5)];
        Assert.That(TimingChecker.Check(s, commands).Select(v => v.Rule), Does.Contain("tRCD"));
    }

    [Test]
    public void Checker_FlagsFifthActivateInsideTfaw()
    {
        var s = StandardCatalog.Get("DDR4_2400_4Gb_x8");
        var commands = Enumerable.Range(0, 5).Select(i => new IssuedCommand(i * s.Timing.RRD_S, DramCommand.ACT, 0, 0, i % 4, i * 4 % 16 + i / 4, 1));
        Assert.That(TimingChecker.Check(s, commands).Select(v => v.Rule), Does.Contain("tFAW"));
    }

    [Test]
    public void Checker_FlagsDramSys5AutoPrecharge_AsTooEarlyForJedec()
    {
        var s = StandardCatalog.Get("DDR4_2400_4Gb_x8");
        var config = new DramConfig(s.Name, new ControllerConfig { PagePolicy = PagePolicyKind.Closed }, recordCommands: true, timingMode: TimingMode.DramSys5);
        var report = new DramSimulator().Run(config, TraceGenerators.Stream(300, 0));
        Assert.That(TimingChecker.Check(s, report.Commands).Select(v => v.Rule), Does.Contain("tRC"), "DRAMSys 5's closed page is not JEDEC-legal");
    }

    [Test]
    public void Checker_FlagsBusOverlapOfLpddr4TwoCycleCommands()
    {
        var s = StandardCatalog.Get("LPDDR4_2400_8Gb_x16");
        IssuedCommand[] commands = [new(0, DramCommand.ACT, 0, 0, 0, 0, 1), new(2, DramCommand.ACT, 0, 0, 0, 1, 1)];
        Assert.That(TimingChecker.Check(s, commands).Select(v => v.Rule), Does.Contain("command bus busy"));
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
