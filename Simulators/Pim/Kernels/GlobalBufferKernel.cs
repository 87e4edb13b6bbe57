using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Mapping;

namespace ArchGym.Simulators.Pim.Kernels;

/// <summary>
/// AiM / PIM-GPT protocol, input-stationary. Per window: WRGB writes the input slices into the channel's global
/// buffer (one 32-byte burst per column); every bank walks its segments: ACT16 opens the next row of all banks,
/// MAC16 multiplies one column per command by the buffer column of the same index, and RDMAC16 reads the finished
/// partial sum of every bank (one burst) at each segment end; PRE16 closes a row when the walk leaves it.
/// A one-slice window (a weight VMM's input slice) streams its load under the first segment: a MAC needs only its
/// own buffer column to have landed (aim_simulator has no WRGB-to-MAC16 constraint, and MAC16 uses the command bus
/// only, not the data bus), so each column of that segment is preceded by its WRGB. A multi-slice window (heads
/// concatenated) is loaded whole first: its first segment is a few columns, and splitting the load around that
/// segment's RDMAC16 would cost more in the WRGB/RDMAC16 turnarounds (CWLREG + BL + tWTR_S, then the read-to-write
/// one) than the MACs it hides. Segments are concatenated in the rows when the layout is packed, else each starts a
/// new row. All-bank commands are issued on lead bank 0; buffer and register transfers need no row
/// (<see cref="ColumnRun.RegisterRow"/>). A barrier group ends where the walk changes row.
/// </summary>
internal sealed class GlobalBufferKernel : IPimKernel
{
    private const int LeadBank = 0, RegisterBank = 1;

    public void Build(ChannelWork work, in VmmOp op, PimGeometry geometry, List<ColumnRun> runs)
    {
        var category = op.IsAttention ? WorkCategory.Attention : WorkCategory.Vmm;
        int perRow = geometry.ColumnsPerRow, perColumn = geometry.ElementsPerColumn;
        long column = 0;
        long currentRow = -1;
        foreach (var window in work.Windows)
        {
            int load = MappingPolicies.Ceil((long)window.Slices * window.SliceLength, perColumn);
            int segmentColumns = MappingPolicies.Ceil(window.SliceLength, perColumn);
            int streamed = load == segmentColumns ? load : 0; // buffer columns written just ahead of their first MAC
            if (streamed == 0) runs.Add(Load(load));
            for (int s = 0; s < window.SegmentsPerUnit; s++)
            {
                if (!work.PackedRows && column % perRow != 0) column += perRow - column % perRow;
                int left = segmentColumns;
                while (left > 0)
                {
                    long row = column / perRow;
                    int inRow = (int)Math.Min(left, perRow - column % perRow);
                    if (row != currentRow && currentRow >= 0) EndGroup(runs);
                    currentRow = row;
                    int paired = Math.Min(inRow, streamed);
                    for (int i = 0; i < paired; i++)
                    {
                        runs.Add(Load(1));
                        runs.Add(new ColumnRun(ColumnKind.Mac, LeadBank, checked((int)row), 1, false, category));
                    }
                    streamed -= paired;
                    if (inRow > paired) runs.Add(new ColumnRun(ColumnKind.Mac, LeadBank, checked((int)row), inRow - paired, false, category));
                    column += inRow;
                    left -= inRow;
                }
                runs.Add(new ColumnRun(ColumnKind.Read, RegisterBank, ColumnRun.RegisterRow, 1, false, WorkCategory.DataMovement));
            }
        }
        if (runs.Count > 0) EndGroup(runs);
    }

    private static ColumnRun Load(int columns) =>
        new(ColumnKind.Write, RegisterBank, ColumnRun.RegisterRow, columns, false, WorkCategory.DataMovement);

    // The run before a row change closes a barrier group, so the walk's old row may be precharged after it.
    private static void EndGroup(List<ColumnRun> runs) => runs[^1] = runs[^1] with { Barrier = true };
}
