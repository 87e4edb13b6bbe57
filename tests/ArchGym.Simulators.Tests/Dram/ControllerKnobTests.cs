using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>Each knob changes behaviour the way DRAMSys documents it; configs and readers validate input.</summary>
[TestFixture]
public class ControllerKnobTests
{
    private static readonly DramSimulator Sim = new();
    private static readonly ITraceSource RowConflict = TraceGenerators.StridedRowConflict(4000, 4, 1UL << 17, 0);

    private static DramReport Run(ControllerConfig c, ITraceSource? t = null) =>
        Sim.Run(new DramConfig("DDR4-2400_4Gb_x8", c, AddressMapping.FromOrder("RoChRaBaBgCo", StandardCatalog.Get("DDR4-2400_4Gb_x8"))), t ?? RowConflict);

    [Test]
    public void FrFcfs_BatchesRowHits_FifoDoesNot()
    {
        var fifo = Run(new ControllerConfig { Scheduler = SchedulerKind.Fifo });
        var frfcfs = Run(new ControllerConfig { Scheduler = SchedulerKind.FrFcfs });
        Assert.That(frfcfs.BandwidthGBps, Is.GreaterThan(3 * fifo.BandwidthGBps));
        Assert.That(frfcfs.RowBufferHitRate, Is.GreaterThan(0.5));
        Assert.That(fifo.RowBufferHitRate, Is.LessThan(0.05));
    }

    [Test]
    public void ClosedPage_AutoPrechargesEveryAccess_OpenPageKeepsRows()
    {
        var stream = TraceGenerators.Stream(2000, 8);
        var closed = Run(new ControllerConfig { PagePolicy = PagePolicyKind.Closed }, stream);
        var open = Run(new ControllerConfig { PagePolicy = PagePolicyKind.Open }, stream);
        Assert.That(closed.Activates, Is.GreaterThanOrEqualTo(2000));
        Assert.That(open.Activates, Is.LessThan(100));
    }

    [Test]
    public void RefreshPolicy_NoRefreshIssuesNoREF_AllBankOnePerTrefi()
    {
        var trace = TraceGenerators.Stream(20000, 8);
        var none = Run(new ControllerConfig { RefreshPolicy = RefreshPolicyKind.NoRefresh }, trace);
        var all = Run(new ControllerConfig { RefreshPolicy = RefreshPolicyKind.AllBank }, trace);
        Assert.That(none.Refreshes, Is.Zero);
        Assert.That(all.Refreshes, Is.EqualTo(all.SimulatedCycles / 9360).Within(1));
    }

    [Test]
    public void PerBankRefresh_OnDdr4_IsRejected() =>
        Assert.Throws<InvalidConfigException>(() => _ = new DramConfig("DDR4-2400_4Gb_x8", new ControllerConfig { RefreshPolicy = RefreshPolicyKind.PerBank }));

    [Test]
    public void LargerBuffer_RaisesRandomBandwidth()
    {
        var random = TraceGenerators.Random(4000, 1UL << 30, 0, seed: 1);
        var small = Run(new ControllerConfig { RequestBufferSize = 1 }, random);
        var large = Run(new ControllerConfig { RequestBufferSize = 8 }, random);
        Assert.That(large.BandwidthGBps, Is.GreaterThan(small.BandwidthGBps * 1.3));
    }

    [Test]
    public void FifoArbiter_MaxActiveTransactionsOne_SerialisesRequests_SimpleIgnoresIt()
    {
        var random = TraceGenerators.Random(2000, 1UL << 30, 0, seed: 2);
        var fifo = Run(new ControllerConfig { Arbiter = ArbiterKind.Fifo, MaxActiveTransactions = 1 }, random);
        var simple = Run(new ControllerConfig { Arbiter = ArbiterKind.Simple, MaxActiveTransactions = 1 }, random);
        Assert.That(fifo.SimulatedCycles, Is.GreaterThan(2000L * 32));
        Assert.That(simple.SimulatedCycles, Is.LessThan(fifo.SimulatedCycles / 2));
    }

