using ArchGym.Simulators.Common;
using ArchGym.Simulators.Workloads.Gpt;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Workloads.Gpt;

[TestFixture]
public class GptCatalogTests
{
    [Test]
    public void Catalog_HasPimGptsEightModels() =>
        Assert.That(GptCatalog.Names, Is.EqualTo(new[]
            { "gpt2-small", "gpt2-medium", "gpt2-large", "gpt2-xl", "gpt3-small", "gpt3-medium", "gpt3-large", "gpt3-xl" }));

    [TestCase("gpt2-small", 12, 768, 12)]
    [TestCase("gpt2-medium", 24, 1024, 16)]
    [TestCase("gpt2-large", 36, 1280, 20)]
    [TestCase("gpt2-xl", 48, 1600, 25)]
    [TestCase("gpt3-small", 12, 768, 12)]
    [TestCase("gpt3-medium", 24, 1024, 16)]
    [TestCase("gpt3-large", 24, 1536, 16)]
    [TestCase("gpt3-xl", 24, 2048, 24)]
    public void Shapes_AreThePublishedOnes(string name, int layers, int d, int heads)
    {
        var m = GptCatalog.Get(name.ToUpperInvariant());
        Assert.That((m.Layers, m.DModel, m.Heads, m.FfnDim, m.Vocabulary), Is.EqualTo((layers, d, heads, 4 * d, 50257)));
    }

    [TestCase("gpt2-small", 124e6)]
    [TestCase("gpt2-medium", 355e6)]
    [TestCase("gpt2-large", 774e6)]
    [TestCase("gpt2-xl", 1558e6)]
    [TestCase("gpt3-xl", 1.3e9)]
    public void ParameterCounts_MatchThePublishedSizes(string name, double published) =>
        Assert.That(GptCatalog.Get(name).Parameters, Is.EqualTo(published).Within(2).Percent);

    [Test]
    public void UnknownName_ListsTheKnownOnes()
    {
        var e = Assert.Throws<InvalidConfigException>(() => GptCatalog.Get("gpt4"));
        Assert.That(e!.Field, Is.EqualTo("model"));
        foreach (var name in GptCatalog.Names) Assert.That(e.Allowed, Does.Contain(name));
        Assert.That(GptCatalog.Get("GPT2").Name, Is.EqualTo("gpt2-small"));
    }

    [Test]
    public void Workload_IsValidated()
    {
        Assert.That(Assert.Throws<InvalidConfigException>(() => GptWorkload.Of("gpt2-small", 1000, 100))!.Field, Is.EqualTo("GeneratedTokens"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => GptWorkload.Of("gpt2-small", 8, 0))!.Field, Is.EqualTo("GeneratedTokens"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => GptWorkload.Of("gpt2-small", -1, 8))!.Field, Is.EqualTo("PromptTokens"));
        Assert.DoesNotThrow(() => GptWorkload.Of("gpt3-small", 1000, 1000), "GPT-3 has a 2048-token context");
    }

    [Test]
    public void BlockOperations_FollowThePreLnDecoder()
    {
        var ops = GptOperations.Block(GptCatalog.Get("gpt2-small"), 10);
        Assert.That(ops.Select(o => o.Name), Is.EqualTo(new[]
            { "ln_1", "qkv", "q_kT", "softmax", "s_v", "attn_proj", "residual_1", "ln_2", "fc1", "gelu", "fc2", "residual_2" }));
        long vmmMacs = ops.Where(o => o.Kind == GptOpKind.Vmm).Sum(o => (long)o.Rows * o.Cols);
        Assert.That(vmmMacs, Is.EqualTo(GptCatalog.Get("gpt2-small").BlockWeights));
        Assert.That(GptOperations.Outside(GptCatalog.Get("gpt2-small"), emitsToken: false).Select(o => o.Kind), Is.EqualTo(new[] { GptOpKind.Embedding }));
    }
}
