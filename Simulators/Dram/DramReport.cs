using ArchGym.Simulators.Dram.Power;

namespace ArchGym.Simulators.Dram;

/// <summary>
/// Result of one DRAM simulation; times in DRAM clock cycles of the standard and in ns. The simulated
/// time ends with the last response or the end of the last command (an auto-precharge, a refresh),
/// whichever is later (DRAMSys's last phase end).
/// </summary>
public sealed record DramReport
{
    public required string Standard { get; init; }
    public required double TckNs { get; init; }
    public required long SimulatedCycles { get; init; }
    public double SimulatedTimeNs => SimulatedCycles * TckNs;
    public required long Requests { get; init; }
    public required long ReadRequests { get; init; }
    public required long WriteRequests { get; init; }
    /// <summary>Mean read latency from REQ.begin at the controller to BEGIN_RESP (DRAMSys's definition).</summary>
    public required double AverageReadLatencyCycles { get; init; }
    public double AverageReadLatencyNs => AverageReadLatencyCycles * TckNs;
    /// <summary>Median read latency (nearest rank), cycles.</summary>
    public required double P50ReadLatencyCycles { get; init; }
    /// <summary>99th-percentile read latency (nearest rank), cycles.</summary>
    public required double P99ReadLatencyCycles { get; init; }
    public double P50ReadLatencyNs => P50ReadLatencyCycles * TckNs;
    public double P99ReadLatencyNs => P99ReadLatencyCycles * TckNs;
    /// <summary>Requests x burst bytes / simulated time (bytes per ns = GB/s).</summary>
    public required double BandwidthGBps { get; init; }
    /// <summary>1 - (column commands whose request needed an ACT) / column commands (DRAMSys's definition).</summary>
    public required double RowBufferHitRate { get; init; }
    /// <summary>ACT commands.</summary>
    public required long Activates { get; init; }
    /// <summary>PRE plus PREA commands (auto-precharge of RDA/WRA not included).</summary>
    public required long Precharges { get; init; }
    /// <summary>RD plus RDA commands.</summary>
    public required long ReadCommands { get; init; }
    /// <summary>WR plus WRA commands.</summary>
    public required long WriteCommands { get; init; }
    /// <summary>REFAB plus REFPB commands.</summary>
    public required long Refreshes { get; init; }
    public required EnergyBreakdown Energy { get; init; }
    public double TotalEnergyPicojoules => Energy.TotalPicojoules;
    /// <summary>Total energy / simulated time (pJ/ns = mW).</summary>
    public double AveragePowerMilliwatts => SimulatedCycles == 0 ? 0 : TotalEnergyPicojoules / SimulatedTimeNs;
    /// <summary>Every issued command, when <see cref="DramConfig.RecordCommands"/> was set (else empty).</summary>
    public required IReadOnlyList<IssuedCommand> Commands { get; init; }
}
