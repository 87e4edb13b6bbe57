using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Pim.Commands;

/// <summary>
/// An event-driven, command-level controller for one channel, on top of the DRAM simulator's JEDEC
/// <see cref="TimingModel"/>. It serves <see cref="ColumnRun"/>s in order under an open-row policy the way
/// PIMSimulator's (DRAMSim2) command queue does: at each step it takes the earliest of
/// (1) the next column command of the head request, once its row is open;
/// (2) an ACT for a closed bank that a visible request needs (requests up to the current barrier, and the next
///     barrier group once the barrier request itself is at the head);
/// (3) a PRE for an open bank whose row no request before the next barrier needs;
/// ties in that order. Time jumps from event to event (no per-cycle loop), and a run of same-row columns is
/// issued in closed form (first and last command) when nothing else can happen in between.
/// All-bank PIM commands are modelled on their lead bank, as the controller sees them. Refresh is not issued
/// here: <see cref="RefreshClock"/> injects it on the kernel's timeline.
/// With a MAC interval (AiM), MAC16 and the buffer/register transfers (WRGB, RDMAC16: runs on
/// <see cref="ColumnRun.RegisterRow"/>) follow aim_simulator's rules instead of the RD/WR tables: a MAC needs tRCD
/// after the ACT, the MAC interval after the previous MAC and the buffer data landed; a PRE needs tRTP after the
/// bank's last MAC; register transfers share the data bus (max(BL/2, tCCD_S) apart) with the register latencies in
/// the read-to-write (CL + BL/2 + 3 - CWL + 1) and write-to-read (CWL + BL/2 + tWTR_S) turnarounds.
/// </summary>
internal sealed class ChannelController
{
    private const int Closed = -1;
    private const long Never = long.MaxValue;
    private const long LongAgo = long.MinValue / 4;

    private readonly DramStandard _standard;
    private readonly int _macIntervalPs, _tckPs, _burst, _columnSpacing, _readTail, _writeTail, _rtp;
    private readonly int _regReadToWrite, _regWriteToRead, _regWriteLanded, _regReadTail;
    private readonly int[] _openRow, _seen, _openBanks;
    private readonly long[] _lastMacOn;
    private TimingModel _timing;
    private int _openCount, _epoch;
    private long _prev, _lastData, _lastMac, _lastRegRead, _lastRegWrite;
    private long _vmm, _attention, _movement, _activations, _macs, _rowColumns, _bursts;

    /// <param name="standard">Organisation and timing of one channel.</param>
    /// <param name="macIntervalPs">Least spacing of all-bank MACs in ps (their own clock domain); 0 = MACs are column reads timed by tCCD.</param>
    /// <param name="registerReadLatency">Buffer/register read latency (aim_simulator nCLREG).</param>
    /// <param name="registerWriteLatency">Buffer/register write latency (aim_simulator nCWLREG).</param>
    public ChannelController(DramStandard standard, int macIntervalPs, int registerReadLatency = 0, int registerWriteLatency = 1)
    {
        _standard = standard;
        _macIntervalPs = macIntervalPs;
        _tckPs = standard.Timing.TckPicoseconds;
        int banks = standard.Organization.BanksPerChannel;
        _openRow = new int[banks];
        _seen = new int[banks];
        _openBanks = new int[banks];
        _lastMacOn = new long[banks];
        _timing = new TimingModel(standard, TimingMode.Jedec);
        var t = standard.Timing;
        _burst = _timing.BurstCycles;
        _columnSpacing = Math.Max(_burst, t.CCD_S);
        _readTail = t.CL + _burst;
        _writeTail = t.CWL + _burst;
        _rtp = t.RTP;
        _regReadToWrite = registerReadLatency + _burst + 3 - registerWriteLatency + 1;
        _regWriteToRead = registerWriteLatency + _burst + t.WTR_S;
        _regWriteLanded = registerWriteLatency + _burst;
        _regReadTail = registerReadLatency + _burst;
    }

    /// <summary>
    /// When set, every issued command is appended (closed-form runs expanded), all-bank ones on their lead bank and
    /// MACs as RD; buffer/register transfers of a global-buffer device, which are no DRAM commands, are left out.
    /// </summary>
    public List<IssuedCommand>? Trace { get; set; }

