using System.Numerics;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>Where a physical address lands: channel, rank, bank group, bank (within its group), row, column.</summary>
public readonly record struct DecodedAddress(int Channel, int Rank, int BankGroup, int Bank, int Row, int Column);

/// <summary>
/// Address mapping as bit lists per field, as DRAMSys's address-mapping JSON has them (bit i of the
/// address becomes the next-more-significant bit of that field). Byte bits are ignored.
/// </summary>
public sealed record AddressMapping(
    IReadOnlyList<int> ByteBits, IReadOnlyList<int> ColumnBits, IReadOnlyList<int> BankGroupBits,
    IReadOnlyList<int> BankBits, IReadOnlyList<int> RankBits, IReadOnlyList<int> RowBits, IReadOnlyList<int> ChannelBits)
{
    /// <summary>
    /// Builds a mapping from a field order written most-significant first, in DRAMsim3/Ramulator style
    /// (e.g. "RoBaBgCo", "rochrababgco"): two-letter codes Ro, Ch, Ra, Ba, Bg, Co. Field widths come
    /// from the standard; the lowest log2(bus bytes) bits are the byte offset.
    /// </summary>
    public static AddressMapping FromOrder(string order, DramStandard standard)
    {
        var o = standard.Organization;
        var codes = new List<string>();
        for (int i = 0; i + 1 < order.Length + 1 && i < order.Length; i += 2)
            codes.Add(order.Substring(i, Math.Min(2, order.Length - i)).ToLowerInvariant());
        var widths = new Dictionary<string, int>
        {
            ["ro"] = Log2(o.Rows, "rows"), ["ch"] = Log2(o.Channels, "channels"), ["ra"] = Log2(o.Ranks, "ranks"),
            ["ba"] = Log2(o.BanksPerGroup, "banks"), ["bg"] = Log2(o.BankGroups, "bankGroups"), ["co"] = Log2(o.Columns, "columns"),
        };
        if (codes.Count != widths.Count || codes.Distinct().Count() != widths.Count || codes.Any(c => !widths.ContainsKey(c)))
            throw new InvalidConfigException("AddressMapping", order, "each of Ro, Ch, Ra, Ba, Bg, Co once, most significant first");
        int byteBits = Log2(o.DeviceWidth * o.Devices / 8, "bus bytes");
        var bits = new Dictionary<string, int[]>();
        int next = byteBits;
        for (int i = codes.Count - 1; i >= 0; i--)
        {
            bits[codes[i]] = Enumerable.Range(next, widths[codes[i]]).ToArray();
            next += widths[codes[i]];
        }
        return new AddressMapping(Enumerable.Range(0, byteBits).ToArray(), bits["co"], bits["bg"], bits["ba"], bits["ra"], bits["ro"], bits["ch"]);
    }

    /// <summary>Decodes <paramref name="address"/> into its fields.</summary>
    public DecodedAddress Decode(ulong address) => new(
        Gather(address, ChannelBits), Gather(address, RankBits), Gather(address, BankGroupBits),
        Gather(address, BankBits), Gather(address, RowBits), Gather(address, ColumnBits));

    /// <summary>Checks the field widths against the standard's organisation.</summary>
    public AddressMapping Validate(DramStandard standard)
    {
        var o = standard.Organization;
        Check("COLUMN_BIT", ColumnBits, o.Columns); Check("BANKGROUP_BIT", BankGroupBits, o.BankGroups);
        Check("BANK_BIT", BankBits, o.BanksPerGroup); Check("RANKBIT", RankBits, o.Ranks);
        Check("ROW_BIT", RowBits, o.Rows); Check("CHANNEL_BIT", ChannelBits, o.Channels);
        var all = ByteBits.Concat(ColumnBits).Concat(BankGroupBits).Concat(BankBits).Concat(RankBits).Concat(RowBits).Concat(ChannelBits).ToArray();
        if (all.Any(b => b is < 0 or > 63) || all.Distinct().Count() != all.Length)
            throw new InvalidConfigException("AddressMapping", string.Join(",", all), "distinct bit positions in [0, 63]");
        return this;
    }

    private static void Check(string field, IReadOnlyList<int> bits, int count)
    {
        if ((1L << bits.Count) != count)
            throw new InvalidConfigException(field, bits.Count + " bits", $"{BitOperations.Log2((uint)count)} bits for {count} entries");
    }

    private static int Log2(int value, string what) =>
        value > 0 && BitOperations.IsPow2(value) ? BitOperations.Log2((uint)value)
            : throw new InvalidConfigException(what, value, "a power of two");

    private static int Gather(ulong address, IReadOnlyList<int> bits)
    {
        int v = 0;
        for (int i = 0; i < bits.Count; i++)
            v |= (int)((address >> bits[i]) & 1) << i;
        return v;
    }
}
