using System.Numerics;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// The bank machines' proposals and DRAMSys's CmdMuxOldest over them: each bank proposes at most
/// one command for its current request; the mux issues, per cycle, the proposal that can finish
/// first (earliest legal time + command length), ties to the oldest request. Legal times are cached
/// and recomputed only after a command changed the timing state, and only for the banks that have
/// a proposal (a bit mask); with equal command lengths (DDR3/DDR4/HBM2) selection is "the oldest
/// request among the proposals legal now".
/// </summary>
internal sealed class CommandMux
{
    public const DramCommand None = (DramCommand)byte.MaxValue;
    private readonly TimingModel _timing;
    private readonly bool _uniformLength;
    private readonly DramCommand[] _cmd;
    private readonly long[] _earliest, _id;
    private readonly (int Base, int Group, int Bank)[] _slots; // where each proposal's constraints live (TimingModel.Slots)
    private ulong _active;                  // banks with a proposal
    private ulong _full;                    // banks whose cached legal time needs all three tables at the next refresh
    private long _min = TimingModel.Never;  // minimum legal time over the active banks unless _minStale
    private bool _stale, _minStale;

    public CommandMux(TimingModel timing, int banks, bool uniformLength)
    {
        if (banks > 64) throw new ArgumentOutOfRangeException(nameof(banks), banks, "at most 64 banks per channel");
        _timing = timing; _uniformLength = uniformLength;
        _cmd = new DramCommand[banks]; _earliest = new long[banks]; _id = new long[banks];
        _slots = new (int, int, int)[banks];
        for (int b = 0; b < banks; b++) Withdraw(b);
    }

    public DramCommand Proposal(int bank) => _cmd[bank];

    public void Propose(int bank, DramCommand cmd, long requestId)
    {
        _cmd[bank] = cmd; _id[bank] = requestId;
        _active |= 1UL << bank;
        var slots = _slots[bank] = _timing.Slots(cmd, bank);
        if (_stale) { _full |= 1UL << bank; return; }
        long e = _earliest[bank] = _timing.EarliestOne(slots.Base, slots.Group, slots.Bank);
        if (e < _min) _min = e;
    }

    public void Withdraw(int bank)
    {
        _cmd[bank] = None;
        _active &= ~(1UL << bank);
        if (_earliest[bank] == _min) _minStale = true;
        _earliest[bank] = TimingModel.Never;
    }

    /// <summary>
    /// <paramref name="cmd"/> was issued to <paramref name="bank"/>: every cached legal time may have moved. Only the
    /// bank-group and bank tables of the bank's group change (of its whole rank for PREA and REFAB); the per-rank
    /// bases change for everyone, but every table only grows, so for the other banks the new legal time is
    /// max(cached, new base).
    /// </summary>
    public void TimingChanged(DramCommand cmd, int bank)
    {
        _stale = true;
        _full |= cmd is DramCommand.PREA or DramCommand.REFAB ? ~0UL : _timing.GroupMask(bank);
    }

    /// <summary>Earliest legal time over all proposals (<see cref="TimingModel.Never"/> when there is none).</summary>
    public long MinEarliest()
    {
        if (_stale) Refresh();
        else if (_minStale)
        {
            long min = TimingModel.Never;
            for (ulong m = _active; m != 0; m &= m - 1) min = Branchless.Min(min, _earliest[BitOperations.TrailingZeroCount(m)]);
            _min = min; _minStale = false;
        }
        return _min;
    }

    /// <summary>
    /// The bank whose proposal the mux takes at <paramref name="now"/>, competing with an optional
    /// refresh proposal (<paramref name="refreshKey"/> = its legal time + length, long.MaxValue when
    /// none; refresh wins ties). Returns -1 for "no bank command"; <paramref name="legalAt"/> is the
    /// winner's legal time (the caller issues only when it is <paramref name="now"/>).
    /// </summary>
    public int Select(long now, long refreshKey, out long legalAt)
    {
        legalAt = now;
        if (MinEarliest() > now && refreshKey == long.MaxValue) return -1; // nothing is legal yet
        int best = -1;
        if (_uniformLength)
        {
            if (refreshKey <= now + _timing.Length(DramCommand.RD)) return -1; // a legal refresh goes first
            // Key = request id and bank in one word (ids are unique), long.MaxValue for a proposal not legal yet.
            // First the banks legal now (a mask: no long dependency chain), then the oldest of those (usually few).
            var earliest = _earliest;
            var ids = _id;
            ulong legal = 0;
            for (ulong m = _active; m != 0; m &= m - 1)
            {
                int b = BitOperations.TrailingZeroCount(m);
                legal |= (ulong)((earliest[b] - now - 1) >> 63) & (1UL << b); // earliest <= now
            }
            long oldest = long.MaxValue;
            for (ulong m = legal; m != 0; m &= m - 1)
            {
                int b = BitOperations.TrailingZeroCount(m);
                oldest = Branchless.Min(oldest, ids[b] << 6 | (long)b);
            }
            return oldest == long.MaxValue ? -1 : (int)(oldest & 63);
        }
        long bestKey = refreshKey, bestId = -1;
        for (ulong m = _active; m != 0; m &= m - 1)
        {
            int b = BitOperations.TrailingZeroCount(m);
            long t = Math.Max(now, _earliest[b]), key = t + _timing.Length(_cmd[b]);
            if (key > bestKey || key == bestKey && _id[b] >= bestId) continue;
            bestKey = key; bestId = _id[b]; best = b; legalAt = t;
        }
        return best;
    }

    private void Refresh()
    {
        _stale = false; _minStale = false;
        // Two running minima, swapped each bank, halve the dependency chain through the minimum.
        long min = TimingModel.Never, other = TimingModel.Never;
        // Locals so the loop does not reload the arrays after each store (the hot loop on random traffic).
        var earliest = _earliest;
        var slots = _slots;
        ReadOnlySpan<long> bases = _timing.Bases, groups = _timing.Groups, banks = _timing.Banks;
        for (ulong m = _active & _full; m != 0; m &= m - 1)
        {
            int b = BitOperations.TrailingZeroCount(m);
            var (bs, gs, ks) = slots[b];
            long e = Branchless.Max(bases[bs], Branchless.Max(groups[gs], banks[ks]));
            earliest[b] = e;
            (min, other) = (other, Branchless.Min(min, e));
        }
        for (ulong m = _active & ~_full; m != 0; m &= m - 1)
        {
            int b = BitOperations.TrailingZeroCount(m);
            long e = Branchless.Max(earliest[b], bases[slots[b].Base]);
            earliest[b] = e;
            (min, other) = (other, Branchless.Min(min, e));
        }
        _full = 0;
        _min = Branchless.Min(min, other);
    }
}
