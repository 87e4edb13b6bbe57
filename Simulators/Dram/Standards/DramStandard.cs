namespace ArchGym.Simulators.Dram.Standards;

/// <summary>
/// One DRAM device standard as data (loaded from an embedded JSON file under <c>Standards/</c>): the
/// organisation of a channel, the JEDEC timing parameters in clock cycles, the command-bus
/// occupancy of each command and the IDD currents for the DRAMPower energy model. A new standard is
/// a new JSON file, not new code.
/// </summary>
public sealed record DramStandard(
    string Name,
    IReadOnlyList<string> Aliases,
    string Source,
    string Type,
    DramOrganization Organization,
    DramTiming Timing,
    CommandCycles CommandCycles,
    IReadOnlyList<PowerRail> Rails)
{
    /// <summary>Bytes moved by one burst on the whole channel (bus width x burst length / 8).</summary>
    public int BytesPerBurst => Organization.BusWidthBits * Organization.BurstLength / 8;

    /// <summary>Capacity in bytes of all channels (rows x columns x bus bytes per bank, times banks and channels).</summary>
    public long CapacityBytes => (long)Organization.Rows * Organization.Columns * (Organization.BusWidthBits / 8)
        * Organization.BanksPerChannel * Organization.Channels;

    /// <summary>True when the standard defines per-bank refresh (tRFCpb and tREFIpb).</summary>
    public bool SupportsPerBankRefresh => Timing.RFCpb > 0 && Timing.REFIpb > 0;
}

/// <summary>
/// Channel organisation; <see cref="Devices"/> x <see cref="DeviceWidth"/> is the data-bus width.
/// <see cref="TransfersPerClock"/> is data beats per command-clock cycle: 2 for the DDR families (DDR3/4, LPDDR4,
/// HBM2), 8 for GDDR6, whose data runs at eight times CK (JESD250; e.g. Micron's GDDR6 brief, figure 4: CK 1.5 GHz,
/// 12 Gb/s per pin), so its BL16 burst holds the bus 2 cycles, not 8.
/// </summary>
public sealed record DramOrganization(
    int Channels, int Ranks, int BankGroups, int BanksPerGroup, int Rows, int Columns,
    int DeviceWidth, int Devices, int BurstLength, int TransfersPerClock = 2)
{
    /// <summary>Command-clock cycles one burst occupies the data bus (BL / 2 at double data rate).</summary>
    public int BurstCycles => Math.Max(1, BurstLength / TransfersPerClock);

    public int BanksPerRank => BankGroups * BanksPerGroup;
    public int BanksPerChannel => Ranks * BanksPerRank;
    public int BusWidthBits => DeviceWidth * Devices;
}

/// <summary>
/// JEDEC timing in clock cycles (JESD79-3/4, JESD209-4, JESD235 names without the leading 't').
/// CL = read latency (RL), CWL = write latency (WL); _S/_L = different/same bank group (equal for
/// standards without bank groups). RP is the per-bank precharge; RPab the all-bank one (LPDDR4;
/// equal to RP elsewhere). A per-bank refresh is absent when RFCpb or REFIpb is 0.
/// </summary>
public sealed record DramTiming(
    int TckPicoseconds, int CL, int CWL, int RCD, int RP, int RPab, int RAS, int RC, int RTP, int WR,
    int WTR_S, int WTR_L, int CCD_S, int CCD_L, int RRD_S, int RRD_L, int FAW,
    int RFC, int REFI, int RFCpb, int REFIpb, int RTRS)
{
    public double TckNs => TckPicoseconds / 1000.0;
}

/// <summary>
/// Clock cycles a command occupies the command bus (1 for DDR3/DDR4/HBM2; LPDDR4's two-part commands
/// take 2 or 4, as DRAMSys's MemSpecLPDDR4 has them).
/// </summary>
public sealed record CommandCycles(int Act, int Pre, int Rd, int Wr, int Ref)
{
    public static CommandCycles One { get; } = new(1, 1, 1, 1, 1);

    public int Of(DramCommand command) => command switch
    {
        DramCommand.ACT => Act,
        DramCommand.PRE or DramCommand.PREA => Pre,
        DramCommand.RD or DramCommand.RDA => Rd,
        DramCommand.WR or DramCommand.WRA => Wr,
        _ => Ref,
    };
}

/// <summary>One supply rail with its datasheet currents in mA (DRAMPower's IDD/IPP inputs); absent currents are 0.</summary>
public sealed record PowerRail(
    string Name, double Volts, double IDD0, double IDD2N, double IDD3N, double IDD4R, double IDD4W,
    double IDD5, double IDD5PB);
