using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Dram.Power;

/// <summary>Energy split as DRAMPower reports it, in picojoules.</summary>
public sealed record EnergyBreakdown(
    double ActivatePicojoules, double PrechargePicojoules, double ReadPicojoules, double WritePicojoules,
    double RefreshPicojoules, double BackgroundPicojoules)
{
    public double TotalPicojoules => ActivatePicojoules + PrechargePicojoules + ReadPicojoules + WritePicojoules
        + RefreshPicojoules + BackgroundPicojoules;

    public static EnergyBreakdown operator +(EnergyBreakdown a, EnergyBreakdown b) => new(
        a.ActivatePicojoules + b.ActivatePicojoules, a.PrechargePicojoules + b.PrechargePicojoules,
        a.ReadPicojoules + b.ReadPicojoules, a.WritePicojoules + b.WritePicojoules,
        a.RefreshPicojoules + b.RefreshPicojoules, a.BackgroundPicojoules + b.BackgroundPicojoules);
}

/// <summary>
/// DRAMPower's current-based energy model (Chandrasekar et al., DRAMPower; Micron TN-41-01), per rail and
/// multiplied by the devices of a rank; mA x V x ns = pJ:
/// ACT  = (IDD0 - IDD3N) * tRAS,            PRE = (IDD0 - IDD2N) * (tRC - tRAS)   per event;
/// RD   = (IDD4R - IDD3N) * BL/2 cycles,     WR  = (IDD4W - IDD3N) * BL/2 cycles;
/// REF  = (IDD5 - IDD3N) * tRFC  (REFpb: IDD5PB, tRFCpb);
/// background = IDD3N * active-standby time + IDD2N * precharge-standby time.
/// </summary>
internal static class PowerModel
{
    public static EnergyBreakdown Energy(DramStandard s, CommandCounters c, long totalCycles, int ranks)
    {
        var t = s.Timing;
        double tck = t.TckNs, burst = s.Organization.BurstCycles;
        long active = Math.Min(c.ActiveCycles + c.RefreshCycles, totalCycles * ranks);
        long precharged = totalCycles * ranks - active;
        double act = 0, pre = 0, rd = 0, wr = 0, refresh = 0, background = 0;
        foreach (var r in s.Rails)
        {
            double v = r.Volts;
            act += c.Act * (r.IDD0 - r.IDD3N) * t.RAS * tck * v;
            pre += c.PrechargeEvents * (r.IDD0 - r.IDD2N) * (t.RC - t.RAS) * tck * v;
            rd += c.Rd * (r.IDD4R - r.IDD3N) * burst * tck * v;
            wr += c.Wr * (r.IDD4W - r.IDD3N) * burst * tck * v;
            refresh += c.RefAb * (r.IDD5 - r.IDD3N) * t.RFC * tck * v + c.RefPb * (r.IDD5PB - r.IDD3N) * t.RFCpb * tck * v;
            background += (r.IDD3N * active + r.IDD2N * precharged) * tck * v;
        }
        double n = s.Organization.Devices;
        return new EnergyBreakdown(act * n, pre * n, rd * n, wr * n, refresh * n, background * n);
    }
}
