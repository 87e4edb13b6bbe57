using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>Bad input throws <see cref="InvalidConfigException"/> with one clear line naming the field, the value and what is allowed.</summary>
[TestFixture]
public class BadInputTests
{
    private static readonly DramSimulator Sim = new();

    private static InvalidConfigException Throws(Action action)
    {
        var e = Assert.Throws<InvalidConfigException>(action)!;
        Assert.That(e.Message, Does.Not.Contain("\n"), "one line");
        TestContext.Out.WriteLine(e.Message);
        return e;
    }

    [Test]
    public void UnknownStandard_ListsTheKnownOnes()
    {
        var e = Throws(() => DramConfig.Create("DDR9_9999"));
        Assert.That(e.Field, Is.EqualTo("Standard"));
        Assert.That(e.Allowed, Does.Contain("DDR4_2400_8Gb_x8").And.Contain("HBM2_2000_4Gb"));
    }

    [TestCase("PagePolicy", "Sometimes", "Open, OpenAdaptive, Closed, ClosedAdaptive")]
    [TestCase("Scheduler", "GrpFrFcfsWm", "Fifo, FrFcfs, FrFcfsGrp")]
    [TestCase("SchedulerBuffer", "3", "Bankwise, ReadWrite, Shared")]
    [TestCase("RequestBufferSize", "0", ">= 1")]
    [TestCase("RefreshMaxPostponed", "9", "[0, 8]")]
    [TestCase("MaxActiveTransactions", "many", ">= 1")]
    [TestCase("CmdMux", "Strict", "Oldest")]
    [TestCase("PowerDownPolicy", "Staggered", "NoPowerDown")]
    public void BadKnobValue_NamesKnobAndAllowedValues(string knob, string value, string allowed)
    {
        var e = Throws(() => DramConfig.Create("DDR4_2400_4Gb_x8", [KeyValuePair.Create(knob, value)]));
        Assert.That(e.Field, Is.EqualTo(knob));
        Assert.That(e.Value, Is.EqualTo(value));
        Assert.That(e.Allowed, Does.Contain(allowed));
    }

    [Test]
    public void UnknownKnob_ListsTheKnobs()
    {
        var e = Throws(() => ControllerKnobs.FromKnobs([KeyValuePair.Create("PagePolcy", "Open")]));
        Assert.That(e.Field, Is.EqualTo("knob"));
        Assert.That(e.Allowed, Does.Contain("PagePolicy").And.Contain("MaxActiveTransactions"));
        Throws(() => McConfigReader.Parse("""{"mcconfig": {"PagePolicy": "Open", "Turbo": true}}"""));
    }

    [Test]
    public void McConfig_BadJsonAndValues_NameTheFile()
    {
        var e = Throws(() => McConfigReader.Parse("{\"mcconfig\": {\n \"PagePolicy\": }", "x.json"));
        Assert.That(e.SourceLocation, Does.StartWith("x.json:2"));
        Throws(() => McConfigReader.Parse("""{"mcconfig": {"RequestBufferSize": "eight"}}"""));
        Throws(() => McConfigReader.ReadFile("/nonexistent/mc.json"));
    }

    [Test]
    public void PerBankRefresh_OnDdr4_IsRejected() =>
        Throws(() => DramConfig.Create("DDR4_2400_4Gb_x8", [KeyValuePair.Create("RefreshPolicy", "PerBank")]));

    [Test]
    public void MalformedTraceLine_ReportsFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.stl");
        File.WriteAllText(path, "# header\n0:\tread\t0x0\n\n8:\tfetch\t0x40\n");
        try
        {
            var e = Throws(() => Sim.Run(new DramConfig("DDR4_2400_4Gb_x8"), new TraceFile(path)));
            Assert.That(e.SourceLocation, Is.EqualTo($"{path}:4"));
            Assert.That(e.Value, Is.EqualTo("8:\tfetch\t0x40"));
        }
        finally { File.Delete(path); }
    }

    [TestCase("0x40 READ")]            // DRAMsim3 without the cycle
    [TestCase("0x4G READ 3")]          // not hex
    [TestCase("12:\tread")]             // DRAMSys without an address
    [TestCase("-5:\tread\t0x40")]      // negative cycle
    [TestCase("0x40 R 1 2 3 4")]       // too many fields
    public void MalformedLines_AreRejected(string line) =>
        Throws(() => TraceLineParser.Parse(line, TraceFormat.Auto, 0, "t.trc:1"));

    [Test]
    public void AddressOutOfRange_NamesTheRequest()
    {
        var trace = new InMemoryTrace("far", [new TraceRequest(0, 0x40, false), new TraceRequest(1, 1UL << 32, false)]);
        var e = Throws(() => Sim.Run(new DramConfig("DDR4_2400_4Gb_x8"), trace));
        Assert.That(e.Field, Is.EqualTo("address"));
        Assert.That(e.SourceLocation, Is.EqualTo("far: request 2"));
        Assert.That(e.Allowed, Does.Contain("4096 MiB"));
    }

    [Test]
    public void EmptyTrace_IsRejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.stl");
        File.WriteAllText(path, "# only a comment\n\n");
        try
        {
            Throws(() => Sim.Run(new DramConfig(), new TraceFile(path)));
            Throws(() => Sim.Run(new DramConfig(), new InMemoryTrace("none", [])));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void MissingTraceFile_IsRejected() =>
        Throws(() => Sim.Run(new DramConfig(), new TraceFile("/nonexistent/trace.stl")));

    [Test]
    public void RequestLargerThanABurst_IsRejected() =>
        Throws(() => Sim.Run(new DramConfig(), new InMemoryTrace("big", [new TraceRequest(0, 0, false, 128)])));

    [TestCase("row,bank,column")]               // DDR4 has bank groups
    [TestCase("row,bank,bankgroup,column,row")] // repeated
    [TestCase("row,bank,bankgroups,column")]    // unknown field
    [TestCase("RoBaBgC")]                       // odd compact form
    public void BadAddressMapping_IsRejected(string order) =>
        Throws(() => DramConfig.Create("DDR4_2400_4Gb_x8", addressMapping: order));

    [Test]
    public void BadStandardFile_NamesTheField()
    {
        var e = Throws(() => ArchGym.Simulators.Dram.Standards.StandardCatalog.Parse("""{"name": "X", "organization": {"channels": 1}, "timing": {}, "power": {"rails": []}}""", "x.json"));
        Assert.That(e.SourceLocation, Is.EqualTo("x.json"));
        Throws(() => ArchGym.Simulators.Dram.Standards.StandardCatalog.Parse("""{"name": "X", "tyop": 1}""", "y.json"));
    }
}
