namespace ArchGym.Simulators.Pim.Commands;

/// <summary>What a column command does.</summary>
internal enum ColumnKind : byte
{
    /// <summary>RD: data out over the channel bus (or a register read when the row is <see cref="ColumnRun.RegisterRow"/>).</summary>
    Read,
    /// <summary>WR: data in over the channel bus (or a buffer/register write).</summary>
    Write,
    /// <summary>All-bank MAC: each unit multiplies one open-row column by the input buffer; no bus data.</summary>
    Mac,
}

/// <summary>Which latency bucket a command's time is charged to.</summary>
internal enum WorkCategory : byte { Vmm, Attention, DataMovement }

/// <summary>
/// <paramref name="Count"/> consecutive column commands of one kind to one (lead) bank and row, in order.
/// <paramref name="Barrier"/> closes a barrier group (PIMSimulator's <c>addBarrier</c>): later requests wait for it,
/// and the controller looks ahead only to the end of the current group (plus the next one when the barrier
/// request itself is at the head).
/// </summary>
internal readonly record struct ColumnRun(ColumnKind Kind, int Bank, int Row, int Count, bool Barrier, WorkCategory Category)
{
    /// <summary>Row value of accesses that need no open row (AiM global buffer, MAC registers).</summary>
    public const int RegisterRow = -1;

    public bool IsRegister => Row < 0;

    /// <summary>True when the command moves data over the channel's data bus.</summary>
    public bool UsesDataBus => Kind != ColumnKind.Mac;
}
