namespace ArchGym.Simulators.Dram.Refresh;

/// <summary>
/// Counts refreshes owed on a fixed interval and decides when one starts (JESD79-4 4.9 flexible
/// refresh, as DRAMSys's RefreshMaxPostponed / RefreshMaxPulledin): forced when more than
/// <c>maxPostponed</c> are owed, taken when owed and the rank is idle, pulled in ahead while idle up
/// to <c>maxPulledin</c>.
/// </summary>
internal sealed class RefreshBudget
{
    private readonly long _interval;
    private readonly int _maxPostponed, _maxPulledin;
    private int _owed; // negative when pulled in

    public RefreshBudget(long interval, int maxPostponed, int maxPulledin)
    {
        _interval = interval; _maxPostponed = maxPostponed; _maxPulledin = maxPulledin; NextDue = interval;
    }

    public long NextDue { get; private set; }

    /// <summary>Whether a refresh should start now.</summary>
    public bool ShouldStart(long now, bool rankBusy)
    {
        while (now >= NextDue) { _owed++; NextDue += _interval; }
        if (_owed > _maxPostponed) return true;
        if (rankBusy) return false;
        return _owed > 0 || -_owed < _maxPulledin;
    }

    public void Refreshed() => _owed--;
}
