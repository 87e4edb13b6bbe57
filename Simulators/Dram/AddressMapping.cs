using System.Numerics;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>Where a physical address lands: channel, rank, bank group, bank (within its group), row, column.</summary>
public readonly record struct DecodedAddress(int Channel, int Rank, int BankGroup, int Bank, int Row, int Column);

/// <summary>
/// Address mapping as bit lists per field, as DRAMSys's address-mapping JSON has them (bit i of the
/// list becomes bit i of that field). Byte bits (the offset inside one bus beat) are ignored when
/// decoding; an address with a bit set outside every list is out of range.
/// </summary>
public sealed record AddressMapping(
    IReadOnlyList<int> ByteBits, IReadOnlyList<int> ColumnBits, IReadOnlyList<int> BankGroupBits,
    IReadOnlyList<int> BankBits, IReadOnlyList<int> RankBits, IReadOnlyList<int> RowBits, IReadOnlyList<int> ChannelBits)
{
    /// <summary>
    /// Parses a field order written most-significant first, either as a list
    /// (<c>row,bank,bankgroup,column</c>; names row, rank, bank, bankgroup, column, channel or their
    /// codes ro, ra, ba, bg, co, ch) or in DRAMsim3/Ramulator's compact form (<c>RoBaBgCo</c>,
    /// <c>rochrababgco</c>). The fields sit above the burst offset: the lowest log2(bus bytes) bits are
    /// the byte in a beat and the next log2(burst length) bits the column's beats of one burst (bits
    /// 0-5 for a 64-byte burst); "column" places the remaining column bits. Field widths come from the
    /// standard; a field whose width is zero (one rank, one channel, no bank groups) may be left out.
    /// </summary>
    /// <exception cref="InvalidConfigException">unknown or repeated field, or a field with entries left out.</exception>
    public static AddressMapping Parse(string order, DramStandard standard)
    {
        ArgumentNullException.ThrowIfNull(order);
        var o = standard.Organization;
        var fields = AddressFields.Split(order);
        var widths = new Dictionary<string, int>
        {
            ["row"] = Log2(o.Rows, "rows"), ["channel"] = Log2(o.Channels, "channels"), ["rank"] = Log2(o.Ranks, "ranks"),
            ["bank"] = Log2(o.BanksPerGroup, "banks per group"), ["bankgroup"] = Log2(o.BankGroups, "bank groups"),
            ["column"] = Log2(o.Columns, "columns"),
        };
        foreach (var (name, width) in widths)
            if (width > 0 && !fields.Contains(name))
                throw new InvalidConfigException("AddressMapping", order,
                    $"every field of {standard.Name}: {string.Join(",", widths.Where(w => w.Value > 0).Select(w => w.Key))} (missing '{name}')");
        int byteBits = Log2(o.BusWidthBits / 8, "bus bytes"), beatBits = Math.Min(Log2(o.BurstLength, "burst length"), widths["column"]);
        widths["column"] -= beatBits;
        var bits = widths.Keys.ToDictionary(k => k, _ => Array.Empty<int>());
        int next = byteBits + beatBits;
        for (int i = fields.Count - 1; i >= 0; i--)
        {
            bits[fields[i]] = Enumerable.Range(next, widths[fields[i]]).ToArray();
            next += widths[fields[i]];
        }
        int[] column = [.. Enumerable.Range(byteBits, beatBits), .. bits["column"]];
        return new AddressMapping(Enumerable.Range(0, byteBits).ToArray(), column, bits["bankgroup"], bits["bank"],
            bits["rank"], bits["row"], bits["channel"]);
    }

    /// <summary>Same as <see cref="Parse"/> (kept for the compact DRAMsim3 spelling).</summary>
    public static AddressMapping FromOrder(string order, DramStandard standard) => Parse(order, standard);

    /// <summary>Decodes <paramref name="address"/> into its fields (no range check; see <see cref="Compile"/>).</summary>
    public DecodedAddress Decode(ulong address) => new(
        Gather(address, ChannelBits), Gather(address, RankBits), Gather(address, BankGroupBits),
        Gather(address, BankBits), Gather(address, RowBits), Gather(address, ColumnBits));

    /// <summary>Checks the field widths against the standard's organisation.</summary>
    /// <exception cref="InvalidConfigException">a field has the wrong number of bits, or bits repeat.</exception>
    public AddressMapping Validate(DramStandard standard)
    {
        var o = standard.Organization;
        Check("COLUMN_BIT", ColumnBits, o.Columns); Check("BANKGROUP_BIT", BankGroupBits, o.BankGroups);
        Check("BANK_BIT", BankBits, o.BanksPerGroup); Check("RANK_BIT", RankBits, o.Ranks);
        Check("ROW_BIT", RowBits, o.Rows); Check("CHANNEL_BIT", ChannelBits, o.Channels);
        var all = ByteBits.Concat(ColumnBits).Concat(BankGroupBits).Concat(BankBits).Concat(RankBits).Concat(RowBits).Concat(ChannelBits).ToArray();
        if (all.Any(b => b is < 0 or > 63) || all.Distinct().Count() != all.Length)
            throw new InvalidConfigException("AddressMapping", string.Join(",", all), "distinct bit positions in [0, 63]");
        return this;
    }

    /// <summary>A fast decoder for the simulation loop (contiguous fields become shift-and-mask).</summary>
    internal CompiledMapping Compile(DramStandard standard) => new(this, standard);

    private static void Check(string field, IReadOnlyList<int> bits, int count)
    {
        if ((1L << bits.Count) != count)
            throw new InvalidConfigException(field, bits.Count + " bits", $"{BitOperations.Log2((uint)count)} bits for {count} entries");
    }

    private static int Log2(int value, string what) =>
        value > 0 && BitOperations.IsPow2(value) ? BitOperations.Log2((uint)value)
            : throw new InvalidConfigException(what, value, "a power of two");

    internal static int Gather(ulong address, IReadOnlyList<int> bits)
    {
        int v = 0;
        for (int i = 0; i < bits.Count; i++)
            v |= (int)((address >> bits[i]) & 1) << i;
        return v;
    }
}

