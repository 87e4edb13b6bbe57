using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim.Baselines;
using ArchGym.Simulators.Pim.Devices;

namespace ArchGym.Simulators.Pim;

/// <summary>
/// A PIM system: a device from <see cref="PimDeviceCatalog"/> (its organisation gives the defaults of the
/// null arguments), how many channels and banks per channel, MAC lanes per bank, the per-channel input buffer,
/// the ASIC's clock and vector width, the mapping policy and the GPU used as baseline. Every field is validated
/// on construction and on <c>with</c>; fields that depend on the device are checked again by the simulator.
/// </summary>
public sealed record PimConfig
{
    public const int MaxChannels = 1024;

    public PimConfig(string Device = PimDeviceCatalog.Gddr6Aim, int? Channels = null, int? BanksPerChannel = null,
        int? MacLanesPerBank = null, int? GlobalBufferBytes = null, double AsicClockMhz = 1000, int AsicVectorWidth = 256,
        MappingPolicy Mapping = MappingPolicy.PimGpt, string Gpu = GpuCatalog.T4)
    {
        var device = PimDeviceCatalog.Get(Device);
        this.Device = device.Name;
        this.Channels = Channels ?? device.Organization.Channels;
        this.BanksPerChannel = BanksPerChannel ?? device.Organization.BanksPerChannel;
        this.MacLanesPerBank = MacLanesPerBank ?? device.Unit.MacLanes;
        this.GlobalBufferBytes = GlobalBufferBytes ?? device.Unit.InputBufferBytes;
        this.AsicClockMhz = AsicClockMhz;
        this.AsicVectorWidth = AsicVectorWidth;
        this.Mapping = Mapping;
        this.Gpu = Gpu;
        CheckAgainst(device);
    }

    /// <summary>Device name (canonical spelling after lookup): <c>GDDR6_AIM</c> or <c>HBM2_PIM</c>.</summary>
    public string Device { get; init => field = PimDeviceCatalog.Get(value).Name; }

    /// <summary>Channels (pseudo-channels for HBM), each with its own command bus and input buffer.</summary>
    public int Channels { get; init => field = InRange(nameof(Channels), value, 1, MaxChannels); }

    /// <summary>Banks per channel; a multiple of the device's bank groups (and of its banks per PIM unit).</summary>
    public int BanksPerChannel { get; init => field = InRange(nameof(BanksPerChannel), value, 1, 256); }

    /// <summary>MAC lanes per bank (per PIM unit); a power of two. More lanes than elements in a column buy nothing.</summary>
    public int MacLanesPerBank { get; init => field = PowerOfTwo(nameof(MacLanesPerBank), value, 1, 256); }

    /// <summary>Per-channel buffer that broadcasts the input vector (AiM global buffer / HBM-PIM GRF_A), bytes.</summary>
    public int GlobalBufferBytes { get; init => field = PowerOfTwo(nameof(GlobalBufferBytes), value, 32, 1 << 20); }

    /// <summary>ASIC clock (LayerNorm, softmax, GELU, residuals, partial sums), MHz.</summary>
    public double AsicClockMhz
    {
        get;
        init => field = value > 0 && value <= 10_000 && double.IsFinite(value) ? value
            : throw new InvalidConfigException(nameof(AsicClockMhz), value, "a clock in (0, 10000] MHz");
    }

    /// <summary>ASIC vector width: elements processed per cycle by each vector operation.</summary>
    public int AsicVectorWidth { get; init => field = InRange(nameof(AsicVectorWidth), value, 1, 65536); }

    public MappingPolicy Mapping
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new InvalidConfigException(nameof(Mapping), value, MappingPolicyNames.Allowed);
    }

    /// <summary>GPU of the roofline baseline (<see cref="GpuCatalog"/>).</summary>
    public string Gpu { get; init => field = GpuCatalog.Get(value).Name; }

    /// <summary>Checks the fields that depend on the device; the simulator calls it before every run.</summary>
    /// <exception cref="InvalidConfigException">banks not a multiple of the bank groups or of the banks per unit.</exception>
    public void CheckAgainst(PimDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        int groups = device.Organization.BankGroups, perUnit = device.Unit.BanksPerUnit;
        int step = groups * perUnit / Gcd(groups, perUnit);
        if (BanksPerChannel % step != 0)
            throw new InvalidConfigException(nameof(BanksPerChannel), BanksPerChannel,
                $"a positive multiple of {step} for {device.Name} ({groups} bank groups, {perUnit} bank(s) per PIM unit)");
        if (GlobalBufferBytes < device.ColumnBytes)
            throw new InvalidConfigException(nameof(GlobalBufferBytes), GlobalBufferBytes, $"at least one column ({device.ColumnBytes} bytes)");
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static int InRange(string field, int value, int min, int max) =>
        value >= min && value <= max ? value : throw new InvalidConfigException(field, value, $"a whole number in [{min}, {max}]");

    private static int PowerOfTwo(string field, int value, int min, int max) =>
        value >= min && value <= max && (value & (value - 1)) == 0 ? value
            : throw new InvalidConfigException(field, value, $"a power of two in [{min}, {max}]");
}
