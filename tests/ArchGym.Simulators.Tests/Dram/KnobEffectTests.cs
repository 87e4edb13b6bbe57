using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// Each controller knob moves the metrics the way DRAMSys documents (and the DRAMSys/DRAMsim3
/// reference rows show): on DDR4-2400 with the reference layout, generated traces, default knobs
/// otherwise. Thresholds are directions with a margin, not fitted values.
/// </summary>
[TestFixture]
public class KnobEffectTests
{
    private static readonly DramSimulator Sim = new();
    private const string Ddr4 = "DDR4_2400_4Gb_x8";
    private static readonly ITraceSource RowInterleave = TraceGenerators.StridedRowConflict(8000, 4, 1UL << 17, 0);
    private static readonly ITraceSource RandomSat = TraceGenerators.Random(8000, 1UL << 31, 0, seed: 11);
    private static readonly ITraceSource RandomPaced = TraceGenerators.Random(8000, 1UL << 31, 8, seed: 12);
    private static readonly ITraceSource StreamPaced = TraceGenerators.Stream(8000, 8);

    private static DramReport Run(ITraceSource trace, params (string Knob, string Value)[] knobs) =>
        Sim.Run(DramConfig.Create(Ddr4, knobs.Select(k => KeyValuePair.Create(k.Knob, k.Value))), trace);

    [Test]
    public void PagePolicy_OpenWinsOnStreams_ClosedOnRandom_AdaptivesInBetween()
    {
        var open = Run(StreamPaced, ("PagePolicy", "Open"));
        var closed = Run(StreamPaced, ("PagePolicy", "Closed"));
        var closedAdaptive = Run(StreamPaced, ("PagePolicy", "ClosedAdaptive"));
        Assert.That(open.RowBufferHitRate, Is.GreaterThan(0.95));
        Assert.That(closed.RowBufferHitRate, Is.Zero);
        Assert.That(closed.SimulatedCycles, Is.GreaterThan(3 * open.SimulatedCycles), "closed page re-activates every line of a stream");
        Assert.That(closedAdaptive.Activates, Is.LessThan(closed.Activates / 4), "closed adaptive keeps the row for buffered hits");
        Assert.That(closedAdaptive.AverageReadLatencyCycles, Is.InRange(open.AverageReadLatencyCycles, closed.AverageReadLatencyCycles));
        // Random lines never hit: closing at once saves the PRE on the next request's critical path.
        Assert.That(Run(RandomPaced, ("PagePolicy", "Closed")).AverageReadLatencyCycles,
            Is.LessThan(0.95 * Run(RandomPaced, ("PagePolicy", "Open")).AverageReadLatencyCycles));
        Assert.That(Run(RandomSat, ("PagePolicy", "OpenAdaptive")).Precharges,
            Is.LessThan(Run(RandomSat, ("PagePolicy", "Open")).Precharges / 2), "open adaptive closes with RDA when the next request misses");
    }

    [Test]
    public void Scheduler_FrFcfsBatchesRowHits_GrpGroupsReadsAndWrites()
    {
        var fifo = Run(RowInterleave, ("Scheduler", "Fifo"));
        var frfcfs = Run(RowInterleave, ("Scheduler", "FrFcfs"));
        Assert.That(frfcfs.BandwidthGBps, Is.GreaterThan(3 * fifo.BandwidthGBps), "reference: FR-FCFS about 4x FIFO");
        Assert.That(fifo.RowBufferHitRate, Is.LessThan(0.01));
        Assert.That(frfcfs.RowBufferHitRate, Is.GreaterThan(0.7));
        // Reads and writes alternating over open rows: grouping saves the read/write turnarounds.
        var alternating = new InMemoryTrace("rw", Enumerable.Range(0, 4000)
            .Select(i => new TraceRequest(0, (ulong)(i % 128) * 64 + ((ulong)(i / 128 % 4) << 13), i % 2 == 1)).ToList());
        Assert.That(Run(alternating, ("Scheduler", "FrFcfsGrp")).BandwidthGBps,
            Is.GreaterThan(1.5 * Run(alternating, ("Scheduler", "FrFcfs")).BandwidthGBps));
        Assert.That(Run(RandomSat, ("Scheduler", "Fifo")).SimulatedCycles,
            Is.EqualTo(Run(RandomSat, ("Scheduler", "FrFcfs")).SimulatedCycles).Within(1).Percent, "nothing to reorder on random reads");
    }

    [Test]
    public void RequestBufferSize_MoreEntriesMoreBankParallelism()
    {
        double previous = 0;
        foreach (var size in new[] { "1", "2", "4", "8" })
        {
            double bw = Run(RandomSat, ("RequestBufferSize", size)).BandwidthGBps;
            Assert.That(bw, Is.GreaterThan(previous * 1.02), $"size {size}");
            previous = bw;
        }
    }

    [Test]
    public void SchedulerBuffer_BankwiseHoldsMorePerChannelThanShared_ReadWriteCountsDirections()
    {
        var bankwise = Run(RandomSat, ("SchedulerBuffer", "Bankwise"), ("RequestBufferSize", "8"));
        var shared = Run(RandomSat, ("SchedulerBuffer", "Shared"), ("RequestBufferSize", "8"));
        var sharedBig = Run(RandomSat, ("SchedulerBuffer", "Shared"), ("RequestBufferSize", "64"));
        var readWrite = Run(RandomSat, ("SchedulerBuffer", "ReadWrite"), ("RequestBufferSize", "8"));
        Assert.That(bankwise.BandwidthGBps, Is.GreaterThan(shared.BandwidthGBps * 1.05), "8 per bank vs 8 in all");
        Assert.That(sharedBig.BandwidthGBps, Is.GreaterThan(shared.BandwidthGBps * 1.05));
        Assert.That(readWrite.SimulatedCycles, Is.EqualTo(shared.SimulatedCycles), "reads only: 8 read entries = 8 shared entries");
        var mixed = TraceGenerators.MixedReadWrite(8000, 1UL << 31, 0.5, 0, seed: 13);
        Assert.That(Run(mixed, ("SchedulerBuffer", "ReadWrite"), ("RequestBufferSize", "8")).BandwidthGBps,
            Is.GreaterThan(Run(mixed, ("SchedulerBuffer", "Shared"), ("RequestBufferSize", "8")).BandwidthGBps), "8 reads + 8 writes > 8 shared");
    }

