namespace ArchGym.Simulators.Dram;

/// <summary>What the controller tells a refresh manager about, and lets it do to, its banks (channel bank indices).</summary>
internal interface IRankView
{
    bool IsOpen(int bank);
    bool AnyOpen(int rank);
    /// <summary>DRAMSys BankMachine::isIdle: the bank machine holds no request.</summary>
    bool IsIdle(int bank);
    bool AnyBusy(int rank);
    /// <summary>DRAMSys BankMachine::block: the bank machine proposes nothing until the bank is refreshed.</summary>
    void Block(int bank);
}

/// <summary>
/// Refresh manager of one rank (DRAMSys RefreshManagerIF). <see cref="Evaluate"/> runs at every
/// controller step, updates the manager's state (a refresh comes due every interval; JEDEC's flexible
/// refresh lets RefreshMaxPostponed of them wait while the rank is busy and RefreshMaxPulledin be
/// issued early while it is idle) and leaves the command it wants in <see cref="Command"/>.
/// </summary>
internal interface IRefreshPolicy
{
    void Evaluate(long now, IRankView view);

    /// <summary>The command wanted after the last <see cref="Evaluate"/> (PRE/PREA first when banks are open), or null.</summary>
    DramCommand? Command { get; }

    /// <summary>Channel bank index the command is for (a bank of the rank for rank commands).</summary>
    int Bank { get; }

    /// <summary>A command was issued on this rank (DRAMSys RefreshManager::update).</summary>
    void Issued(DramCommand command, int bank);

    /// <summary>Next cycle at which the manager's decision can change by itself (the next refresh is due).</summary>
    long NextTrigger { get; }
}
