namespace ArchGym.Simulators.Dram;

/// <summary>
/// The bank machines' proposals and DRAMSys's CmdMuxOldest over them: each bank proposes at most
/// one command for its current request; the mux issues, per cycle, the proposal that can finish
/// first (earliest legal time + command length), ties to the oldest request. Legal times are cached
/// and recomputed for all banks (one branch-free pass) only after a command changed the timing
/// state; with equal command lengths (DDR3/DDR4/HBM2) selection is "the oldest request among the
/// proposals legal now".
/// </summary>
internal sealed class CommandMux
{
    public const DramCommand None = (DramCommand)byte.MaxValue;
    private readonly TimingModel _timing;
    private readonly bool _uniformLength;
    private readonly DramCommand[] _cmd;
    private readonly long[] _earliest, _id;
    private readonly int[] _baseSlot, _groupSlot, _bankSlot;
    private long _min = TimingModel.Never;  // minimum of _earliest unless _minStale
    private bool _stale, _minStale;

    public CommandMux(TimingModel timing, int banks, bool uniformLength)
    {
        _timing = timing; _uniformLength = uniformLength;
        _cmd = new DramCommand[banks]; _earliest = new long[banks]; _id = new long[banks];
        _baseSlot = new int[banks]; _groupSlot = new int[banks]; _bankSlot = new int[banks];
        for (int b = 0; b < banks; b++) Withdraw(b);
    }

    public DramCommand Proposal(int bank) => _cmd[bank];

    public void Propose(int bank, DramCommand cmd, long requestId)
    {
        _cmd[bank] = cmd; _id[bank] = requestId;
        (_baseSlot[bank], _groupSlot[bank], _bankSlot[bank]) = _timing.Slots(cmd, bank);
        if (_stale) return;
        long e = _earliest[bank] = _timing.EarliestOne(_baseSlot[bank], _groupSlot[bank], _bankSlot[bank]);
        if (e < _min) _min = e;
    }

    public void Withdraw(int bank)
    {
        _cmd[bank] = None; _id[bank] = long.MaxValue;
        (_baseSlot[bank], _groupSlot[bank], _bankSlot[bank]) = _timing.Slots(None, bank);
        if (_earliest[bank] == _min) _minStale = true;
        _earliest[bank] = TimingModel.Never;
    }

    /// <summary>A command was issued: every cached legal time may have moved.</summary>
    public void TimingChanged() => _stale = true;

    /// <summary>Earliest legal time over all proposals (<see cref="TimingModel.Never"/> when there is none).</summary>
    public long MinEarliest()
    {
        if (_stale) Refresh();
        else if (_minStale)
        {
            long min = TimingModel.Never;
            foreach (long e in _earliest) min = Math.Min(min, e);
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
        Refresh();
        legalAt = now;
        if (_min > now && refreshKey == long.MaxValue && !_minStale) return -1; // nothing is legal yet
        if (_uniformLength)
        {
            if (refreshKey <= now + _timing.Length(DramCommand.RD)) return -1; // a legal refresh goes first
            long oldest = long.MaxValue;
            for (int b = 0; b < _earliest.Length; b++) oldest = Math.Min(oldest, _earliest[b] <= now ? _id[b] : long.MaxValue);
            if (oldest == long.MaxValue) return -1;
            return Array.IndexOf(_id, oldest);
        }
        long bestKey = refreshKey, bestId = -1;
        int best = -1;
        for (int b = 0; b < _earliest.Length; b++)
        {
            if (_cmd[b] == None) continue;
            long t = Math.Max(now, _earliest[b]), key = t + _timing.Length(_cmd[b]);
            if (key > bestKey || key == bestKey && _id[b] >= bestId) continue;
            bestKey = key; bestId = _id[b]; best = b; legalAt = t;
        }
        return best;
    }

    private void Refresh()
    {
        if (!_stale) return;
        _stale = false; _minStale = false;
        _min = _timing.EarliestAll(_baseSlot, _groupSlot, _bankSlot, _earliest);
    }
}
