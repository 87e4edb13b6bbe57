using System.Collections.Frozen;
using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Soc.Platform;

/// <summary>
/// Silicon area per core, by base cluster name, for area-budgeted SoC design (soc-v0). The numbers are published
/// figures or scaled estimates at 28 nm (the DASH SoC's CPUs are the Odroid-XU3's Exynos 5422, 28 nm HKMG); replace
/// them with <c>with</c> or a new table for another technology. MEMORY costs nothing here (shared, not a design knob).
/// </summary>
public sealed record PeAreaTable(IReadOnlyDictionary<string, double> AreaMm2ByCluster)
{
    /// <summary>
    /// DASH SoC, 28 nm (mm² per core):
    /// A7 0.45 — ARM at the Cortex-A7 launch (2011): ~0.45 mm² per core in 28 nm ("less than 0.5 mm²").
    /// A15 3.46 — 0.45 / 0.13: Samsung (Exynos 5 Octa, 2013) put an A7 core at 13 % of an A15 core; its ISSCC 2013
    ///   paper likewise gives the quad-A15 cluster about 5x the quad-A7 cluster's area.
    /// FFT 0.048 — a 64-point FFT/IFFT core of 2.0 mm² in 0.18 um (Ding, Lee, Mortazavi, Rice VLSI report 2007)
    ///   scaled by (28/180)².
    /// VIT 0.03 — a K=7, rate-1/2 Viterbi decoder of 42 k gates (Kubota et al., IEEE JSSC 1993) at an assumed
    ///   0.5 um² per NAND2-equivalent gate and 70 % utilisation in 28 nm.
    /// MM 0.024 — a 4x4 array of 16-bit MACs with 8 kB SRAM from this repository's systolic area model (Horowitz,
    ///   ISSCC 2014 at 45 nm) scaled by (28/45)².
    /// </summary>
    public static PeAreaTable Dash28nm { get; } = new(new Dictionary<string, double>
    {
        ["A7"] = 0.45,
        ["A15"] = 0.45 / 0.13,
        ["FFT"] = 2.0 * (28.0 / 180) * (28.0 / 180),
        ["VIT"] = 42_000 * 0.5e-6 / 0.7,
        ["MM"] = (16 * (282 * 4 + 36 * 2 + 3 * 16 * 5) * 1e-6 + 8 * 0.346 * 8192 / 0.6 / 1e6) * (28.0 / 45) * (28.0 / 45),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));

    /// <summary>Area of one core of a cluster; clusters missing from the table are an error (MEMORY is 0).</summary>
    public double CoreAreaMm2(Cluster cluster)
    {
        if (cluster.IsMemory) return 0;
        return AreaMm2ByCluster.TryGetValue(cluster.Name, out var a) ? a
            : throw new InvalidConfigException("area of cluster", cluster.Name, "a cluster named in the area table: " + string.Join(", ", AreaMm2ByCluster.Keys));
    }

    /// <summary>Total core area of a platform (mm²).</summary>
    public double TotalMm2(SocPlatform soc) => soc.Clusters.Sum(c => c.Capacity * CoreAreaMm2(c));
}
