using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// The controller's view of the JEDEC timing constraints of one channel, kept as "earliest next time"
/// tables per bank, bank group and rank (Ramulator's future-constraint style): issuing a command
/// raises the earliest times of the commands it constrains; <see cref="Earliest"/> is a max over a
/// few entries. Formulas follow JESD79-4 section 13 and DRAMSys's CheckerDDR4: tCCD_S/L, tRRD_S/L,
/// tWTR_S/L (from the end of write data), tFAW, tRTP, tWR, read-to-write RL + BL/2 + 1 + tWPRE - WL,
/// rank switches RL + BL/2 + tRTRS + tWPRE - WL and WL + BL/2 + tRTRS + tRPRE - RL (pre-ambles of one
/// cycle), all-bank precharge tRPab. The command bus is busy for each command's cycle count.
/// Auto-precharge starts at max(RD + tRTP, ACT + tRAS) and max(WR data end + tWR, ACT + tRAS)
/// (JEDEC), or without the tRAS hold and with no tRC between ACTs in <see cref="TimingMode.DramSys5"/>.
/// </summary>
internal sealed class TimingModel
{
    // Ref: REFAB (needs every bank of the rank ready); RefPb: rank-wide limits on a per-bank refresh (tRRD, tRFCpb, tRFC).
    private const int Act = 0, Pre = 1, Rd = 2, Wr = 3, Ref = 4, RefPb = 5, Kinds = 6;
    private const int Preamble = 1; // tRPRE = tWPRE = 1 nCK
    private readonly DramTiming _t;
    private readonly CommandCycles _cycles;
    private readonly bool _jedecAutoPrecharge;
    private readonly int _ranks, _banksPerRank, _banksPerGroup, _groupsPerRank, _burst, _rc;
    private readonly long[] _bank, _group, _rank, _base; // _base: per rank and kind, max(bus, rank constraint, tFAW)
    private readonly long[] _faw; // 4 most recent ACTs per rank (ring)
    private readonly int[] _fawHead, _rankOf, _groupOf, _length, _kindOf;
    private readonly ulong[] _groupMask; // per bank: the banks of its bank group
    private long _bus;

    public TimingModel(DramStandard standard, TimingMode mode)
    {
        _t = standard.Timing; _cycles = standard.CommandCycles;
        _jedecAutoPrecharge = mode == TimingMode.Jedec;
        _rc = _jedecAutoPrecharge ? _t.RC : 0;
        var o = standard.Organization;
        _ranks = o.Ranks; _banksPerRank = o.BanksPerRank; _banksPerGroup = o.BanksPerGroup; _groupsPerRank = o.BankGroups;
        _burst = o.BurstCycles;
        _bank = new long[o.BanksPerChannel * Kinds];
        _group = new long[o.Ranks * o.BankGroups * Kinds];
        _rank = new long[o.Ranks * Kinds];
        _base = new long[o.Ranks * Kinds + 1];
        _base[^1] = Never; // the slot a bank without a proposal points at
        _faw = new long[o.Ranks * 4];
        Array.Fill(_faw, long.MinValue / 4);
        _fawHead = new int[o.Ranks];
        _rankOf = new int[o.BanksPerChannel]; _groupOf = new int[o.BanksPerChannel]; _groupMask = new ulong[o.BanksPerChannel];
        for (int b = 0; b < o.BanksPerChannel; b++)
        {
            _rankOf[b] = b / _banksPerRank;
            _groupOf[b] = b / _banksPerRank * _groupsPerRank + b % _banksPerRank / _banksPerGroup;
        }
        for (int b = 0; b < o.BanksPerChannel && o.BanksPerChannel <= 64; b++)
            for (int other = 0; other < o.BanksPerChannel; other++)
                if (_groupOf[other] == _groupOf[b]) _groupMask[b] |= 1UL << other;
        _length = new int[(int)DramCommand.REFPB + 1];
        _kindOf = new int[(int)DramCommand.REFPB + 1];
        foreach (var c in Enum.GetValues<DramCommand>())
        {
            _length[(int)c] = _cycles.Of(c);
            _kindOf[(int)c] = c switch
            {
                DramCommand.ACT => Act, DramCommand.RD or DramCommand.RDA => Rd, DramCommand.WR or DramCommand.WRA => Wr,
                DramCommand.PRE or DramCommand.PREA => Pre, DramCommand.REFPB => RefPb, _ => Ref,
            };
        }
        UpdateBases();
    }

    /// <summary>"Never" for a bank without a proposal.</summary>
    public const long Never = long.MaxValue / 4;

