using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Asic;
using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Devices;
using ArchGym.Simulators.Pim.Energy;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Pim;

/// <summary>
/// The GDDR6-AiM channel's data bus and the overlaps the AiM protocol allows: GDDR6 moves data at 8x CK, a
/// one-slice buffer load streams under the MACs that use it, and element-wise ASIC work runs on a product's read-out.
/// </summary>
[TestFixture]
public class AimProtocolTests
{
    private static readonly PimDevice Aim = PimDeviceCatalog.Get(PimDeviceCatalog.Gddr6Aim);

    [Test]
    public void Gddr6Burst_HoldsTheDataBusTwoClocks_DdrStandardsStayAtHalfTheBurstLength()
    {
        // JESD250 / Micron GDDR6 brief: data at 8x CK, so BL16 takes 2 CK; DDR4 BL8 takes 4.
        Assert.That(Aim.Dram.Organization.BurstCycles, Is.EqualTo(2));
        Assert.That(StandardCatalog.Get("DDR4_2400_8Gb_x8").Organization.BurstCycles, Is.EqualTo(4));
        Assert.That(PimDeviceCatalog.Get("HBM2_PIM").Dram.Organization.BurstCycles, Is.EqualTo(2), "HBM2 BL4 at DDR");
    }

    [Test]
    public void TransfersPerClock_ThatDoNotDivideTheBurst_AreRejected()
    {
        const string json = """
            { "name": "X", "type": "GDDR6", "organization": { "channels": 1, "ranks": 1, "bankGroups": 4, "banksPerGroup": 4,
              "rows": 1024, "columns": 1024, "deviceWidth": 16, "devices": 1, "burstLength": 4, "transfersPerClock": 8 },
              "timing": { "tCKps": 570, "CL": 24, "CWL": 6, "RCD": 26, "RP": 26, "RAS": 53, "RC": 79, "RTP": 4, "WR": 26,
                "WTR_S": 9, "WTR_L": 11, "CCD_S": 4, "CCD_L": 6, "RRD_S": 7, "RRD_L": 7, "FAW": 28, "RFC": 210, "REFI": 3333 },
              "power": { "rails": [] } }
            """;
        var error = Assert.Throws<InvalidConfigException>(() => StandardCatalog.Parse(json));
        Assert.That(error!.Message, Does.Contain("transfersPerClock"));
    }

    [Test]
    public void PlainStreaming_UsesAboutHalfThePinBandwidth_AndNeverMore()
    {
        // 8 x16 channels at 8 bits per pin per CK: the pins' limit; the preset's tCCD_S (twice a burst) halves it and
        // refresh takes ~8 % more, so at least 40 % (a BL/2 = 8-cycle burst would give a quarter).
        var gemv = new PimSimulator().Gemv(new PimConfig(), 4096, 4096);
        double bytes = 2.0 * 4096 * 4096;
        double pinBytesPerNs = Aim.Organization.Channels * 16 * 8 / 8.0 / Aim.Timing.TckNs;
        double achieved = bytes / (gemv.StreamingUs * 1000);
        TestContext.Out.WriteLine($"streaming {achieved:F0} GB/s of {pinBytesPerNs:F0} GB/s at the pins");
        Assert.That(achieved, Is.InRange(0.4 * pinBytesPerNs, pinBytesPerNs));
    }

    [Test]
    public void OneSliceBufferLoad_OverlapsTheMacsThatUseIt()
    {
        // 128 outputs x 1024 inputs: one 64-column segment per bank, its buffer load is the whole 2 KB buffer.
        var g = new PimGeometry(new PimConfig(), Aim);
        long load = g.ColumnsPerRow * (long)Math.Max(Aim.Dram.Organization.BurstCycles, Aim.Timing.CCD_S);
        long macs = (g.ColumnsPerRow * (long)g.MacIntervalPs + Aim.Timing.TckPicoseconds - 1) / Aim.Timing.TckPicoseconds;
        var gemv = new PimSimulator().Gemv(new PimConfig(), g.TotalUnits, g.BufferElements);
        TestContext.Out.WriteLine($"gemv {gemv.PimCycles} cycles; load {load}, MACs {macs}");
        Assert.That(gemv.PimCycles, Is.GreaterThan(load), "a MAC needs its buffer column");
        Assert.That(gemv.PimCycles, Is.LessThan(load + macs), "the load is not finished before the first MAC");
    }

    [Test]
    public void NormalModeActivations_OpenOneRow_Act16OpensOnePerBank()
    {
        // A KV-cache write or plain read opens one bank's row; an ACT16 opens the same row in all 16 banks.
        var energy = new EnergyModel(new PimGeometry(new PimConfig(), Aim));
        var act16 = energy.Commands(new KernelTiming(0, 0, 0, 0, 10, 0, 0, 0)).DramCoreUj;
        var single = energy.Commands(new KernelTiming(0, 0, 0, 0, 10, 0, 0, 0).SingleBank()).DramCoreUj;
        Assert.That(act16, Is.EqualTo(10 * 16 * Aim.Energy.ActivatePj * 1e-6).Within(1e-9));
        Assert.That(single, Is.EqualTo(10 * Aim.Energy.ActivatePj * 1e-6).Within(1e-9));
    }

    [Test]
    public void StreamedAsicWork_ShowsOnlyItsOverflowAndLastPass()
    {
        long budget = 1000;
        var hidden = AsicModel.Streamed(new AsicWork(512, 4096), 16, ref budget);
        Assert.That((hidden.Cycles, hidden.Ops, budget), Is.EqualTo((16L, 4096L, 504L)));
        var overflow = AsicModel.Streamed(new AsicWork(2000, 9000), 16, ref budget);
        Assert.That((overflow.Cycles, overflow.Ops, budget), Is.EqualTo((1496L, 9000L, 0L)));
    }
}