    /// <summary>Schedules <paramref name="runs"/> from an idle, precharged channel at cycle 0.</summary>
    public KernelTiming Run(List<ColumnRun> runs)
    {
        Reset();
        int head = 0, left = runs.Count > 0 ? runs[0].Count : 0;
        while (head < runs.Count)
        {
            var run = runs[head];
            long tCol = run.IsRegister || _openRow[run.Bank] == run.Row ? ColumnEarliest(run, left == run.Count) : Never;
            long tAct = FindActivate(runs, head, left, out int actRun);
            long tPre = FindPrecharge(runs, head, out int preBank);
            if (tCol != Never && tCol <= tAct && tCol <= tPre)
            {
                int issued = IssueColumns(runs, head, left, tCol, Math.Min(tAct, tPre));
                left -= issued;
                if (left == 0 && ++head < runs.Count) left = runs[head].Count;
            }
            else if (tAct != Never && tAct <= tPre)
            {
                var need = runs[actRun];
                Charge(tAct, need.Category);
                _timing.Issue(DramCommand.ACT, need.Bank, tAct);
                Record(tAct, DramCommand.ACT, need.Bank, need.Row);
                Open(need.Bank, need.Row);
                _activations++;
            }
            else
            {
                if (tPre == Never) (tPre, preBank) = (PrechargeEarliest(run.Bank), run.Bank); // cannot happen with kernel-built runs
                Charge(tPre, run.Category);
                _timing.Issue(DramCommand.PRE, preBank, tPre);
                Record(tPre, DramCommand.PRE, preBank, _openRow[preBank]);
                Close(preBank);
            }
        }
        if (runs.Count > 0)
        {
            var last = runs[^1];
            long tail = last.IsRegister ? (last.Kind == ColumnKind.Read ? _regReadTail : _regWriteLanded)
                : last.Kind == ColumnKind.Read ? _readTail : last.Kind == ColumnKind.Write ? _writeTail : 1;
            Charge(_prev + tail, last.Category);
        }
        return new KernelTiming(_vmm + _attention + _movement, _vmm, _attention, _movement, _activations, _macs, _rowColumns, _bursts);
    }

    private void Reset()
    {
        _timing = new TimingModel(_standard, TimingMode.Jedec);
        Array.Fill(_openRow, Closed);
        Array.Fill(_lastMacOn, LongAgo);
        _openCount = 0;
        _prev = -1;
        _lastData = _lastMac = _lastRegRead = _lastRegWrite = LongAgo;
        _vmm = _attention = _movement = _activations = _macs = _rowColumns = _bursts = 0;
    }

    private bool PimTimed(in ColumnRun run) => _macIntervalPs > 0 && (run.IsRegister || run.Kind == ColumnKind.Mac);

    // Earliest cycle for the next column of the head run (the first of the run when `first`).
    private long ColumnEarliest(in ColumnRun run, bool first)
    {
        long t = _prev + 1;
        if (run.Kind == ColumnKind.Mac && _macIntervalPs > 0)
        {
            t = Math.Max(t, Math.Max(_lastMac + MacSpan(1), _lastRegWrite + _regWriteLanded));
            return first ? Math.Max(t, _timing.Earliest(DramCommand.RD, run.Bank)) : t;
        }
        if (run.IsRegister)
        {
            t = Math.Max(t, _lastData + _columnSpacing);
            return run.Kind == ColumnKind.Read ? Math.Max(t, _lastRegWrite + _regWriteToRead) : Math.Max(t, _lastRegRead + _regReadToWrite);
        }
        var cmd = run.Kind == ColumnKind.Write ? DramCommand.WR : DramCommand.RD;
        t = Math.Max(t, _timing.Earliest(cmd, run.Bank));
        return run.UsesDataBus ? Math.Max(t, _lastData + _burst) : t;
    }

    // Command cycles spanned by n MAC intervals of the MAC clock (whole cycles, rounded up).
    private long MacSpan(long n) => (n * _macIntervalPs + _tckPs - 1) / _tckPs;

