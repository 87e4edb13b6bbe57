using System.Text.Json.Serialization;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Dram.Standards;

/// <summary>The on-disk shape of a standard JSON file; <see cref="ToStandard"/> validates and maps it.</summary>
internal sealed record DramStandardFile(
    string? Name, string[]? Aliases, string? Source, string? Type,
    DramOrganization? Organization, TimingFile? Timing, CommandCyclesFile? CommandCycles, PowerFile? Power)
{
    public DramStandard ToStandard(string sourceName)
    {
        var org = Organization ?? throw Missing("organization", sourceName);
        var t = Timing ?? throw Missing("timing", sourceName);
        var rails = Power?.Rails ?? throw Missing("power.rails", sourceName);
        RequirePositive(sourceName, ("organization.channels", org.Channels), ("organization.ranks", org.Ranks),
            ("organization.bankGroups", org.BankGroups), ("organization.banksPerGroup", org.BanksPerGroup),
            ("organization.rows", org.Rows), ("organization.columns", org.Columns),
            ("organization.deviceWidth", org.DeviceWidth), ("organization.devices", org.Devices),
            ("organization.burstLength", org.BurstLength), ("timing.tCKps", t.TCKps), ("timing.CL", t.CL),
            ("timing.CWL", t.CWL), ("timing.RCD", t.RCD), ("timing.RP", t.RP), ("timing.RAS", t.RAS),
            ("timing.RC", t.RC), ("timing.CCD_S", t.CCD_S), ("timing.CCD_L", t.CCD_L), ("timing.RFC", t.RFC),
            ("timing.REFI", t.REFI), ("timing.RRD_S", t.RRD_S), ("timing.RRD_L", t.RRD_L), ("timing.FAW", t.FAW));
        if (org.Ranks * org.BankGroups * org.BanksPerGroup > 64)
            throw new InvalidConfigException("organization", $"{org.Ranks * org.BankGroups * org.BanksPerGroup} banks per channel", "at most 64 banks per channel", sourceName);
        if (org.BurstLength % 2 != 0) throw new InvalidConfigException("organization.burstLength", org.BurstLength, "an even burst length", sourceName);
        if (org.TransfersPerClock is not (2 or 4 or 8) || org.BurstLength % org.TransfersPerClock != 0)
            throw new InvalidConfigException("organization.transfersPerClock", org.TransfersPerClock, "2, 4 or 8, dividing the burst length", sourceName);
        var timing = new DramTiming(t.TCKps, t.CL, t.CWL, t.RCD, t.RP, t.RPab > 0 ? t.RPab : t.RP, t.RAS, t.RC, t.RTP, t.WR,
            t.WTR_S, t.WTR_L, t.CCD_S, t.CCD_L, t.RRD_S, t.RRD_L, t.FAW, t.RFC, t.REFI, t.RFCpb, t.REFIpb, t.RTRS);
        var c = CommandCycles;
        var cycles = c is null ? Standards.CommandCycles.One
            : new CommandCycles(AtLeastOne(c.ACT), AtLeastOne(c.PRE), AtLeastOne(c.RD), AtLeastOne(c.WR), AtLeastOne(c.REF));
        return new DramStandard(Name ?? throw Missing("name", sourceName), Aliases ?? [], Source ?? "",
            Type ?? "", org, timing, cycles, rails);
    }

    private static int AtLeastOne(int value) => Math.Max(1, value);

    private static InvalidConfigException Missing(string field, string source) =>
        new(field, null, "a value", source);

    private static void RequirePositive(string source, params (string Field, int Value)[] values)
    {
        foreach (var (field, value) in values)
            if (value <= 0)
                throw new InvalidConfigException(field, value, "a positive integer", source);
    }
}

internal sealed record TimingFile(
    [property: JsonPropertyName("tCKps")] int TCKps, int CL, int CWL, int RCD, int RP, int RPab, int RAS, int RC, int RTP,
    int WR, int WTR_S, int WTR_L, int CCD_S, int CCD_L, int RRD_S, int RRD_L, int FAW, int RFC, int REFI,
    int RFCpb, int REFIpb, int RTRS);

internal sealed record CommandCyclesFile(int ACT, int PRE, int RD, int WR, int REF);

internal sealed record PowerFile(PowerRail[]? Rails);
