namespace ArchGym.Simulators.Dram.Standards;

/// <summary>
/// One DRAM device standard as data (loaded from an embedded JSON file under <c>Standards/</c>): the
/// organisation of a channel, the JEDEC timing parameters in clock cycles and the IDD currents for
/// the DRAMPower energy model. A new standard is a new JSON file, not new code.
/// </summary>
public sealed record DramStandard(
    string Name,
    IReadOnlyList<string> Aliases,
    string Source,
    string Type,
    DramOrganization Organization,
    DramTiming Timing,
    IReadOnlyList<PowerRail> Rails)
{
    /// <summary>Bytes moved by one burst on the whole channel (bus width x burst length / 8).</summary>
    public int BytesPerBurst => Organization.BusWidthBits * Organization.BurstLength / 8;

    /// <summary>True when the standard defines per-bank refresh (tRFCpb and tREFIpb).</summary>
    public bool SupportsPerBankRefresh => Timing.RFCpb > 0 && Timing.REFIpb > 0;
}

/// <summary>Channel organisation; <see cref="Devices"/> x <see cref="DeviceWidth"/> is the data-bus width.</summary>
public sealed record DramOrganization(
    int Channels, int Ranks, int BankGroups, int BanksPerGroup, int Rows, int Columns,
    int DeviceWidth, int Devices, int BurstLength)
{
    public int BanksPerRank => BankGroups * BanksPerGroup;
    public int BanksPerChannel => Ranks * BanksPerRank;
    public int BusWidthBits => DeviceWidth * Devices;
}

/// <summary>
/// JEDEC timing in clock cycles (JESD79-3/4, JESD209-4, JESD235 names without the leading 't').
/// CL = read latency, CWL = write latency; _S/_L = different/same bank group (equal for standards
/// without bank groups). A per-bank refresh is absent when RFCpb or REFIpb is 0.
/// </summary>
public sealed record DramTiming(
    int TckPicoseconds, int CL, int CWL, int RCD, int RP, int RAS, int RC, int RTP, int WR,
    int WTR_S, int WTR_L, int CCD_S, int CCD_L, int RRD_S, int RRD_L, int FAW,
    int RFC, int REFI, int RFCpb, int REFIpb, int RTRS)
{
    public double TckNs => TckPicoseconds / 1000.0;
}

/// <summary>One supply rail with its datasheet currents in mA (DRAMPower's IDD/IPP inputs).</summary>
public sealed record PowerRail(
    string Name, double Volts, double IDD0, double IDD2N, double IDD3N, double IDD4R, double IDD4W,
    double IDD5, double IDD5PB);
