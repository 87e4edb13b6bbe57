using System.Collections.Immutable;

namespace ArchGym.Simulators.Soc.Power;

/// <summary>
/// DS3's Odroid-XU3 thermal model (DTPM_power_models.predict_temperature): five hotspots updated every
/// <see cref="SamplingUs"/> (DS3 sampling_rate_temperature) as T' = A (T - T_amb) + B P + T_amb, with
/// P = [memory W, GPU W, one power per non-MEM cluster]. A cluster's B column is picked by its type: BIG, LTL,
/// anything else (accelerators, generic CPUs) does not heat. Leakage then uses the hottest hotspot.
/// </summary>
public sealed record ThermalModel(
    double SamplingUs,
    ImmutableArray<ImmutableArray<double>> A,
    ImmutableArray<double> BMemory,
    ImmutableArray<double> BGpu,
    ImmutableArray<double> BBig,
    ImmutableArray<double> BLittle)
{
    public int Hotspots => A.Length;

    /// <summary>DS3's coefficients (A_model, B_model_mem/gpu/big/little), updated every 20 us.</summary>
    public static ThermalModel OdroidXu3 { get; } = new(
        20,
        [
            [0.9928, 0.000566, 0.004281, 0.0003725, 1.34e-5],
            [0.006084, 0.9909, 0, 0.001016, 8.863e-5],
            [0, 0.0008608, 0.993, 0, 0.0008842],
            [0.006844, -0.0005119, 0, 0.9904, 0.0003392],
            [0.0007488, 0.003932, 8.654e-5, 0.002473, 0.9905],
        ],
        [0.07423, 0, 0.6708, 0, 0.01404],
        [6.898e-7, 0.001971, 2.108e-6, 0.01682, 0.03811],
        [0.0471, 0.01265, 0.113, 0.01646, 0.01476],
        [0.02399, 0, 0.02819, 0.007198, 0.03902]);

    /// <summary>The B column heating from a cluster of DS3 type <paramref name="type"/>, or empty when it does not heat.</summary>
    public ImmutableArray<double> ColumnFor(string type) => type switch
    {
        "BIG" => BBig,
        "LTL" => BLittle,
        _ => [],
    };
}
