namespace ArchGym.Simulators.Systolic;

/// <summary>A network run: one <see cref="LayerReport"/> per layer, layers run back to back.</summary>
public sealed record SystolicReport(SystolicConfig Config, string Workload, IReadOnlyList<LayerReport> Layers)
{
    public long TotalCycles => Sum(l => l.TotalCycles);
    public long ComputeCycles => Sum(l => l.ComputeCycles);
    public long StallCycles => Sum(l => l.StallCycles);
    public long Macs => Sum(l => l.Macs);
    public long DramWords => Sum(l => l.TotalDramWords);
    public long SramAccesses => Sum(l => l.IfmapSramReads + l.FilterSramReads + l.OfmapSramWrites);

    public double EnergyPj
    {
        get
        {
            double total = 0;
            foreach (var layer in Layers) total += layer.EnergyPj;
            return total;
        }
    }

    public double EnergyUj => EnergyPj / 1e6;

    /// <summary>The accelerator's area (the same for every layer).</summary>
    public double AreaMm2 => Layers.Count > 0 ? Layers[0].AreaMm2 : Area.AreaModel.TotalMm2(Config);

    /// <summary>MAC-weighted utilisation over the network: 100 * MACs / (sum of total cycles * PEs).</summary>
    public double OverallUtilPct => TotalCycles == 0 ? 0 : 100.0 * Macs / ((double)TotalCycles * Config.Pes);

    /// <summary>Energy-delay product in pJ * cycles, a common single objective.</summary>
    public double EnergyDelayProduct => EnergyPj * TotalCycles;

    private long Sum(Func<LayerReport, long> pick)
    {
        long total = 0;
        foreach (var layer in Layers) total += pick(layer);
        return total;
    }
}