    /// <summary>
    /// Where a bank machine's ACT, PRE, RD(A) or WR(A) (or no command) finds its constraints: indices
    /// into the per-rank bases, the bank-group table and the bank table (the hot path's precomputation).
    /// </summary>
    public (int Base, int Group, int Bank) Slots(DramCommand cmd, int bank)
    {
        if ((int)cmd >= _kindOf.Length) return (_base.Length - 1, 0, 0);
        int k = _kindOf[(int)cmd];
        return (_rankOf[bank] * Kinds + k, _groupOf[bank] * Kinds + k, bank * Kinds + k);
    }

    /// <summary>
    /// Earliest cycle for a bank's proposal given its <see cref="Slots"/>: the same value as
    /// <see cref="Earliest"/>, from the per-rank bases kept up to date by <see cref="Issue"/>.
    /// </summary>
    public long EarliestOne(int baseSlot, int groupSlot, int bankSlot) =>
        Branchless.Max(_base[baseSlot], Branchless.Max(_group[groupSlot], _bank[bankSlot]));

    /// <summary>The tables <see cref="EarliestOne"/> reads (indexed by <see cref="Slots"/>), for callers that scan many banks.</summary>
    public ReadOnlySpan<long> Bases => _base;
    public ReadOnlySpan<long> Groups => _group;
    public ReadOnlySpan<long> Banks => _bank;

    /// <summary>
    /// The banks (bit i = channel bank i; channels of at most 64 banks) whose bank-group or bank tables a command to
    /// <paramref name="bank"/> other than PREA/REFAB can raise: those of its bank group.
    /// </summary>
    public ulong GroupMask(int bank) => _groupMask[bank];

    /// <summary>Cycles <paramref name="cmd"/> occupies the command bus.</summary>
    public int Length(DramCommand cmd) => _length[(int)cmd];

    /// <summary>Cycles the data bus is busy per burst (BL / 2 at double data rate; see <see cref="DramOrganization.BurstCycles"/>).</summary>
    public int BurstCycles => _burst;

    /// <summary>Earliest cycle at which <paramref name="cmd"/> may be issued to <paramref name="bank"/> (a channel-wide bank index).</summary>
    public long Earliest(DramCommand cmd, int bank)
    {
        int rank = _rankOf[bank], group = _groupOf[bank];
        long t = _bus;
        switch (cmd)
        {
            case DramCommand.ACT:
                t = Max(t, _bank[bank * Kinds + Act], _group[group * Kinds + Act], _rank[rank * Kinds + Act]);
                return Math.Max(t, _faw[rank * 4 + _fawHead[rank]] + _t.FAW);
            case DramCommand.PRE:
                return Math.Max(t, _bank[bank * Kinds + Pre]);
            case DramCommand.PREA:
                for (int b = rank * _banksPerRank, end = b + _banksPerRank; b < end; b++)
                    t = Math.Max(t, _bank[b * Kinds + Pre]);
                return t;
            case DramCommand.RD or DramCommand.RDA:
                return Max(t, _bank[bank * Kinds + Rd], _group[group * Kinds + Rd], _rank[rank * Kinds + Rd]);
            case DramCommand.WR or DramCommand.WRA:
                return Max(t, _bank[bank * Kinds + Wr], _group[group * Kinds + Wr], _rank[rank * Kinds + Wr]);
            case DramCommand.REFAB:
                return Math.Max(t, _rank[rank * Kinds + Ref]);
            default: // REFPB: the bank itself precharged and tRC after its ACT; rank-wide tRRD, tRFCpb, tRFC
                return Max(t, _bank[bank * Kinds + Ref], _rank[rank * Kinds + RefPb], 0);
        }
    }

    /// <summary>
    /// Records <paramref name="cmd"/> issued at <paramref name="now"/>, raises the constraints it implies
    /// and returns when the command has finished (DRAMSys's phase end: tRCD, tRP, data end, the end of
    /// an auto-precharge, tRFC).
    /// </summary>
    public long Issue(DramCommand cmd, int bank, long now)
    {
        long end = Record(cmd, bank, now);
        UpdateBases();
        return end;
    }

    private void UpdateBases()
    {
        long bus = _bus, faw = _t.FAW;
        var bases = _base.AsSpan(0, _ranks * Kinds);
        ReadOnlySpan<long> ranks = _rank;
        for (int i = 0; i < bases.Length; i++) bases[i] = Branchless.Max(bus, ranks[i]);
        for (int r = 0; r < _ranks; r++)
            bases[r * Kinds + Act] = Branchless.Max(bases[r * Kinds + Act], _faw[r * 4 + _fawHead[r]] + faw);
    }

