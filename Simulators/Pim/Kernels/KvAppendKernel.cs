using ArchGym.Simulators.Pim.Commands;

namespace ArchGym.Simulators.Pim.Kernels;

/// <summary>
/// Writing one token's key and value into the KV cache, in normal (single-bank) mode, on the busiest channel.
/// A vector kept row-major is contiguous: its share of the channel is a few bursts into one row. A vector kept
/// column-major (PIM-GPT's V: one reserved row region per element position) is one masked burst per element,
/// each into a different row, spread over the banks; a head-by-head row-major K (no concatenation) is one row per head.
/// The controller pipelines the ACTs across banks under tRRD/tFAW and closes rows when done; a barrier after every
/// round over the banks bounds its look-ahead (a real command queue is a few dozen entries deep).
/// </summary>
internal static class KvAppendKernel
{
    private const int FirstRow = 1; // any rows distinct from each other; all banks start precharged

    /// <summary><paramref name="rows"/> writes of <paramref name="burstsPerRow"/> bursts each, rows rotating over the banks.</summary>
    public static void Build(List<ColumnRun> runs, long rows, int burstsPerRow, int banks)
    {
        for (long i = 0; i < rows; i++)
        {
            int bank = (int)(i % banks), row = FirstRow + (int)(i / banks);
            bool roundEnds = i == rows - 1 || bank == banks - 1;
            runs.Add(new ColumnRun(ColumnKind.Write, bank, row, burstsPerRow, roundEnds, WorkCategory.DataMovement));
        }
    }
}
