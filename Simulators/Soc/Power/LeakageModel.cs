namespace ArchGym.Simulators.Soc.Power;

/// <summary>
/// DS3's static power per core (DTPM_power_models.compute_static_power_dissipation, Odroid-XU3 fit):
/// cluster leakage V*C1*T^2*exp(-C2/T) + Igate*V (T in K, the hottest hotspot), divided by 4 for a LITTLE (LTL)
/// cluster (area ratio) and by 4 again per core ("max 4 cores per cluster"). Clusters whose type equals
/// <see cref="ExemptType"/> exactly draw none: DS3 compares with "ACC", so the DASH SoC's ACC_1..ACC_3
/// accelerators do leak.
/// </summary>
public sealed record LeakageModel(double C1, double C2, double Igate, double AmbientCelsius, string ExemptType = "ACC")
{
    /// <summary>DS3 [POWER MANAGEMENT] defaults: C1 0.002488, C2 2660, Igate 0.000519, T_ambient 42 C.</summary>
    public static LeakageModel OdroidXu3 { get; } = new(0.002488, 2660, 0.000519, 42);

    /// <summary>The voltage-independent factor C1*T^2*exp(-C2/T) + Igate at <paramref name="celsius"/>.</summary>
    public double FactorAt(double celsius)
    {
        var t = 273 + celsius;
        return C1 * t * t * Math.Exp(-C2 / t) + Igate;
    }
}