    private long Record(DramCommand cmd, int bank, long now)
    {
        int rank = _rankOf[bank], group = _groupOf[bank];
        _bus = now + _length[(int)cmd];
        switch (cmd)
        {
            case DramCommand.ACT:
                Raise(_bank, bank, Act, now + _rc);
                Raise(_bank, bank, Pre, now + _t.RAS);
                Raise(_bank, bank, Rd, now + _t.RCD);
                Raise(_bank, bank, Wr, now + _t.RCD);
                Raise(_bank, bank, Ref, now + _t.RC);
                Raise(_group, group, Act, now + _t.RRD_L);
                Raise(_rank, rank, Act, now + _t.RRD_S);
                Raise(_rank, rank, Ref, now + _t.RC);
                Raise(_rank, rank, RefPb, now + _t.RRD_S);
                _faw[rank * 4 + _fawHead[rank]] = now;
                _fawHead[rank] = (_fawHead[rank] + 1) & 3;
                return now + _t.RCD;
            case DramCommand.PRE:
                Precharged(bank, rank, now, _t.RP);
                return now + _t.RP;
            case DramCommand.PREA:
                for (int b = rank * _banksPerRank, end = b + _banksPerRank; b < end; b++)
                    Precharged(b, rank, now, _t.RPab);
                return now + _t.RPab;
            case DramCommand.RD or DramCommand.RDA:
                Raise(_bank, bank, Pre, now + _t.RTP);
                Raise(_group, group, Rd, now + _t.CCD_L);
                Raise(_rank, rank, Rd, now + _t.CCD_S);
                Raise(_rank, rank, Wr, now + _t.CL + _burst + 1 + Preamble - _t.CWL);
                for (int r = 0; r < _ranks; r++)
                {
                    if (r == rank) continue;
                    Raise(_rank, r, Rd, now + _burst + _t.RTRS);
                    Raise(_rank, r, Wr, now + _t.CL + _burst + _t.RTRS + Preamble - _t.CWL);
                }
                if (cmd == DramCommand.RD) return now + _t.CL + _burst;
                return AutoPrecharge(bank, rank, now + _t.RTP);
            default:
                return IssueOther(cmd, bank, rank, group, now);
        }
    }

    private long IssueOther(DramCommand cmd, int bank, int rank, int group, long now)
    {
        switch (cmd)
        {
            case DramCommand.WR or DramCommand.WRA:
                long dataEnd = now + _t.CWL + _burst;
                Raise(_bank, bank, Pre, dataEnd + _t.WR);
                Raise(_group, group, Wr, now + _t.CCD_L);
                Raise(_rank, rank, Wr, now + _t.CCD_S);
                Raise(_group, group, Rd, dataEnd + _t.WTR_L);
                Raise(_rank, rank, Rd, dataEnd + _t.WTR_S);
                for (int r = 0; r < _ranks; r++)
                {
                    if (r == rank) continue;
                    Raise(_rank, r, Rd, dataEnd + _t.RTRS + Preamble - _t.CL);
                    Raise(_rank, r, Wr, now + _burst + _t.RTRS);
                }
                return cmd == DramCommand.WR ? dataEnd : AutoPrecharge(bank, rank, dataEnd + _t.WR);
            case DramCommand.REFAB:
                Raise(_rank, rank, Act, now + _t.RFC);
                Raise(_rank, rank, Ref, now + _t.RFC);
                Raise(_rank, rank, RefPb, now + _t.RFC);
                for (int b = rank * _banksPerRank, end = b + _banksPerRank; b < end; b++)
                    Raise(_bank, b, Act, now + _t.RFC);
                return now + _t.RFC;
            default: // REFPB
                Raise(_bank, bank, Act, now + _t.RFCpb);
                Raise(_bank, bank, Ref, now + _t.RFCpb);
                Raise(_rank, rank, Act, now + _t.RRD_S);
                Raise(_rank, rank, Ref, now + _t.RFCpb);
                Raise(_rank, rank, RefPb, now + _t.RFCpb);
                return now + _t.RFCpb;
        }
    }

    // The internal precharge of RDA/WRA: JEDEC holds it until ACT + tRAS (the bank's PRE constraint).
    private long AutoPrecharge(int bank, int rank, long earliest)
    {
        long start = _jedecAutoPrecharge ? Math.Max(earliest, _bank[bank * Kinds + Pre]) : earliest;
        Precharged(bank, rank, start, _t.RP);
        return start + _t.RP;
    }

    // A precharge starting at `at`: tRP (tRPab for PREA) to ACT and REF.
    private void Precharged(int bank, int rank, long at, int rp)
    {
        Raise(_bank, bank, Act, at + rp);
        Raise(_bank, bank, Ref, at + rp);
        Raise(_rank, rank, Ref, at + rp);
    }

    private static void Raise(long[] table, int index, int kind, long value)
    {
        ref long slot = ref table[index * Kinds + kind];
        if (value > slot) slot = value;
    }

    private static long Max(long a, long b, long c, long d) => Math.Max(Math.Max(a, b), Math.Max(c, d));
}
