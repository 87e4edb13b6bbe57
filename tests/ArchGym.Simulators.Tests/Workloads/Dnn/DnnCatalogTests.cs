using System.Collections.ObjectModel;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Dnn;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Workloads.Dnn;

[TestFixture]
public class DnnCatalogTests
{
    private static readonly string[] CatalogNames = ["alexnet", "resnet18", "resnet50", "mobilenetv2", "bert-base"];

    // ---------------------------------------------------------------- entries and names

    [Test]
    public void Entries_ListTheFiveNetworksInOrder()
    {
        Assert.That(DnnCatalog.Entries.Select(e => e.Name), Is.EqualTo(CatalogNames));
        Assert.That(DnnCatalog.Entries, Is.InstanceOf<ReadOnlyCollection<CatalogEntry>>());
    }

    [Test]
    public void Entries_EveryNameAndAliasResolvesAndEveryEntryCitesASource()
    {
        foreach (var entry in DnnCatalog.Entries)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(entry.Description, Is.Not.Empty, entry.Name);
                Assert.That(entry.Source, Does.Match(@"(19|20)\d\d"), $"{entry.Name}: a citation with a year");
                var canonical = DnnCatalog.Get(entry.Name);
                foreach (var alias in entry.Aliases)
                    Assert.That(DnnCatalog.Get(alias).Layers, Is.EqualTo(canonical.Layers), alias);
            }
        }
    }

    [Test]
    public void Entries_OnlyBertHasAnOption_TheSequenceLength()
    {
        var withOptions = DnnCatalog.Entries.Where(e => e.Options.Count > 0).ToList();
        Assert.That(withOptions.Select(e => e.Name), Is.EqualTo(new[] { "bert-base" }));
        var option = withOptions[0].Options.Single();
        Assert.That(option, Is.EqualTo(new CatalogOption("sequenceLength", option.Description, 128, 1, 512)));
    }

    [TestCase("ALEXNET", "alexnet")]
    [TestCase("ResNet18", "resnet18")]
    [TestCase("ResNet-18", "resnet18")]
    [TestCase("RESNET-50", "resnet50")]
    [TestCase("MobileNetV2", "mobilenetv2")]
    [TestCase("MobileNet-V2", "mobilenetv2")]
    [TestCase("BERT-Base", "bert-base")]
    public void Get_NamesAreCaseInsensitive(string asked, string canonical)
    {
        var topology = DnnCatalog.Get(asked);
        Assert.That(topology.Layers, Is.EqualTo(DnnCatalog.Get(canonical).Layers));
        Assert.That(topology.Layers, Is.Not.Empty);
    }

    [TestCase("vgg16")]
    [TestCase("resnet")]
    [TestCase("")]
    [TestCase(" resnet50")]
    public void Get_UnknownName_ThrowsNamingTheWorkloadField(string name)
    {
        var ex = Assert.Throws<InvalidConfigException>(() => DnnCatalog.Get(name));
        Assert.That(ex.Field, Is.EqualTo("workload"));
        Assert.That(ex.Value, Is.EqualTo(name));
        foreach (var known in CatalogNames)
            Assert.That(ex.Allowed, Does.Contain(known));
    }

    [Test]
    public void Get_NullName_ThrowsNamingTheWorkloadField()
    {
        var ex = Assert.Throws<InvalidConfigException>(() => DnnCatalog.Get(null!));
        Assert.That(ex.Field, Is.EqualTo("workload"));
        Assert.That(ex.Value, Is.Null);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(513)]
    [TestCase(int.MinValue)]
    public void Get_BertWithBadSequenceLength_ThrowsNamingTheField(int sequenceLength)
    {
        var ex = Assert.Throws<InvalidConfigException>(() => DnnCatalog.Get("bert-base", sequenceLength));
        Assert.That(ex.Field, Is.EqualTo("sequenceLength"));
        Assert.That(ex.Value, Is.EqualTo(sequenceLength.ToString()));
    }

    [TestCase("resnet50")]
    [TestCase("alexnet")]
    public void Get_SequenceLengthForACnn_Throws(string name)
    {
        var ex = Assert.Throws<InvalidConfigException>(() => DnnCatalog.Get(name, 128));
        Assert.That(ex.Field, Is.EqualTo("sequenceLength"));
    }

    [Test]
    public void Get_ReturnsReadOnlyLayerLists()
    {
        foreach (var name in CatalogNames)
            Assert.That(DnnCatalog.Get(name).Layers, Is.InstanceOf<ReadOnlyCollection<Layer>>(), name);
    }

    [Test]
    public void Get_LayerNamesAreUniqueWithinEachNetwork()
    {
        foreach (var name in CatalogNames)
            Assert.That(DnnCatalog.Get(name).Layers.Select(l => l.Name), Is.Unique, name);
    }

    // ---------------------------------------------------------------- sizes and MACs

    // Exact totals (sum of M*N*K), computed independently from the layer specifications with
    // SCALE-Sim's ofmap rule ceil((H - FH + S) / S).
    [TestCase("alexnet", 8, 863_740_448L)]
    [TestCase("resnet18", 21, 1_814_073_344L)]
    [TestCase("resnet50", 54, 3_479_536_384L)]
    [TestCase("mobilenetv2", 7172, 300_774_272L)]
    [TestCase("bert-base", 360, 11_173_625_856L)]
    public void Get_LayerCountAndExactMacs(string name, int layers, long macs)
    {
        var topology = DnnCatalog.Get(name);
        Assert.That(topology.Layers, Has.Count.EqualTo(layers));
        Assert.That(topology.TotalMacs, Is.EqualTo(macs));
    }

    // Published multiply-accumulates per 224x224 image. Tolerances: 2 % where the catalog is the
    // published network (ResNet-18 1.8 G, He et al. Table 1; MobileNetV2 300 M, Sandler et al. Table 4).
    // 20 % where the catalog follows SCALE-Sim's own unpadded files instead: ResNet-50 3.48 G vs 4.1 G
    // (3x3 convs output 54/26/12/5 instead of 56/28/14/7); AlexNet 0.86 G vs 0.72 G (dense instead of two
    // groups, partly offset by the missing padding).
    [TestCase("resnet18", 1.8e9, 0.02)]
    [TestCase("mobilenetv2", 300e6, 0.02)]
    [TestCase("resnet50", 4.1e9, 0.20)]
    [TestCase("alexnet", 0.724e9, 0.20)]
    public void Get_TotalMacsNearPublished(string name, double published, double tolerance)
    {
        Assert.That((double)DnnCatalog.Get(name).TotalMacs, Is.EqualTo(published).Within(tolerance * 100).Percent);
    }

    [Test]
    public void ResNet50_EqualsScaleSimsTopologyLayerForLayer()
    {
        var expected = ScaleSimReference.ReadConvTopology(
            Path.Combine(ScaleSimReference.Directory(), "topologies", "resnet50.csv"));
        var actual = DnnCatalog.Get("resnet50").Layers;

        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < expected.Count; i++)
                Assert.That(actual[i], Is.EqualTo(expected[i]), $"row {i + 1} ({expected[i].Name})");
        }
    }

    [Test]
    public void AlexNet_FollowsScaleSimsConvention()
    {
        var layers = DnnCatalog.Get("alexnet").Layers;
        Assert.That(layers.Select(l => l.Name), Is.EqualTo(new[] { "Conv1", "Conv2", "Conv3", "Conv4", "Conv5", "FC6", "FC7", "FC8" }));
        // Unpadded as in SCALE-Sim's alexnet.csv, with its ceil ofmap rule: 55, 23, 11, 11, 11.
        Assert.That(layers.Take(5).Select(l => l.OfmapHeight), Is.EqualTo(new[] { 55, 23, 11, 11, 11 }));
        Assert.That(layers.Select(l => (l.M, l.N, l.K)).Skip(5),
            Is.EqualTo(new[] { (1L, 4096L, 9216L), (1L, 4096L, 4096L), (1L, 1000L, 4096L) }));
    }

    [Test]
    public void ResNet18_StageOutputSizesAreThePublishedOnes()
    {
        var layers = DnnCatalog.Get("resnet18").Layers;
        Assert.That(layers[0].Name, Is.EqualTo("Conv1"));
        Assert.That((layers[0].OfmapHeight, layers[0].OfmapWidth, layers[0].NumFilters), Is.EqualTo((112, 112, 64)));

        var stages = new (int Stage, int Size, int Width, int Layers)[] { (2, 56, 64, 4), (3, 28, 128, 5), (4, 14, 256, 5), (5, 7, 512, 5) };
        foreach (var (stage, size, width, count) in stages)
        {
            var stageLayers = layers.Where(l => l.Name.StartsWith($"Conv{stage}_", StringComparison.Ordinal)).ToList();
            Assert.That(stageLayers, Has.Count.EqualTo(count), $"conv{stage}_x layers");
            foreach (var layer in stageLayers)
                Assert.That((layer.OfmapHeight, layer.OfmapWidth, layer.NumFilters), Is.EqualTo((size, size, width)), layer.Name);
        }
        Assert.That(layers[^1], Is.EqualTo(new Layer("FC", 1, 1, 1, 1, 512, 1000, 1, 1)));
    }

    [Test]
    public void ResNet18_ShortcutsAreStrided1x1ProjectionsOfTheStageInput()
    {
        var shortcuts = DnnCatalog.Get("resnet18").Layers.Where(l => l.Name.EndsWith("_s", StringComparison.Ordinal)).ToList();
        Assert.That(shortcuts.Select(l => (l.IfmapHeight, l.FilterHeight, l.Channels, l.NumFilters, l.StrideHeight, l.OfmapHeight)),
            Is.EqualTo(new[] { (55, 1, 64, 128, 2, 28), (27, 1, 128, 256, 2, 14), (13, 1, 256, 512, 2, 7) }));
        // A strided 1x1 window never touches the stage input's last row, so the ifmap is cropped to the
        // touched extent (out - 1) * stride + 1: SCALE-Sim's ceil ofmap rule then gives the framework's size.
    }

    [Test]
    public void ResNet18_Conv1FoldsPadding3IntoTheIfmap()
    {
        // 224 + 2*3 = 230 padded; the windows of the 112 outputs touch (112 - 1) * 2 + 7 = 229 of them.
        Assert.That(DnnCatalog.Get("resnet18").Layers[0], Is.EqualTo(new Layer("Conv1", 229, 229, 7, 7, 3, 64, 2, 2)));
    }

    [Test]
    public void MobileNetV2_StageOutputSizesAreThePublishedOnes()
    {
        var byName = DnnCatalog.Get("mobilenetv2").Layers.ToDictionary(l => l.Name);
        // Sandler et al. Table 2: each row's output (the next row's input size) and channels.
        var expected = new (string Layer, int Size, int Channels)[]
        {
            ("Conv1", 112, 32), ("B1_Project", 112, 16), ("B3_Project", 56, 24), ("B6_Project", 28, 32),
            ("B10_Project", 14, 64), ("B13_Project", 14, 96), ("B16_Project", 7, 160), ("B17_Project", 7, 320),
            ("Conv2", 7, 1280),
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, size, channels) in expected)
                Assert.That((byName[name].OfmapHeight, byName[name].OfmapWidth, byName[name].NumFilters),
                    Is.EqualTo((size, size, channels)), name);
        }
        Assert.That(byName["FC"], Is.EqualTo(new Layer("FC", 1, 1, 1, 1, 1280, 1000, 1, 1)));
        Assert.That(byName.Keys.Count(k => k.EndsWith("_Project", StringComparison.Ordinal)), Is.EqualTo(17));
        Assert.That(byName.Keys.Count(k => k.EndsWith("_Expand", StringComparison.Ordinal)), Is.EqualTo(16));
    }

    [Test]
    public void MobileNetV2_DepthwiseIsExpandedPerChannelAsScaleSimDoes()
    {
        var layers = DnnCatalog.Get("mobilenetv2").Layers;
        var depthwise = layers.Where(l => l.Name.Contains("DP", StringComparison.Ordinal)).ToList();
        Assert.That(depthwise, Has.Count.EqualTo(7136));
        Assert.That(depthwise.Select(l => (l.Channels, l.NumFilters, l.FilterHeight, l.FilterWidth, l.K)),
            Has.All.EqualTo((1, 1, 3, 3, 9L)));

        for (int block = 1; block <= 17; block++)
        {
            var prefix = $"B{block}_";
            var blockLayers = layers.Where(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var expand = blockLayers.SingleOrDefault(l => l.Name == prefix + "Expand");
            var project = blockLayers.Single(l => l.Name == prefix + "Project");
            var dw = blockLayers.Where(l => l.Name.Contains("DP", StringComparison.Ordinal)).ToList();
            int hidden = expand?.NumFilters ?? 32;     // B1 has t = 1: depthwise over Conv1's 32 channels
            using (Assert.EnterMultipleScope())
            {
                Assert.That(dw.Select(l => l.Name), Is.EqualTo(Enumerable.Range(0, hidden).Select(c => $"{prefix}DPChannel_{c}")), prefix);
                Assert.That(project.Channels, Is.EqualTo(hidden), prefix);
                // The depthwise output is the projection's input: strides and padding are right.
                Assert.That(dw.Select(l => l.OfmapHeight).Distinct(), Is.EqualTo(new[] { project.IfmapHeight }), prefix);
                if (expand is not null)
                {
                    // Padding 1 folded in, cropped to the extent the 3x3 windows touch.
                    Assert.That(dw[0].IfmapHeight, Is.EqualTo((project.IfmapHeight - 1) * dw[0].StrideHeight + 3), prefix);
                    Assert.That(dw[0].IfmapHeight, Is.LessThanOrEqualTo(expand.OfmapHeight + 2), prefix);
                }
            }
        }
    }

    [Test]
    public void MobileNetV2_BlockShapesFollowTheTCNSTable()
    {
        var byName = DnnCatalog.Get("mobilenetv2").Layers.ToDictionary(l => l.Name);
        // Block 2 (t=6, c=24, s=2) on 112x112x16: expand 16->96, depthwise stride 2 on 113 (114 padded, cropped to the touched extent), project 96->24.
        Assert.That(byName["B2_Expand"], Is.EqualTo(new Layer("B2_Expand", 112, 112, 1, 1, 16, 96, 1, 1)));
        Assert.That(byName["B2_DPChannel_95"], Is.EqualTo(new Layer("B2_DPChannel_95", 113, 113, 3, 3, 1, 1, 2, 2)));
        Assert.That(byName["B2_Project"], Is.EqualTo(new Layer("B2_Project", 56, 56, 1, 1, 96, 24, 1, 1)));
        Assert.That(byName.ContainsKey("B2_DPChannel_96"), Is.False);
        Assert.That(byName.ContainsKey("B1_Expand"), Is.False);
    }

    // ---------------------------------------------------------------- BERT

    [TestCase(1)]
    [TestCase(128)]
    [TestCase(384)]
    [TestCase(512)]
    public void Bert_GemmShapesInScaleSimConvention(int s)
    {
        var topology = DnnCatalog.Get("bert-base", s);
        Assert.That(topology.Name, Is.EqualTo($"bert-base-s{s}"));
        var byName = topology.Layers.ToDictionary(l => l.Name);
        var expected = new (string Name, long M, long N, long K)[]
        {
            ("L0_Q", s, 768, 768), ("L0_K", s, 768, 768), ("L0_V", s, 768, 768),
            ("L0_H0_Score", s, s, 64), ("L0_H11_Context", s, 64, s),
            ("L0_Out", s, 768, 768), ("L0_FFN_Up", s, 3072, 768), ("L11_FFN_Down", s, 768, 3072),
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, m, n, k) in expected)
            {
                Assert.That((byName[name].M, byName[name].N, byName[name].K), Is.EqualTo((m, n, k)), name);
                Assert.That(byName[name], Is.EqualTo(Layer.Gemm(name, (int)m, (int)n, (int)k)), name);
            }
        }
    }

    [Test]
    public void Bert_EachEncoderLayerHasThirtyGemmsInExecutionOrder()
    {
        var names = DnnCatalog.Get("bert-base").Layers.Select(l => l.Name).ToList();
        var layer3 = names.Where(n => n.StartsWith("L3_", StringComparison.Ordinal)).ToList();
        var heads = Enumerable.Range(0, 12).SelectMany(h => new[] { $"L3_H{h}_Score", $"L3_H{h}_Context" });
        Assert.That(layer3, Is.EqualTo(new[] { "L3_Q", "L3_K", "L3_V" }.Concat(heads).Concat(["L3_Out", "L3_FFN_Up", "L3_FFN_Down"])));
        Assert.That(names.IndexOf("L3_Q"), Is.EqualTo(3 * 30));
    }

    [TestCase(1)]
    [TestCase(128)]
    [TestCase(200)]
    [TestCase(512)]
    public void Bert_MacsMatchTheHandFormula(int s)
    {
        // Per layer: 4 projections d*d*s, FFN 2*d*4d*s, 12 heads x 2 attention GEMMs of 64*s*s.
        long perLayer = 4L * 768 * 768 * s + 2L * 768 * 3072 * s + 2L * 12 * 64 * s * s;
        Assert.That(DnnCatalog.Get("bert-base", s).TotalMacs, Is.EqualTo(12 * perLayer));
    }

    [Test]
    public void Bert_DefaultSequenceLengthIs128()
    {
        Assert.That(DnnCatalog.Get("bert-base").Layers, Is.EqualTo(DnnCatalog.Get("bert-base", 128).Layers));
        Assert.That(DnnCatalog.Get("bert-base").Layers[0].M, Is.EqualTo(128));
    }
}
