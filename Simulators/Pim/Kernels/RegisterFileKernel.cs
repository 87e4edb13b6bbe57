using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Mapping;

namespace ArchGym.Simulators.Pim.Kernels;

/// <summary>
/// Samsung HBM-PIM protocol, as PIMSimulator's <c>PIMKernel::executeGemv</c> (non-tree) issues it on every
/// pseudo-channel (b464dde, src/tests/PIMKernel.cpp):
/// park-in (one write per bank), SB→HAB mode writes, the CRF program write; then per output tile: HAB→HAB_PIM
/// write; all even input tiles, then all odd ones, each = 8 GRF_A writes (the 128-element input tile) followed by
/// 8 barrier groups of MAC-triggering reads (one group per GRF_A register, one read per GRF_B output) to the even
/// or odd bank; GRF_B write-back (8 writes) and HAB_PIM→HAB; finally HAB→SB and park-out.
/// Register and mode accesses are ordinary row accesses to reserved rows (0x3fff, 0x17ff, 0x1fff, 1&lt;&lt;12), so
/// the controller opens and closes those rows like any other. Every call adds a barrier, as the kernel does.
/// The input is padded to whole GRF_A tiles (executeGemv's loops always run 8 registers); a unit may hold fewer than
/// 8 outputs (reads per group), which the CRF program's jump counts allow.
/// </summary>
internal sealed class RegisterFileKernel : IPimKernel
{
    private const int RegisterRow = 0x3fff, SbToHabRow = 0x17ff, HabToSbRow = 0x1fff, ParkRow = 1 << 12;
    private const int CrfWrites = 1; // the GEMV CRF program (MAC, JUMP, MAC, JUMP, NOP, EXIT) fits one 8-instruction burst

    public void Build(ChannelWork work, in VmmOp op, PimGeometry geometry, List<ColumnRun> runs)
    {
        var category = op.IsAttention ? WorkCategory.Attention : WorkCategory.Vmm;
        int perGroup = geometry.BanksPerChannel / geometry.Channel.Organization.BankGroups;
        int groups = geometry.Channel.Organization.BankGroups;
        int even = 0, odd = Bank(0, 1, perGroup, geometry.BanksPerChannel);
        int grfA = geometry.BufferElements / geometry.ElementsPerColumn; // GRF_A registers (columns per input tile)
        int perRow = geometry.ColumnsPerRow;

        // Park in: one write per bank, bank index outer, bank group inner.
        for (int ba = 0; ba < perGroup; ba++)
            for (int bg = 0; bg < groups; bg++)
                Write(runs, bg * perGroup + ba, ParkRow, 1, false);
        Barrier(runs);
        Write(runs, even, SbToHabRow, 1, false);
        Write(runs, odd, SbToHabRow, 1, false);
        if (groups > 2)
        {
            Write(runs, Bank(2, 0, perGroup, geometry.BanksPerChannel), SbToHabRow, 1, false);
            Write(runs, Bank(2, 1, perGroup, geometry.BanksPerChannel), SbToHabRow, 1, false);
        }
        Barrier(runs);
        Write(runs, odd, RegisterRow, CrfWrites, true);

        long evenColumn = 0, oddColumn = 0;
        foreach (var window in work.Windows)
        {
            int tileColumns = MappingPolicies.Ceil(window.SliceLength, geometry.ElementsPerColumn);
            int inputTiles = MappingPolicies.Ceil(tileColumns, grfA);
            for (int done = 0; done < window.SegmentsPerUnit; done += geometry.Accumulators)
            {
                int outputs = Math.Min(geometry.Accumulators, window.SegmentsPerUnit - done);
                Write(runs, even, RegisterRow, 1, true); // HAB -> HAB_PIM (PIM program counter reset)
                for (int parity = 0; parity < 2; parity++)
                {
                    int bank = parity == 0 ? even : odd;
                    ref long column = ref parity == 0 ? ref evenColumn : ref oddColumn;
                    for (int tile = parity; tile < inputTiles; tile += 2)
                    {
                        int registers = grfA;
                        runs.Add(new ColumnRun(ColumnKind.Write, odd, RegisterRow, registers, true, WorkCategory.DataMovement));
                        for (int g = 0; g < registers; g++)
                        {
                            AddReads(runs, bank, column, outputs, perRow, category);
                            column += outputs;
                        }
                    }
                }
                // GRF_B write-back to the odd bank, just past the data (PIMSimulator's result column).
                long result = Math.Max(evenColumn, oddColumn);
                AddWrites(runs, odd, result, geometry.Accumulators, perRow);
                Write(runs, even, RegisterRow, 1, true); // HAB_PIM -> HAB
            }
        }
        Write(runs, even, HabToSbRow, 1, false);
        Write(runs, odd, HabToSbRow, 1, true);
        Write(runs, even, ParkRow, 1, false);
        Write(runs, odd, ParkRow, 1, true);
    }

    // Bank (bank group bg, bank ba within the group) as the flat index Scheme8 decodes to; clamped for small devices.
    private static int Bank(int bg, int ba, int perGroup, int banks) => Math.Min(banks - 1, bg * perGroup + ba);

    // One MAC group: `count` reads of consecutive columns, split where a row ends; the last closes the group.
    private static void AddReads(List<ColumnRun> runs, int bank, long column, int count, int perRow, WorkCategory category)
    {
        while (count > 0)
        {
            int inRow = (int)Math.Min(count, perRow - column % perRow);
            runs.Add(new ColumnRun(ColumnKind.Mac, bank, checked((int)(column / perRow)), inRow, inRow == count, category));
            column += inRow;
            count -= inRow;
        }
    }

    private static void AddWrites(List<ColumnRun> runs, int bank, long column, int count, int perRow)
    {
        while (count > 0)
        {
            int inRow = (int)Math.Min(count, perRow - column % perRow);
            runs.Add(new ColumnRun(ColumnKind.Write, bank, checked((int)(column / perRow)), inRow, inRow == count, WorkCategory.DataMovement));
            column += inRow;
            count -= inRow;
        }
    }

    private static void Write(List<ColumnRun> runs, int bank, int row, int count, bool barrier) =>
        runs.Add(new ColumnRun(ColumnKind.Write, bank, row, count, barrier, WorkCategory.DataMovement));

    private static void Barrier(List<ColumnRun> runs) => runs[^1] = runs[^1] with { Barrier = true };
}
