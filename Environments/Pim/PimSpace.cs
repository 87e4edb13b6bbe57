using ArchGym.Environments.Core.Spaces;
using ArchGym.Simulators.Pim;
using ArchGym.Simulators.Pim.Devices;

namespace ArchGym.Environments.Pim;

/// <summary>
/// The knobs of <c>pim-v0</c>. Counts and sizes the hardware builds in binary steps are powers of two: channels 1..128,
/// banks per channel 4..64 (every value a multiple of the devices' 4 bank groups and of HBM-PIM's 2 banks per unit),
/// MAC lanes per bank 1..32 (a column holds 16 elements, so 32 lanes only add area), global buffer 128 B..16 KB,
/// ASIC vector width 16..1024; the ASIC clock is a short list of MHz; mapping policy and device are choices.
/// About 269 thousand design points; the simulator rejects the ones whose model does not fit (too few channels and banks).
/// </summary>
public static class PimSpace
{
    public const string Device = "device";
    public const string Channels = "channels";
    public const string BanksPerChannel = "banks_per_channel";
    public const string MacLanes = "mac_lanes";
    public const string GlobalBufferBytes = "global_buffer_bytes";
    public const string AsicClockMhz = "asic_clock_mhz";
    public const string AsicVectorWidth = "asic_vector_width";
    public const string Mapping = "mapping";

    /// <summary>Device choices, in the order of the categorical's indices.</summary>
    public static readonly IReadOnlyList<string> Devices = [PimDeviceCatalog.Gddr6Aim, PimDeviceCatalog.Hbm2Pim];

    /// <summary>Mapping choices in their text names, in the order of the categorical's indices.</summary>
    public static readonly IReadOnlyList<string> Mappings = [MappingPolicy.PimGpt.ToName(), MappingPolicy.RowMajor.ToName()];

    /// <summary>ASIC clocks, MHz: PIM-GPT's 1 GHz, its 10x-slower study point (100 MHz) and steps between and above.</summary>
    public static readonly IReadOnlyList<double> AsicClocksMhz = [100, 200, 500, 1000, 2000];

    public static ParameterSpace Create() => new(
    [
        new CategoricalParameter(Device, Devices, "GDDR6_AIM = PIM-GPT's GDDR6 with a MAC unit per bank; HBM2_PIM = Samsung HBM-PIM pseudo-channels"),
        OrdinalParameter.PowersOfTwo(Channels, 1, 128, "DRAM channels (HBM pseudo-channels), each with its own command bus and global buffer"),
        OrdinalParameter.PowersOfTwo(BanksPerChannel, 4, 64, "banks per channel (a multiple of the 4 bank groups)"),
        OrdinalParameter.PowersOfTwo(MacLanes, 1, 32, "BF16/FP16 MAC lanes per PIM unit (a 32-byte column holds 16 elements)"),
        OrdinalParameter.PowersOfTwo(GlobalBufferBytes, 128, 16384, "per-channel input buffer broadcast to the units, bytes (AiM global buffer / HBM-PIM GRF_A)"),
        new OrdinalParameter(AsicClockMhz, AsicClocksMhz, logScale: true, "ASIC clock, MHz (LayerNorm, softmax, GELU, residuals, partial sums)"),
        OrdinalParameter.PowersOfTwo(AsicVectorWidth, 16, 1024, "ASIC vector lanes (elements per cycle)"),
        new CategoricalParameter(Mapping, Mappings, "pim-gpt = PIM-GPT's concatenated-head, row-filling layout; row-major = the naive executeGemv layout"),
    ]);
}
