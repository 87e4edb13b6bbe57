using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Command counts and the per-rank active/precharged background time that DRAMPower needs: a rank is
/// in active standby while any bank is open or a refresh runs (tRFC), in precharge standby otherwise.
/// </summary>
internal sealed class CommandCounters
{
    private readonly int _banksPerRank;
    private readonly DramTiming _t;
    private readonly bool[] _open;
    private readonly int[] _openPerRank;
    private readonly long[] _activeSince;

    public long Act, Pre, PreAll, Rd, Wr, RefAb, RefPb;
    /// <summary>Banks actually closed by PRE, PREA or auto-precharge (DRAMPower's precharge energy events).</summary>
    public long PrechargeEvents;
    public long RowHits, ColumnCommands;
    public long ActiveCycles, RefreshCycles;

    public CommandCounters(int ranks, int banksPerRank, DramTiming timing)
    {
        _banksPerRank = banksPerRank; _t = timing;
        _open = new bool[ranks * banksPerRank];
        _openPerRank = new int[ranks];
        _activeSince = new long[ranks];
    }

    public void Count(DramCommand cmd, int bank, long now)
    {
        int rank = bank / _banksPerRank;
        switch (cmd)
        {
            case DramCommand.ACT:
                Act++;
                if (_openPerRank[rank]++ == 0) _activeSince[rank] = now;
                _open[bank] = true;
                break;
            case DramCommand.PRE: Pre++; Close(bank, now); break;
            case DramCommand.PREA:
                PreAll++;
                for (int b = rank * _banksPerRank, end = b + _banksPerRank; b < end; b++) Close(b, now);
                break;
            case DramCommand.RD: Rd++; break;
            case DramCommand.WR: Wr++; break;
            case DramCommand.RDA: Rd++; Close(bank, now); break;
            case DramCommand.WRA: Wr++; Close(bank, now); break;
            case DramCommand.REFAB: RefAb++; RefreshCycles += _t.RFC; break;
            case DramCommand.REFPB: RefPb++; RefreshCycles += _t.RFCpb; break;
        }
    }

    public void Column(bool rowHit)
    {
        ColumnCommands++;
        if (rowHit) RowHits++;
    }

    /// <summary>Ends open active periods at <paramref name="end"/> (end of simulation).</summary>
    public void CloseAll(long end)
    {
        for (int r = 0; r < _openPerRank.Length; r++)
        {
            if (_openPerRank[r] > 0) ActiveCycles += end - _activeSince[r];
            _activeSince[r] = end;
        }
    }

    private void Close(int bank, long now)
    {
        if (!_open[bank]) return;
        _open[bank] = false;
        PrechargeEvents++;
        int rank = bank / _banksPerRank;
        if (--_openPerRank[rank] == 0) ActiveCycles += now - _activeSince[rank];
    }
}
