using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Area;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Pim;

[TestFixture]
public class PimAreaModelTests
{
    [Test]
    public void Gddr6AimDefaults_AddUpFromThePerUnitAreas()
    {
        var area = PimAreaModel.Estimate(new PimConfig());
        // 8 x 16 banks, one unit per bank, 16 lanes of (1640 + 1360) µm² at 45 nm, doubled on the DRAM die.
        Assert.Multiple(() =>
        {
            Assert.That(area.MacLanesMm2, Is.EqualTo(128 * 16 * 3000 * 2 / 1e6).Within(1e-12));
            Assert.That(area.UnitRegistersMm2, Is.EqualTo(128 * 1 * 16 * 16 * 5 * 2 / 1e6).Within(1e-12));
            Assert.That(area.GlobalBuffersMm2, Is.EqualTo(8 * 2 * (0.346 * 8192 / 0.6 / 1e6) * 2).Within(1e-12));
            Assert.That(area.AsicMm2, Is.EqualTo(256 * (3000 + 48 * 5) * (28.0 * 28 / (45 * 45)) / 1e6).Within(1e-12));
            Assert.That(area.TotalMm2, Is.EqualTo(area.PimLogicMm2 + area.AsicMm2));
            Assert.That(PimAreaCosts.Default.AsicLaneMm2, Is.InRange(0.0012, 0.0013));
        });
    }

    [Test]
    public void HbmPim_CountsOneUnitPerTwoBanksWithEightOutputRegisters()
    {
        var area = PimAreaModel.Estimate(new PimConfig(Device: "HBM2_PIM"));
        Assert.Multiple(() =>
        {
            Assert.That(area.MacLanesMm2, Is.EqualTo(64 * 8 * 16 * 3000 * 2 / 1e6).Within(1e-12));
            Assert.That(area.UnitRegistersMm2, Is.EqualTo(64 * 8 * 8 * 16 * 16 * 5 * 2 / 1e6).Within(1e-12), "GRF_B: 8 x 256 bits per unit");
        });
    }

    [Test]
    public void AreaScalesWithEveryKnobThatAddsHardware()
    {
        var baseline = PimAreaModel.Estimate(new PimConfig());
        Assert.Multiple(() =>
        {
            Assert.That(PimAreaModel.Estimate(new PimConfig(Channels: 16)).PimLogicMm2, Is.EqualTo(2 * baseline.PimLogicMm2).Within(1e-12));
            Assert.That(PimAreaModel.Estimate(new PimConfig(MacLanesPerBank: 8)).MacLanesMm2, Is.EqualTo(baseline.MacLanesMm2 / 2).Within(1e-12));
            Assert.That(PimAreaModel.Estimate(new PimConfig(GlobalBufferBytes: 4096)).GlobalBuffersMm2, Is.EqualTo(2 * baseline.GlobalBuffersMm2).Within(1e-12));
            Assert.That(PimAreaModel.Estimate(new PimConfig(AsicVectorWidth: 512)).AsicMm2, Is.EqualTo(2 * baseline.AsicMm2).Within(1e-12));
            Assert.That(PimAreaModel.Estimate(new PimConfig(AsicClockMhz: 100)).TotalMm2, Is.EqualTo(baseline.TotalMm2), "the clock is not an area knob");
            Assert.That(PimAreaModel.Estimate(new PimConfig(), PimAreaCosts.Default with { DramProcessFactor = 1 }).PimLogicMm2,
                Is.EqualTo(baseline.PimLogicMm2 / 2).Within(1e-12));
        });
    }

    [Test]
    public void BanksThatDoNotFitTheDevice_AreRejected() =>
        Assert.That(Assert.Throws<InvalidConfigException>(() => PimAreaModel.Estimate(new PimConfig() with { BanksPerChannel = 6 }))!.Message,
            Does.Contain("BanksPerChannel"));
}
