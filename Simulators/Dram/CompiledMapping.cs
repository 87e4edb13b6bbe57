using System.Numerics;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// The simulation loop's address decoder: each field is a shift and a mask when its bits are
/// contiguous (the usual case), a bit gather otherwise. Addresses with a bit outside the mapping
/// are rejected (beyond the capacity the mapping covers).
/// </summary>
internal sealed class CompiledMapping
{
    private readonly Field _channel, _rank, _group, _bank, _row;
    private readonly ulong _unmapped;
    private readonly int _groups, _banksPerGroup;

    public CompiledMapping(AddressMapping m, DramStandard standard)
    {
        _channel = new Field(m.ChannelBits); _rank = new Field(m.RankBits); _group = new Field(m.BankGroupBits);
        _bank = new Field(m.BankBits); _row = new Field(m.RowBits);
        ulong mapped = 0;
        foreach (var list in new[] { m.ByteBits, m.ColumnBits, m.BankGroupBits, m.BankBits, m.RankBits, m.RowBits, m.ChannelBits })
            foreach (var b in list) mapped |= 1UL << b;
        _unmapped = ~mapped;
        MappedBits = BitOperations.PopCount(mapped);
        _groups = standard.Organization.BankGroups; _banksPerGroup = standard.Organization.BanksPerGroup;
    }

    /// <summary>Number of address bits the mapping covers (capacity = 2^MappedBits bytes when they are contiguous).</summary>
    public int MappedBits { get; }

    /// <summary>Decodes the channel, the bank index within the channel and the row.</summary>
    /// <exception cref="InvalidConfigException">the address has a bit outside the mapping.</exception>
    public void Decode(ulong address, string source, long requestIndex, out int channel, out int bank, out int row)
    {
        if ((address & _unmapped) != 0) throw OutOfRange(address, source, requestIndex);
        channel = _channel.Get(address);
        bank = (_rank.Get(address) * _groups + _group.Get(address)) * _banksPerGroup + _bank.Get(address);
        row = _row.Get(address);
    }

    private InvalidConfigException OutOfRange(ulong address, string source, long index) =>
        new("address", $"0x{address:X}", $"an address below 0x{1UL << MappedBits:X} ({(1UL << MappedBits) >> 20} MiB mapped by {MappedBits} address bits)",
            $"{source}: request {index + 1}");

    private readonly struct Field
    {
        private readonly int _shift;
        private readonly ulong _mask;
        private readonly int[]? _bits; // null when contiguous

        public Field(IReadOnlyList<int> bits)
        {
            bool contiguous = true;
            for (int i = 1; i < bits.Count; i++) contiguous &= bits[i] == bits[0] + i;
            _shift = bits.Count == 0 ? 0 : bits[0];
            _mask = bits.Count == 0 ? 0 : (1UL << bits.Count) - 1;
            _bits = contiguous ? null : bits.ToArray();
        }

        public int Get(ulong address) => _bits is null ? (int)((address >> _shift) & _mask) : AddressMapping.Gather(address, _bits);
    }
}
