using NUnit.Framework;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Systolic;
using ArchGym.Simulators.Systolic.ScaleSimFiles;

namespace ArchGym.Simulators.Tests.Systolic;

/// <summary>SCALE-Sim .cfg and topology CSV readers: the shared files parse; malformed input names file:line, field and value.</summary>
[TestFixture]
public class ScaleSimReaderTests
{
    private const string GoodCfg = """
        [general]
        run_name = demo

        [architecture_presets]
        ArrayHeight:    32
        arraywidth = 16
        IfmapSramSzkB:    64
        FilterSramSzkB:   32
        OfmapSramSzkB:    8
        IfmapOffset:    0
        FilterOffset:   10000000
        OfmapOffset:    20000000
        Dataflow : IS
        Bandwidth : 4, 8, 16
        MemoryBanks: 1

        [run_presets]
        InterfaceBandwidth: USER
        """;

    [Test]
    public void AllSharedConfigsParse()
    {
        var files = Directory.GetFiles(Path.Combine(ReferenceData.ScaleSimFolder, "configs"), "*.cfg");
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var config = ScaleSimConfigReader.Read(file);
            Assert.That(config.RunName, Is.Not.Empty, file);
            Assert.That(Path.GetFileName(file), Does.StartWith($"{(config.RunName == "golden_ws" ? "golden" : $"a{config.ArrayRows}x{config.ArrayCols}_{config.Dataflow.ToShortName()}")}")
                .Or.StartWith("timing"), file);
        }
    }

    [Test]
    public void ParsesKeysCaseInsensitivelyAndUsesFirstBandwidth()
    {
        var c = ScaleSimConfigReader.Parse(GoodCfg, "demo.cfg");
        Assert.That(c, Is.EqualTo(new SystolicConfig(32, 16, Dataflow.InputStationary, 64, 32, 8, BandwidthMode.User, 4, 1, "demo")));
    }

    [Test]
    public void CalcModeIgnoresBandwidth()
    {
        var c = ScaleSimConfigReader.Parse(GoodCfg.Replace("USER", "CALC").Replace("4, 8, 16", "oops"), "demo.cfg");
        Assert.That(c.BandwidthMode, Is.EqualTo(BandwidthMode.Calc));
    }

    [TestCase("ArrayHeight:    32", "ArrayHeight: -3", "ArrayHeight", "-3", 5)]
    [TestCase("ArrayHeight:    32", "ArrayHeight: 3x", "ArrayHeight", "3x", 5)]
    [TestCase("Dataflow : IS", "Dataflow : rs", "Dataflow", "rs", 13)]
    [TestCase("Bandwidth : 4, 8, 16", "Bandwidth : 0", "Bandwidth", "0", 14)]
    [TestCase("InterfaceBandwidth: USER", "InterfaceBandwidth: FAST", "InterfaceBandwidth", "FAST", 18)]
    [TestCase("OfmapSramSzkB:    8", "OfmapSramSzkB:    8\nofmapsramszkb: 9", "ofmapsramszkb", "9", 10)]
    [TestCase("IfmapOffset:    0", "IfmapOffset", "line", "IfmapOffset", 10)]
    public void MalformedConfigNamesLineFieldAndValue(string good, string bad, string field, string value, int line)
    {
        var e = Assert.Throws<InvalidConfigException>(() => ScaleSimConfigReader.Parse(GoodCfg.Replace(good, bad), "demo.cfg"));
        Assert.Multiple(() =>
        {
            Assert.That(e!.SourceLocation, Is.EqualTo($"demo.cfg:{line}"));
            Assert.That(e.Field, Is.EqualTo(field));
            Assert.That(e.Value, Is.EqualTo(value));
            Assert.That(e.Allowed, Is.Not.Empty);
        });
    }

    [Test]
    public void MissingKeyNamesSectionAndKey()
    {
        var e = Assert.Throws<InvalidConfigException>(() => ScaleSimConfigReader.Parse(GoodCfg.Replace("ArrayHeight:    32\n", ""), "demo.cfg"));
        Assert.That(e!.Field, Does.Contain("ArrayHeight"));
        Assert.That(e.SourceLocation, Is.EqualTo("demo.cfg"));
    }

    [Test]
    public void SharedTopologiesParse()
    {
        var folder = Path.Combine(ReferenceData.ScaleSimFolder, "topologies");
        var resnet = ScaleSimTopologyReader.Read(Path.Combine(folder, "resnet50.csv"));
        var gemm = ScaleSimTopologyReader.Read(Path.Combine(folder, "gemm_37x53x91.csv"));
        var alexnet = ScaleSimTopologyReader.Read(Path.Combine(folder, "alexnet_part.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(resnet.Layers, Has.Count.EqualTo(54));
            Assert.That(resnet.Name, Is.EqualTo("resnet50"));
            Assert.That(gemm.Layers.Single(), Is.EqualTo(ArchGym.Simulators.Workloads.Dnn.Layer.Gemm("g37x53x91", 37, 53, 91)));
            // SCALE-Sim sizes the ofmap as ceil((H - FH + S) / S): AlexNet Conv1 gives 55 x 55 (M = 3025).
            Assert.That(alexnet.Layers.Single().M, Is.EqualTo(3025));
        });
    }

    [Test]
    public void ConvRowsTakeColumnStrideBlankLinesAndDepthwise()
    {
        const string csv = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n\n"
            + "c1, 10, 12, 3, 3, 4, 8, 1, 2,\n\nDP2, 8, 8, 3, 3, 3, 1, 1,\n";
        var t = ScaleSimTopologyReader.Parse(csv, "t.csv", "t");
        Assert.Multiple(() =>
        {
            Assert.That(t.Layers.Select(l => l.Name), Is.EqualTo(new[] { "c1", "DP2Channel_0", "DP2Channel_1", "DP2Channel_2" }));
            Assert.That(t.Layers[0].StrideWidth, Is.EqualTo(2));
            Assert.That(t.Layers[0].StrideHeight, Is.EqualTo(1));
            Assert.That(t.Layers[1].Channels, Is.EqualTo(1));
        });
    }

    [TestCase("c1, 10, 12, 3, 3, 4, 8, 1\n", "row", 2)]                 // no trailing comma: the stride is dropped
    [TestCase("c1, 10, 12, 3, x, 4, 8, 1,\n", "Filter Width", 2)]
    [TestCase("\nc1, 10, 12, 3, 3, 0, 8, 1,\n", "Channels", 3)]
    [TestCase("c1, 3, 12, 5, 3, 4, 8, 1,\n", "c1.FilterHeight", 2)]
    public void MalformedConvRowsNameTheLine(string row, string field, int line)
    {
        const string header = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n";
        var e = Assert.Throws<InvalidConfigException>(() => ScaleSimTopologyReader.Parse(header + row, "t.csv", "t"));
        Assert.That(e!.SourceLocation, Is.EqualTo($"t.csv:{line}"));
        Assert.That(e.Field, Is.EqualTo(field));
    }

    [TestCase("g, 4, 5,\n", "row")]
    [TestCase("g, 4, 5, -1,\n", "K")]
    [TestCase(", 4, 5, 6,\n", "Layer name")]
    public void MalformedGemmRowsNameTheLine(string row, string field)
    {
        var e = Assert.Throws<InvalidConfigException>(() => ScaleSimTopologyReader.Parse("Layer, M, N, K,\n" + row, "g.csv", "g"));
        Assert.That(e!.SourceLocation, Is.EqualTo("g.csv:2"));
        Assert.That(e.Field, Is.EqualTo(field));
    }

    [Test]
    public void EmptyTopologyIsRejected() =>
        Assert.Throws<InvalidConfigException>(() => ScaleSimTopologyReader.Parse("Layer, M, N, K,\n\n", "g.csv", "g"));
}