    [Test]
    public void RespQueue_ReorderReturnsInRequestOrder_AtALatencyCost()
    {
        var fifo = Run(RowInterleave, ("RespQueue", "Fifo"));
        var reorder = Run(RowInterleave, ("RespQueue", "Reorder"));
        Assert.That(reorder.AverageReadLatencyCycles, Is.GreaterThan(1.1 * fifo.AverageReadLatencyCycles), "FR-FCFS serves out of order");
        Assert.That(reorder.SimulatedCycles, Is.EqualTo(fifo.SimulatedCycles).Within(1).Percent);
    }

    [Test]
    public void RefreshPolicy_NoRefreshIsFastest_AllBankOnePerTrefi_PerBankOnLpddr4()
    {
        var none = Run(RandomSat, ("RefreshPolicy", "NoRefresh"));
        var all = Run(RandomSat, ("RefreshPolicy", "AllBank"));
        Assert.That(none.Refreshes, Is.Zero);
        Assert.That(all.Refreshes, Is.EqualTo(all.SimulatedCycles / 9360).Within(1));
        Assert.That(none.SimulatedCycles, Is.LessThan(all.SimulatedCycles));
        var trace = TraceGenerators.Random(6000, 1UL << 30, 16, seed: 14);
        var lpAll = Sim.Run(DramConfig.Create("LPDDR4_2400_8Gb_x16", [KeyValuePair.Create("RefreshPolicy", "AllBank")]), trace);
        var lpBank = Sim.Run(DramConfig.Create("LPDDR4_2400_8Gb_x16", [KeyValuePair.Create("RefreshPolicy", "PerBank")]), trace);
        Assert.That(lpBank.Refreshes, Is.GreaterThan(4 * lpAll.Refreshes), "REFpb every tREFIpb = tREFI / 8");
        Assert.That(lpBank.P99ReadLatencyCycles, Is.LessThan(lpAll.P99ReadLatencyCycles), "a per-bank refresh stalls one bank, not all");
    }

    [Test]
    public void RefreshMaxPostponed_SkipsRefreshesWhileBusy()
    {
        var strict = Run(RandomSat, ("RefreshMaxPostponed", "0"));
        var flexible = Run(RandomSat, ("RefreshMaxPostponed", "4"));
        Assert.That(strict.Refreshes - flexible.Refreshes, Is.EqualTo(Math.Min(4, strict.Refreshes)), "a busy rank postpones up to 4");
        Assert.That(flexible.SimulatedCycles, Is.LessThan(strict.SimulatedCycles));
    }

    [Test]
    public void RefreshMaxPulledin_RefreshesAheadWhileIdle_SoTheBurstRunsFaster()
    {
        // 200 requests, an idle stretch over two refresh intervals, then a saturating burst.
        var bursty = new InMemoryTrace("bursty", TraceGenerators.Random(200, 1UL << 31, 0, 5).Read()
            .Concat(TraceGenerators.Random(16000, 1UL << 31, 0, 6).Read().Select(r => r with { Cycle = 40_000 })).ToList());
        var strict = Run(bursty, ("RefreshMaxPulledin", "0"));
        var flexible = Run(bursty, ("RefreshMaxPulledin", "8"));
        Assert.That(flexible.SimulatedCycles, Is.LessThan(strict.SimulatedCycles));
        Assert.That(flexible.AverageReadLatencyCycles, Is.LessThan(strict.AverageReadLatencyCycles));
    }

    [Test]
    public void Arbiter_FifoAndReorderCapTransactions_SimpleIgnoresTheCap()
    {
        double Cycles(string arbiter, string max) => Run(RandomSat, ("Arbiter", arbiter), ("MaxActiveTransactions", max)).SimulatedCycles;
        Assert.That(Cycles("Simple", "1"), Is.EqualTo(Cycles("Simple", "128")), "Simple ignores MaxActiveTransactions");
        Assert.That(Cycles("Fifo", "1"), Is.GreaterThan(5 * Cycles("Fifo", "128")), "one transaction at a time");
        Assert.That(Cycles("Fifo", "8"), Is.InRange(Cycles("Fifo", "128"), Cycles("Fifo", "1")));
        Assert.That(Cycles("Reorder", "8"), Is.GreaterThan(Cycles("Fifo", "8")), "in-order return keeps slots busy longer");
        Assert.That(Cycles("Fifo", "128"), Is.EqualTo(Cycles("Simple", "128")).Within(1).Percent, "a cap the buffer never reaches");
    }

    [Test]
    public void ThinkDelayFw_DelaysEveryRequest()
    {
        var one = Run(RandomPaced, ("ThinkDelayFw", "1"));
        var four = Run(RandomPaced, ("ThinkDelayFw", "4"));
        Assert.That(four.AverageReadLatencyCycles - one.AverageReadLatencyCycles, Is.InRange(2.0, 4.0));
    }

    [Test]
    public void SameInputs_SameReport()
    {
        var a = Run(RandomSat); var b = Run(RandomSat);
        Assert.That(a with { Commands = [] }, Is.EqualTo(b with { Commands = [] }));
    }
}
