using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Standards;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>Field-order parsing, the default layout and the DRAMSys JSON reader agree.</summary>
[TestFixture]
public class AddressMappingTests
{
    private static readonly DramStandard Ddr4 = StandardCatalog.Get("DDR4_2400_4Gb_x8");

    [TestCase("row,bank,bankgroup,column")]
    [TestCase("Row, Bank, BankGroup, Column")]
    [TestCase("row,channel,rank,bank,bankgroup,column")]
    [TestCase("RoBaBgCo")]
    [TestCase("rochrababgco")]
    public void ListAndCompactForms_GiveTheReferenceLayout(string order)
    {
        var parsed = AddressMapping.Parse(order, Ddr4).Validate(Ddr4);
        var reference = DramReference.Ddr4Mapping().Validate(Ddr4);
        var rng = new Random(3);
        for (int i = 0; i < 1000; i++)
        {
            ulong address = (ulong)rng.NextInt64(Ddr4.CapacityBytes) & ~63UL;
            Assert.That(parsed.Decode(address), Is.EqualTo(reference.Decode(address)), $"0x{address:X}");
        }
    }

    [Test]
    public void DefaultMapping_IsTheReferenceLayout()
    {
        var mapping = new DramConfig("DDR4_2400_4Gb_x8").Resolve().Mapping;
        // bits 6-12 column burst, 13-14 bank group, 15-16 bank, 17+ row
        Assert.That(mapping.Decode((5UL << 17) | (2UL << 15) | (3UL << 13) | (7UL << 6)), Is.EqualTo(new DecodedAddress(0, 0, 3, 2, 5, 7 << 3)));
        Assert.That(DramConfig.DefaultAddressMapping, Does.EndWith("bank,bankgroup,column"));
    }

    [Test]
    public void OtherOrders_MoveTheFields()
    {
        var bankLow = AddressMapping.Parse("row,column,bank,bankgroup", Ddr4);
        Assert.That(bankLow.Decode(1UL << 6).BankGroup, Is.EqualTo(1), "bank group right above the byte offset");
        Assert.That(bankLow.Decode(1UL << 6).Column, Is.Zero);
        var ddr3 = StandardCatalog.Get("DDR3_1600_1Gb_x8");
        Assert.That(AddressMapping.Parse("row,bank,column", ddr3).Decode(1UL << 13).Bank, Is.EqualTo(1), "DDR3: bank bits 13-15");
    }

    [Test]
    public void ArchGymCongenMapping_ReadsTheOldFormat()
    {
        var m = AddressMappingReader.ReadFile(DramReference.PathOf("archgym-configs", "am_ddr3_8x1Gbx8_dimm_p1KB_rbc.json"));
        Assert.That(m.RowBits, Is.EqualTo(Enumerable.Range(16, 14)));
        Assert.That(m.BankBits, Is.EqualTo(new[] { 13, 14, 15 }));
    }
}