/// <summary>Splits a field-order text into canonical field names (row, channel, rank, bank, bankgroup, column).</summary>
internal static class AddressFields
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["row"] = "row", ["ro"] = "row",
        ["channel"] = "channel", ["ch"] = "channel",
        ["rank"] = "rank", ["ra"] = "rank",
        ["bank"] = "bank", ["ba"] = "bank",
        ["bankgroup"] = "bankgroup", ["bank_group"] = "bankgroup", ["bank-group"] = "bankgroup", ["bg"] = "bankgroup",
        ["column"] = "column", ["col"] = "column", ["co"] = "column",
    };

    private const string Allowed = "row, rank, bank, bankgroup, column, channel (most significant first, e.g. row,bank,bankgroup,column or RoBaBgCo)";

    public static IReadOnlyList<string> Split(string order)
    {
        var text = order.Trim();
        IEnumerable<string> tokens = text.Contains(',')
            ? text.Split(',', StringSplitOptions.TrimEntries)
            : Names.ContainsKey(text) ? [text] : Chunks(text);
        var fields = new List<string>();
        foreach (var token in tokens)
        {
            if (!Names.TryGetValue(token, out var field))
                throw new InvalidConfigException("AddressMapping", order, Allowed);
            if (fields.Contains(field))
                throw new InvalidConfigException("AddressMapping", order, $"each field once ('{field}' repeats)");
            fields.Add(field);
        }
        if (fields.Count == 0) throw new InvalidConfigException("AddressMapping", order, Allowed);
        return fields;
    }

    private static IEnumerable<string> Chunks(string text)
    {
        if (text.Length % 2 != 0) throw new InvalidConfigException("AddressMapping", text, Allowed);
        for (int i = 0; i < text.Length; i += 2) yield return text.Substring(i, 2);
    }
}
