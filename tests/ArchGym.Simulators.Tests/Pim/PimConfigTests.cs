using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Baselines;
using ArchGym.Simulators.Pim.Devices;
using ArchGym.Simulators.Workloads.Gpt;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Pim;

[TestFixture]
public class PimConfigTests
{
    [Test]
    public void Defaults_ArePimGptsDevice()
    {
        var config = new PimConfig();
        Assert.That((config.Device, config.Channels, config.BanksPerChannel, config.MacLanesPerBank, config.GlobalBufferBytes,
                config.AsicClockMhz, config.AsicVectorWidth, config.Mapping, config.Gpu),
            Is.EqualTo(("GDDR6_AIM", 8, 16, 16, 2048, 1000.0, 256, MappingPolicy.PimGpt, "T4")));
    }

    [Test]
    public void HbmPimDefaults_ComeFromItsDeviceFile()
    {
        var config = new PimConfig(Device: "hbm-pim");
        Assert.That((config.Device, config.Channels, config.BanksPerChannel, config.GlobalBufferBytes), Is.EqualTo(("HBM2_PIM", 64, 16, 256)));
        var device = PimDeviceCatalog.Get(config.Device);
        Assert.That((device.Unit.BanksPerUnit, device.Unit.MacLanes, device.Unit.AccumulatorsPerUnit, device.RowBytes, device.ColumnBytes),
            Is.EqualTo((2, 16, 8, 1024, 32)));
        Assert.That((device.Timing.RCD, device.Timing.RP, device.Timing.RAS, device.Timing.CCD_L, device.Timing.REFI, device.Timing.RFC),
            Is.EqualTo((14, 14, 33, 4, 3900, 350)), "PIMSimulator's HBM2 timing");
    }

    [Test]
    public void Gddr6Aim_Has128BanksOf2KbRowsWithTheAimTimingPreset()
    {
        var device = PimDeviceCatalog.Get(PimDeviceCatalog.Gddr6Aim);
        var t = device.Timing;
        Assert.That((device.Organization.Channels * device.Organization.BanksPerChannel, device.RowBytes, device.ColumnBytes),
            Is.EqualTo((128, 2048, 32)));
        Assert.That((t.TckPicoseconds, t.CL, t.RCD, t.RP, t.RAS, t.RC, t.CCD_S, t.CCD_L, t.FAW, t.RFC, t.REFI),
            Is.EqualTo((570, 24, 26, 26, 53, 79, 4, 6, 28, 210, 3333)));
    }

    [TestCase("Channels", 0)]
    [TestCase("BanksPerChannel", 0)]
    [TestCase("BanksPerChannel", 6)]
    [TestCase("MacLanesPerBank", 12)]
    [TestCase("GlobalBufferBytes", 16)]
    [TestCase("AsicVectorWidth", 0)]
    public void InvalidField_ThrowsNamingTheFieldAndValue(string field, int value)
    {
        var e = Assert.Throws<InvalidConfigException>(() => _ = field switch
        {
            "Channels" => new PimConfig(Channels: value),
            "BanksPerChannel" => new PimConfig(BanksPerChannel: value),
            "MacLanesPerBank" => new PimConfig(MacLanesPerBank: value),
            "GlobalBufferBytes" => new PimConfig(GlobalBufferBytes: value),
            _ => new PimConfig(AsicVectorWidth: value),
        });
        Assert.That((e!.Field, e.Value), Is.EqualTo((field, value.ToString())));
        Assert.That(e.Allowed, Is.Not.Empty);
    }

    [Test]
    public void ZeroBanks_ViaWith_AlsoThrows() =>
        Assert.Throws<InvalidConfigException>(() => _ = new PimConfig() with { BanksPerChannel = 0 });

    [Test]
    public void NonPositiveAsicClock_Throws()
    {
        var e = Assert.Throws<InvalidConfigException>(() => _ = new PimConfig(AsicClockMhz: 0));
        Assert.That(e!.Field, Is.EqualTo("AsicClockMhz"));
    }

    [Test]
    public void UnknownDeviceOrGpu_ListsTheKnownOnes()
    {
        var device = Assert.Throws<InvalidConfigException>(() => _ = new PimConfig(Device: "DDR9_PIM"));
        Assert.That((device!.Field, device.Allowed), Is.EqualTo(("Device", "GDDR6_AIM | HBM2_PIM")));
        var gpu = Assert.Throws<InvalidConfigException>(() => _ = new PimConfig(Gpu: "H100"));
        Assert.That((gpu!.Field, gpu.Allowed), Is.EqualTo(("Gpu", "T4")));
    }

    [Test]
    public void MappingNames_RoundTrip()
    {
        foreach (var policy in Enum.GetValues<MappingPolicy>())
            Assert.That(MappingPolicyNames.Parse(policy.ToName()), Is.EqualTo(policy));
        Assert.Throws<InvalidConfigException>(() => MappingPolicyNames.Parse("diagonal"));
    }

    [Test]
    public void ModelLargerThanTheDevice_Throws()
    {
        // GPT-2 XL needs ~3.1 GB; 2 AiM channels hold 1 GB.
        var e = Assert.Throws<InvalidConfigException>(() => new PimSimulator().Run(new PimConfig(Channels: 2), GptWorkload.Of("gpt2-xl", 8, 8)));
        Assert.That(e!.Field, Is.EqualTo("model"));
        Assert.That(e.Message, Does.Contain("rows per bank"));
        Assert.DoesNotThrow(() => new PimSimulator().Run(new PimConfig(Channels: 8), GptWorkload.Of("gpt2-xl", 8, 8)));
    }

    [Test]
    public void GemvLargerThanTheDevice_OrEmpty_Throws()
    {
        var sim = new PimSimulator();
        var oneChannel = new PimConfig(Channels: 1);
        Assert.That(Assert.Throws<InvalidConfigException>(() => sim.Gemv(oneChannel, 65536, 8192))!.Field, Is.EqualTo("model"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => sim.Gemv(oneChannel, 0, 768))!.Field, Is.EqualTo("outDim"));
        Assert.That(Assert.Throws<InvalidConfigException>(() => sim.Gemv(oneChannel, 768, -1))!.Field, Is.EqualTo("inDim"));
    }

    [Test]
    public void DeviceFile_MissingSections_AreReported()
    {
        var e = Assert.Throws<InvalidConfigException>(() => PimDeviceCatalog.Parse("""{ "name": "X" }""", "x.json"));
        Assert.That((e!.Field, e.SourceLocation), Is.EqualTo(("dram", "x.json")));
        Assert.Throws<InvalidConfigException>(() => PimDeviceCatalog.Parse("{ not json", "y.json"));
    }

    [Test]
    public void GpuFile_IsValidated()
    {
        var t4 = GpuCatalog.Get("nvidia-t4");
        Assert.That((t4.MemoryBandwidthGBps, t4.PeakTflops, t4.BoardPowerWatts), Is.EqualTo((320.0, 8.1, 70.0)));
        Assert.Throws<InvalidConfigException>(() => GpuCatalog.Parse("""{ "name": "G", "memoryBandwidthGBps": 0 }"""));
    }
}
