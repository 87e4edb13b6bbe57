using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Pim.Devices;

/// <summary>
/// A PIM-capable DRAM device as data (an embedded JSON file under <c>Pim/Devices/</c>): its DRAM organisation
/// and JEDEC timing in the same representation as the DRAM simulator's standards (<see cref="DramStandard"/>),
/// the compute units placed next to the banks, and per-operation energies.
/// </summary>
public sealed record PimDevice(
    string Name,
    IReadOnlyList<string> Aliases,
    string Source,
    DramStandard Dram,
    PimUnitSpec Unit,
    PimEnergySpec Energy)
{
    public DramOrganization Organization => Dram.Organization;
    public DramTiming Timing => Dram.Timing;

    /// <summary>Bytes of one column access (one burst): bus width x burst length / 8.</summary>
    public int ColumnBytes => Dram.BytesPerBurst;

    /// <summary>Bytes of one row of one bank (organisation columns x device width / 8).</summary>
    public int RowBytes => Organization.Columns * Organization.BusWidthBits / 8;
}

/// <summary>Which command protocol drives the bank compute units.</summary>
public enum PimKernelStyle
{
    /// <summary>
    /// SK hynix AiM / PIM-GPT style: the host writes a per-channel global buffer (WRGB), all-bank MAC commands
    /// (MAC16) multiply an open row column by the buffer, results are read back per finished dot product
    /// (RDMAC16). Input-stationary: a buffer load is reused by every output that needs it.
    /// </summary>
    GlobalBuffer,

    /// <summary>
    /// Samsung HBM-PIM (PIMSimulator's <c>PIMKernel::executeGemv</c>): in all-bank PIM mode every column read
    /// of the even or odd bank triggers one MAC in every PIM block; inputs go to GRF_A by writes, outputs stay in
    /// GRF_B across input tiles and are written back at the end. Output-stationary.
    /// </summary>
    RegisterFile,
}

/// <summary>
/// The compute unit beside the banks.
/// </summary>
/// <param name="Style">Command protocol, see <see cref="PimKernelStyle"/>.</param>
/// <param name="BanksPerUnit">Banks sharing one unit (AiM 1, HBM-PIM 2).</param>
/// <param name="MacLanes">Multipliers per unit (16 BF16/FP16 lanes: one 32-byte column per MAC).</param>
/// <param name="NumberFormat">BF16 or FP16 (2 bytes per element either way).</param>
/// <param name="MacIntervalPs">
/// Least time between two all-bank MAC commands, ps; 0 when a MAC is an ordinary column read that obeys tCCD
/// (HBM-PIM). AiM's MAC pipeline runs at 1 GHz: a column every 1000 ps (1.75 command clocks at tCK 570 ps).
/// </param>
/// <param name="AccumulatorsPerUnit">Output registers per unit (AiM 1 MAC register, HBM-PIM 8 GRF_B).</param>
/// <param name="InputBufferBytes">Per-channel buffer broadcast to the units (AiM 2 KB global buffer, HBM-PIM 8 x 256-bit GRF_A).</param>
/// <param name="MacClockMhz">Clock of the MAC pipeline, for reporting its peak throughput.</param>
/// <param name="RegisterReadLatency">Cycles from a buffer/MAC-register read command to its data (aim_simulator nCLREG).</param>
/// <param name="RegisterWriteLatency">Cycles from a buffer/MAC-register write command to its data (aim_simulator nCWLREG).</param>
public sealed record PimUnitSpec(
    PimKernelStyle Style, int BanksPerUnit, int MacLanes, string NumberFormat, int MacIntervalPs,
    int AccumulatorsPerUnit, int InputBufferBytes, double MacClockMhz, int RegisterReadLatency = 0, int RegisterWriteLatency = 1);

/// <summary>
/// Energy per operation (estimates; each device file cites where its numbers come from).
/// </summary>
/// <param name="ActivatePj">One row activation + precharge of one bank.</param>
/// <param name="ColumnAccessPj">One column (32 bytes) moved between a bank's sense amplifiers and its unit or the channel I/O.</param>
/// <param name="MacPj">One multiply-accumulate in a lane.</param>
/// <param name="IoPjPerBit">One bit across the channel's off-chip interface.</param>
/// <param name="RefreshPj">One all-bank refresh of one channel.</param>
/// <param name="BackgroundMwPerChannel">Static / peripheral power of one channel while running.</param>
public sealed record PimEnergySpec(
    double ActivatePj, double ColumnAccessPj, double MacPj, double IoPjPerBit, double RefreshPj,
    double BackgroundMwPerChannel);
