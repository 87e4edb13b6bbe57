using System.Globalization;
using ArchGym.Environments.Core.Spaces;
using ArchGym.Simulators.Soc;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Scheduling;

namespace ArchGym.Environments.Soc;

/// <summary>One PE-count knob of <c>soc-v0</c>: the parameter <c>a7_pes</c> sets the cores of the base cluster <c>A7</c>.</summary>
/// <param name="Parameter">Parameter name: the cluster name in lower case + <c>_pes</c>.</param>
/// <param name="Cluster">Base cluster name, as <see cref="SocPlatformBuilder.WithCores"/> takes it.</param>
/// <param name="BaseCount">The base SoC's cores of that cluster (the standard design).</param>
/// <param name="CoreAreaMm2">Area of one core from the area table.</param>
public sealed record SocKnob(string Parameter, string Cluster, int BaseCount, double CoreAreaMm2);

/// <summary>
/// The knobs of <c>soc-v0</c>: the number of PEs of each type of the base SoC (for the DASH SoC <c>a7_pes</c>,
/// <c>a15_pes</c>, <c>mm_pes</c>, <c>fft_pes</c>, <c>vit_pes</c>; 0 .. max per type) and the <c>scheduler</c> (every
/// built-in one: MET, ETF, EFT, STF, HEFT, HEFT_RT, random), under the constraint that the PEs' area fits the budget.
/// </summary>
public static class SocSpace
{
    public const string Scheduler = "scheduler";
    public const string AreaConstraint = "area_budget";

    /// <summary>Scheduler choices in the order of the categorical's indices (the simulator's names, without <c>policy</c>).</summary>
    public static IReadOnlyList<string> Schedulers { get; } =
        SchedulerFactory.Names.Where(n => SchedulerFactory.Parse(n) != SchedulerKind.Policy).ToArray();

    /// <summary>One knob per distinct compute cluster name of the base SoC, in file order.</summary>
    public static IReadOnlyList<SocKnob> Knobs(SocPlatform baseSoc, PeAreaTable area) =>
        baseSoc.Clusters.Where(c => !c.IsMemory).GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SocKnob(g.Key.ToLowerInvariant() + "_pes", g.Key, g.Sum(c => c.Capacity), area.CoreAreaMm2(g.First())))
            .ToArray();

    public static ParameterSpace Create(IReadOnlyList<SocKnob> knobs, int maxPesPerType, double areaBudgetMm2)
    {
        var parameters = new List<Parameter>();
        foreach (var k in knobs)
        {
            parameters.Add(new IntegerParameter(k.Parameter, 0, maxPesPerType,
                description: string.Create(CultureInfo.InvariantCulture, $"{k.Cluster} PEs ({k.CoreAreaMm2:0.###} mm2 each; {k.BaseCount} in the base SoC)")));
        }
        parameters.Add(new CategoricalParameter(Scheduler, Schedulers, "run-time scheduler (DS3 / DS3Gym names)"));
        var budget = new Constraint(AreaConstraint, p => AreaMm2(knobs, p) <= areaBudgetMm2 * (1 + 1e-12),
            string.Create(CultureInfo.InvariantCulture, $"PE area (sum of PEs x per-PE mm2 at 28 nm) at most {areaBudgetMm2:0.###} mm2"));
        return new ParameterSpace(parameters, [budget]);
    }

    /// <summary>PE area of a design point (mm2): equals <see cref="PeAreaTable.TotalMm2"/> of the platform it builds.</summary>
    public static double AreaMm2(IReadOnlyList<SocKnob> knobs, DesignPoint point)
    {
        var area = 0.0;
        foreach (var k in knobs) area += point.GetInt(k.Parameter) * k.CoreAreaMm2;
        return area;
    }

    /// <summary>PE counts of a design point by base cluster name.</summary>
    public static IReadOnlyDictionary<string, int> Counts(IReadOnlyList<SocKnob> knobs, DesignPoint point) =>
        knobs.ToDictionary(k => k.Cluster, k => point.GetInt(k.Parameter), StringComparer.OrdinalIgnoreCase);
}
