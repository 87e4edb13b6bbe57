using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Standards;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>The catalog resolves the CLI's standard names to JEDEC parameters; old names stay aliases.</summary>
[TestFixture]
public class StandardCatalogTests
{
    [TestCase("DDR3_1600_1Gb_x8", 1250, 10, 10, 10, 28, 38, 88, 6240, 8, 1L << 30)]
    [TestCase("DDR4_2400_4Gb_x8", 833, 16, 16, 16, 39, 55, 312, 9360, 16, 4L << 30)]
    [TestCase("DDR4_2400_8Gb_x8", 833, 17, 17, 17, 39, 56, 420, 9360, 16, 8L << 30)]
    [TestCase("LPDDR4_2400_8Gb_x16", 833, 24, 22, 22, 51, 73, 337, 4686, 8, 2L << 30)]
    [TestCase("HBM2_2000_4Gb", 1000, 14, 14, 14, 34, 48, 260, 3900, 16, 512L << 20)]
    public void CliNames_ResolveToJedecTimings(string name, int tckPs, int cl, int rcd, int rp, int ras, int rc, int rfc, int refi, int banks, long bytes)
    {
        var s = StandardCatalog.Get(name);
        var t = s.Timing;
        Assert.That(s.Name, Is.EqualTo(name));
        Assert.That((t.TckPicoseconds, t.CL, t.RCD, t.RP, t.RAS, t.RC, t.RFC, t.REFI), Is.EqualTo((tckPs, cl, rcd, rp, ras, rc, rfc, refi)));
        Assert.That(s.Organization.BanksPerChannel, Is.EqualTo(banks));
        Assert.That(s.CapacityBytes, Is.EqualTo(bytes));
        Assert.That(s.BytesPerBurst, Is.EqualTo(64), "one 64-byte request per burst");
        Assert.That(t.RC, Is.GreaterThanOrEqualTo(t.RAS + t.RP), "tRC >= tRAS + tRP");
        Assert.That(t.FAW, Is.GreaterThanOrEqualTo(4 * t.RRD_S - t.RRD_S), "tFAW covers four ACTs");
    }

    [Test]
    public void OldNamesAndMemspecIds_AreAliases()
    {
        Assert.That(StandardCatalog.Get("DDR3-1600_1Gb_x8").Name, Is.EqualTo("DDR3_1600_1Gb_x8"));
        Assert.That(StandardCatalog.Get("MICRON_1Gb_DDR3-1600_8bit_G").Name, Is.EqualTo("DDR3_1600_1Gb_x8"));
        Assert.That(StandardCatalog.Get("JEDEC_4Gb_DDR4-2400_8bit_A").Name, Is.EqualTo("DDR4_2400_4Gb_x8"));
        Assert.That(StandardCatalog.Get("ddr4_8gb_x8_2400").Name, Is.EqualTo("DDR4_2400_8Gb_x8"), "case-insensitive");
        Assert.That(StandardCatalog.Get("LPDDR4-3200_8Gb_x16").Name, Is.EqualTo("LPDDR4_3200_8Gb_x16"));
        Assert.That(StandardCatalog.Get(StandardCatalog.DefaultName).Name, Is.EqualTo("DDR3_1600_1Gb_x8"), "ArchGym's default device");
    }

    [Test]
    public void PerBankRefresh_OnlyWhereTheStandardHasIt()
    {
        Assert.That(StandardCatalog.All.Where(s => s.SupportsPerBankRefresh).Select(s => s.Type).Distinct(), Is.EquivalentTo(new[] { "LPDDR4", "HBM2" }));
        var lp = StandardCatalog.Get("LPDDR4_2400_8Gb_x16").Timing;
        Assert.That(lp.REFIpb, Is.EqualTo(lp.REFI / 8).Within(1), "tREFIpb = tREFI / banks");
        Assert.That(lp.RPab, Is.GreaterThan(lp.RP), "LPDDR4 tRPab > tRPpb");
        Assert.That(StandardCatalog.Get("LPDDR4_2400_8Gb_x16").CommandCycles.Act, Is.EqualTo(4), "two-part LPDDR4 ACT");
    }

    [Test]
    public void EveryStandard_HasCurrentsForTheEnergyModel()
    {
        foreach (var s in StandardCatalog.All)
        {
            Assert.That(s.Rails, Is.Not.Empty, s.Name);
            Assert.That(s.Rails[0].IDD4R, Is.GreaterThan(s.Rails[0].IDD3N), s.Name);
            Assert.That(s.Rails[0].IDD0, Is.GreaterThan(s.Rails[0].IDD2N), s.Name);
        }
    }

    [Test]
    public void ANewStandard_IsJustData()
    {
        var json = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..",
            "Simulators", "Dram", "Standards", "DDR4_2400_8Gb_x8.json")).Replace("\"DDR4_2400_8Gb_x8\"", "\"DDR4_2400_8Gb_x8_CL18\"").Replace("\"CL\": 17", "\"CL\": 18");
        var s = StandardCatalog.Parse(json, "custom.json");
        Assert.That((s.Name, s.Timing.CL), Is.EqualTo(("DDR4_2400_8Gb_x8_CL18", 18)));
    }
}
