namespace ArchGym.Simulators.Dram;

/// <summary>What the controller tells a refresh policy about one rank.</summary>
internal interface IRankView
{
    bool IsOpen(int bank);
    bool HasRequests(int rank);
}

/// <summary>
/// Refresh manager of one rank (DRAMSys RefreshManagerIF). It tracks refreshes owed (one more every
/// tREFI), decides when to refresh (JEDEC lets up to 8 be postponed while busy or pulled in while
/// idle), blocks the banks it needs and asks for PRE/PREA first when those banks are open.
/// </summary>
internal interface IRefreshPolicy
{
    /// <summary>Updates the policy at <paramref name="now"/>; returns the command it wants (or null) and its bank.</summary>
    DramCommand? Evaluate(long now, IRankView view, out int bank);

    /// <summary>True while <paramref name="bank"/> is reserved for a refresh (the bank machine must not start new work).</summary>
    bool Blocks(int bank);

    /// <summary>A command was issued on this rank.</summary>
    void Issued(DramCommand command, int bank, long now);

    /// <summary>Next cycle at which the policy's decision can change by itself (a new refresh becomes due).</summary>
    long NextDue { get; }
}
