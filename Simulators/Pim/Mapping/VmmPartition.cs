namespace ArchGym.Simulators.Pim.Mapping;

/// <summary>
/// How a mapping policy places a <see cref="VmmOp"/>. Each dot product is cut into <see cref="Splits"/> segments
/// (partial sums the ASIC adds); a group's input vector into as many slices. An input-buffer load (a window)
/// holds <see cref="SlicesPerWindow"/> consecutive slices (heads concatenated when more than one group fits).
/// </summary>
/// <param name="Splits">Segments per dot product (k >= 1).</param>
/// <param name="SlicesPerWindow">Input slices per buffer load.</param>
/// <param name="SpreadWindows">
/// True: the segments, in (window, output) order, are dealt to the channels in equal contiguous blocks, so a channel
/// loads only the windows its block touches. False: every channel walks every window for its share of the outputs.
/// </param>
/// <param name="BlockOutputs">True: a unit's output registers are filled before the next unit gets any (PIMSimulator).</param>
/// <param name="PackedRows">True: a unit's segments are concatenated to fill DRAM rows; false: each starts a new row.</param>
/// <param name="OnAsic">True: the product runs on the ASIC after the operand is streamed out of DRAM.</param>
public sealed record VmmPartition(int Splits, int SlicesPerWindow, bool SpreadWindows, bool BlockOutputs, bool PackedRows,
    bool OnAsic = false);