    // Issues up to `left` columns of the head run starting at `t`, all before `limit` except the first; returns how many.
    private int IssueColumns(List<ColumnRun> runs, int head, int left, long t, long limit)
    {
        var run = runs[head];
        bool pimTimed = PimTimed(run);
        var cmd = run.Kind == ColumnKind.Write ? DramCommand.WR : DramCommand.RD;
        Charge(t, run.Category);
        if (!pimTimed) _timing.Issue(cmd, run.Bank, t);
        int batch = run.Barrier && head + 1 < runs.Count ? left - 1 : left; // the barrier request opens the next window
        int issued = 1;
        long lastTime = t;
        if (batch > 1)
        {
            bool macClock = run.Kind == ColumnKind.Mac && _macIntervalPs > 0;
            long spacing = run.IsRegister && pimTimed ? _columnSpacing : macClock ? 0 : ColumnEarliest(run, false) - t;
            long fit = limit == Never ? batch
                : Math.Min(batch, macClock ? (limit - t - 1) * _tckPs / _macIntervalPs + 1 : (limit - t - 1) / spacing + 1);
            if (fit > 1)
            {
                lastTime = t + (macClock ? MacSpan(fit - 1) : (fit - 1) * spacing);
                Charge(lastTime, run.Category);
                if (!pimTimed) _timing.Issue(cmd, run.Bank, lastTime);
                issued = (int)fit;
            }
        }
        if (Trace is not null && !run.IsRegister)
        {
            for (long i = 0; i < issued; i++)
            {
                bool macClock = run.Kind == ColumnKind.Mac && _macIntervalPs > 0;
                long at = i == issued - 1 ? lastTime : macClock ? t + MacSpan(i) : t + i * (issued > 1 ? (lastTime - t) / (issued - 1) : 0);
                Record(at, cmd, run.Bank, run.Row);
            }
        }
        if (run.Kind == ColumnKind.Mac) { _lastMac = lastTime; _lastMacOn[run.Bank] = lastTime; _macs += issued; }
        if (run.UsesDataBus) { _lastData = lastTime; _bursts += issued; }
        if (run.IsRegister && run.Kind == ColumnKind.Read) _lastRegRead = lastTime;
        if (run.IsRegister && run.Kind == ColumnKind.Write) _lastRegWrite = lastTime;
        if (!run.IsRegister) _rowColumns += issued;
        return issued;
    }

    // ACT for the first closed bank a visible request needs, at its earliest cycle.
    private long FindActivate(List<ColumnRun> runs, int head, int left, out int which)
    {
        which = -1;
        long best = Never;
        _epoch++;
        for (int j = head; j < runs.Count; j++)
        {
            var r = runs[j];
            bool isHead = j == head;
            if (!isHead && r.Barrier && r.Count == 1) break; // a barrier request behind the head is not looked at
            if (!r.IsRegister && _seen[r.Bank] != _epoch)
            {
                _seen[r.Bank] = _epoch;
                if (_openRow[r.Bank] == Closed)
                {
                    long t = Math.Max(_prev + 1, _timing.Earliest(DramCommand.ACT, r.Bank));
                    if (t < best) { best = t; which = j; }
                }
            }
            if (r.Barrier && !(isHead && left == 1)) break;
        }
        return best;
    }

    // PRE for an open bank whose row no request up to (and including) the next barrier request needs.
    private long FindPrecharge(List<ColumnRun> runs, int head, out int bank)
    {
        bank = -1;
        long best = Never;
        for (int k = 0; k < _openCount; k++)
        {
            int b = _openBanks[k], row = _openRow[b];
            bool needed = false;
            for (int j = head; j < runs.Count && !needed; j++)
            {
                var r = runs[j];
                needed = r.Bank == b && r.Row == row;
                if (r.Barrier) break;
            }
            if (needed) continue;
            long t = PrechargeEarliest(b);
            if (t < best) { best = t; bank = b; }
        }
        return best;
    }

    private long PrechargeEarliest(int bank) =>
        Math.Max(Math.Max(_prev + 1, _timing.Earliest(DramCommand.PRE, bank)), _lastMacOn[bank] + _rtp);

    private void Record(long cycle, DramCommand command, int bank, int row)
    {
        int perGroup = _standard.Organization.BanksPerGroup;
        Trace?.Add(new IssuedCommand(cycle, command, 0, 0, bank / perGroup, bank, row));
    }

    private void Charge(long time, WorkCategory category)
    {
        long gap = time - Math.Max(_prev, 0);
        _prev = time;
        switch (category)
        {
            case WorkCategory.Vmm: _vmm += gap; break;
            case WorkCategory.Attention: _attention += gap; break;
            default: _movement += gap; break;
        }
    }

    private void Open(int bank, int row)
    {
        _openRow[bank] = row;
        _openBanks[_openCount++] = bank;
    }

    private void Close(int bank)
    {
        _openRow[bank] = Closed;
        for (int k = 0; k < _openCount; k++)
        {
            if (_openBanks[k] != bank) continue;
            _openBanks[k] = _openBanks[--_openCount];
            break;
        }
    }
}