    [Test]
    public void SameInputs_SameReport()
    {
        var c = new ControllerConfig();
        var a = Run(c); var b = Run(c);
        Assert.That(a with { Commands = [] }, Is.EqualTo(b with { Commands = [] }));
    }

    [Test]
    public void McConfigReader_ReadsEveryReferenceConfig_AndRejectsUnknownValues()
    {
        var dir = DramReference.PathOf("configs", "dramsys", "mcconfig");
        foreach (var file in Directory.GetFiles(dir, "*.json"))
        {
            var c = McConfigReader.ReadFile(file);
            Assert.That(Path.GetFileNameWithoutExtension(file), Does.StartWith($"{c.PagePolicy}_{c.Scheduler}_{c.SchedulerBuffer}"));
        }
        var e = Assert.Throws<InvalidConfigException>(() => McConfigReader.Parse("""{"mcconfig":{"PagePolicy":"Sometimes"}}"""));
        Assert.That(e!.Field, Is.EqualTo("PagePolicy"));
    }

    [Test]
    public void StandardCatalog_HasTheFiveStandards_AndDecodesReferenceLayout()
    {
        Assert.That(StandardCatalog.All.Select(s => s.Name), Is.SupersetOf(new[] { "DDR3_1600_1Gb_x8", "DDR4_2400_4Gb_x8", "DDR4_2400_8Gb_x8", "LPDDR4_2400_8Gb_x16", "HBM2_2000_4Gb" }));
        var m = DramReference.Ddr4Mapping().Validate(StandardCatalog.Get("JEDEC_4Gb_DDR4-2400_8bit_A"));
        Assert.That(m.Decode((5UL << 17) | (2UL << 15) | (3UL << 13) | (7UL << 6)), Is.EqualTo(new DecodedAddress(0, 0, 3, 2, 5, 7 << 3)));
        Assert.That(AddressMapping.FromOrder("RoChRaBaBgCo", StandardCatalog.Get("DDR4-2400_4Gb_x8")), Is.Not.Null);
        Assert.Throws<InvalidConfigException>(() => StandardCatalog.Get("DDR9"));
    }

    [Test]
    public void TraceFormats_ParseTheSameRequests()
    {
        var stl = new TraceFile(DramReference.PathOf("traces", "random_read_paced8.stl.gz")).Read().Take(100).ToList();
        var ds3 = new TraceFile(DramReference.PathOf("traces", "random_read_paced8.dramsim3.trc.gz")).Read().Take(100).ToList();
        Assert.That(ds3, Is.EqualTo(stl));
        Assert.That(TraceLineParser.Parse("0x40 W", TraceFormat.Ramulator, 3, "x"), Is.EqualTo(new TraceRequest(3, 0x40, true)));
        Assert.That(TraceLineParser.Parse("LD 0x80", TraceFormat.Ramulator, 4, "x"), Is.EqualTo(new TraceRequest(4, 0x80, false)));
        Assert.Throws<InvalidConfigException>(() => TraceLineParser.Parse("12:\tfetch\t0x0", TraceFormat.DramSys, 0, "x"));
    }

    [Test]
    public void ArchGymGenerators_HaveTheDocumentedShape()
    {
        var cloud = TraceGenerators.ArchGym("cloud-1", seed: 1).Read().ToList();
        Assert.That(cloud, Has.Count.EqualTo(10000));
        Assert.That(cloud.Take(50).Select(r => r.Address), Is.EqualTo(Enumerable.Range(0, 50).Select(i => (ulong)i * 64)));
        Assert.That(cloud.Select(r => r.Cycle), Is.EqualTo(Enumerable.Range(0, 10000).Select(i => (long)i)));
        var first = TraceGenerators.ArchGym("random", seed: 5).Read().ToList();
        Assert.That(TraceGenerators.ArchGym("random", seed: 5).Read(), Is.EqualTo(first));
        Assert.That(TraceGenerators.ArchGym("random", seed: 6).Read(), Is.Not.EqualTo(first));
    }
}
