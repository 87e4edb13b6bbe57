using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Workloads.Gpt;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Pim;

/// <summary>Behaviour of whole generations: KV growth, channel scaling, mapping and ASIC knobs, determinism.</summary>
[TestFixture]
public class GptRunTests
{
    private readonly PimSimulator _sim = new();

    [Test]
    public void KvCacheGrows_AttentionCostGrowsTokenByToken()
    {
        var report = _sim.Run(new PimConfig(), GptWorkload.Of("gpt2-medium", 16, 48));
        var attention = report.Tokens.Select(t => t.Latency.AttentionUs).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tokens, Has.Count.EqualTo(48));
            Assert.That(report.Tokens.Select(t => t.KvLength), Is.EqualTo(Enumerable.Range(17, 48)));
            Assert.That(attention[^1], Is.GreaterThan(attention[0]));
            Assert.That(report.Tokens[^1].Latency.VmmUs, Is.EqualTo(report.Tokens[0].Latency.VmmUs).Within(2).Percent, "weights do not grow");
            Assert.That(report.Prompt.Steps, Is.EqualTo(16));
            Assert.That(report.TotalLatencyUs, Is.EqualTo(report.Prompt.LatencyUs + report.Generation.LatencyUs).Within(1e-6));
        }
    }

    [Test]
    public void LongContext_MakesAttentionSeveralTimesDearer()
    {
        double shortContext = _sim.Run(new PimConfig(), GptWorkload.Of("gpt2-small", 60, 4)).AttentionUs;
        double longContext = _sim.Run(new PimConfig(), GptWorkload.Of("gpt2-small", 1000, 4)).AttentionUs;
        TestContext.Out.WriteLine($"attention per token: {shortContext:F2} us at KV ~62, {longContext:F2} us at KV ~1002");
        Assert.That(longContext, Is.GreaterThan(3 * shortContext));
    }

    [Test]
    public void Throughput_ScalesAlmostLinearlyWithChannels()
    {
        // PIM-GPT: throughput scales almost linearly with channel count. Each doubling must give >= 1.7x.
        var tokensPerSecond = new[] { 1, 2, 4, 8 }
            .Select(c => _sim.Run(new PimConfig(Channels: c), GptWorkload.Of("gpt2-small", 32, 32)).TokensPerSecond).ToArray();
        TestContext.Out.WriteLine(string.Join(", ", tokensPerSecond.Select(t => $"{t:F0} tok/s")));
        for (int i = 1; i < tokensPerSecond.Length; i++)
            Assert.That(tokensPerSecond[i] / tokensPerSecond[i - 1], Is.InRange(1.7, 2.05), $"{1 << (i - 1)} -> {1 << i} channels");
    }

    [TestCase("GDDR6_AIM")]
    [TestCase("HBM2_PIM")]
    public void PimGptMapping_BeatsTheRowMajorBaseline(string device)
    {
        var workload = GptWorkload.Of("gpt2-small", 64, 16);
        var pimGpt = _sim.Run(new PimConfig(Device: device), workload);
        var rowMajor = _sim.Run(new PimConfig(Device: device, Mapping: MappingPolicy.RowMajor), workload);
        TestContext.Out.WriteLine($"{device}: pim-gpt {pimGpt.LatencyPerTokenUs:F1} us, row-major {rowMajor.LatencyPerTokenUs:F1} us");
        Assert.That(pimGpt.LatencyPerTokenUs, Is.LessThan(rowMajor.LatencyPerTokenUs / 1.15));
    }

    [Test]
    public void RowMajorV_LeavesTheValueProductToTheAsic()
    {
        var workload = GptWorkload.Of("gpt2-small", 200, 8);
        var pimGpt = _sim.Run(new PimConfig(), workload);
        var rowMajor = _sim.Run(new PimConfig(Mapping: MappingPolicy.RowMajor), workload);
        Assert.That(rowMajor.AsicUs, Is.GreaterThan(pimGpt.AsicUs * 1.3), "s·V on the ASIC");
        Assert.That(rowMajor.DataMovementUs, Is.GreaterThan(pimGpt.DataMovementUs), "V streamed out every step");
    }

    [Test]
    public void SlowerAsic_CostsAtMostAboutTwentyPercent()
    {
        // PIM-GPT: dropping the ASIC clock 10x (1 GHz -> 100 MHz) costs at most ~20% end to end.
        var workload = GptWorkload.Of("gpt3-xl", 32, 8);
        var fast = _sim.Run(new PimConfig(AsicClockMhz: 1000), workload);
        var slow = _sim.Run(new PimConfig(AsicClockMhz: 100), workload);
        double cost = slow.LatencyPerTokenUs / fast.LatencyPerTokenUs - 1;
        TestContext.Out.WriteLine($"ASIC at 100 MHz: +{cost:P1}");
        Assert.That(cost, Is.InRange(0.02, 0.25));
        Assert.That(slow.AsicUs, Is.EqualTo(fast.AsicUs * 10).Within(1).Percent);
    }

    [Test]
    public void WiderAsicVectors_ShortenAsicTime()
    {
        var workload = GptWorkload.Of("gpt2-small", 8, 4);
        double narrow = _sim.Run(new PimConfig(AsicVectorWidth: 32), workload).AsicUs;
        double wide = _sim.Run(new PimConfig(AsicVectorWidth: 512), workload).AsicUs;
        Assert.That(wide, Is.LessThan(narrow / 4));
    }

    [Test]
    public void SameInputs_SameReport_AlsoInParallel()
    {
        var config = new PimConfig(Device: "HBM2_PIM");
        var workload = GptWorkload.Of("gpt2-small", 16, 8);
        var reference = _sim.Run(config, workload);
        var reports = new PimReport[8];
        Parallel.For(0, reports.Length, i => reports[i] = _sim.Run(config, workload));
        foreach (var r in reports)
        {
            Assert.That(r.LatencyPerTokenUs, Is.EqualTo(reference.LatencyPerTokenUs));
            Assert.That(r.EnergyPerTokenUj, Is.EqualTo(reference.EnergyPerTokenUj));
            Assert.That(r.Tokens.Select(t => t.LatencyUs), Is.EqualTo(reference.Tokens.Select(t => t.LatencyUs)));
        }
    }

    [Test]
    public void MoreMacLanesThanAColumnHolds_BuyNothing_FewerCostTime()
    {
        var workload = GptWorkload.Of("gpt2-small", 8, 4);
        double sixteen = _sim.Run(new PimConfig(MacLanesPerBank: 16), workload).VmmUs;
        double thirtyTwo = _sim.Run(new PimConfig(MacLanesPerBank: 32), workload).VmmUs;
        double four = _sim.Run(new PimConfig(MacLanesPerBank: 4), workload).VmmUs;
        Assert.That(thirtyTwo, Is.EqualTo(sixteen).Within(1e-9));
        Assert.That(four, Is.GreaterThan(sixteen * 2.5));
    }
}
