using ArchGym.Simulators.Dram.Standards;
using ArchGym.Simulators.Pim.Devices;

namespace ArchGym.Simulators.Pim;

/// <summary>
/// The shape of a configured PIM system in the units the mapping and the kernels work in: channels, PIM units,
/// elements per column and per row, the input buffer, and the channel's DRAM standard (the device's timing with
/// the configured banks per channel). Elements are 2 bytes (BF16/FP16).
/// </summary>
public sealed record PimGeometry
{
    public const int ElementBytes = 2;

    public PimGeometry(PimConfig config, PimDevice device)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(device);
        config.CheckAgainst(device);
        Device = device;
        Channels = config.Channels;
        BanksPerChannel = config.BanksPerChannel;
        UnitsPerChannel = config.BanksPerChannel / device.Unit.BanksPerUnit;
        ElementsPerColumn = device.ColumnBytes / ElementBytes;
        ColumnsPerRow = device.RowBytes / device.ColumnBytes;
        BufferElements = config.GlobalBufferBytes / ElementBytes;
        Accumulators = device.Unit.AccumulatorsPerUnit;
        RowsPerBank = device.Organization.Rows;
        var org = device.Organization;
        Channel = device.Dram with
        {
            Organization = org with { Channels = 1, Ranks = 1, BanksPerGroup = config.BanksPerChannel / org.BankGroups },
        };
        // A column holds ElementsPerColumn elements; fewer lanes need that many more MAC cycles per column
        // (more lanes than elements buy nothing: the MAC is fed one column at a time).
        int perColumn = (ElementsPerColumn + config.MacLanesPerBank - 1) / config.MacLanesPerBank;
        int baseInterval = device.Unit.MacIntervalPs;
        MacIntervalPs = perColumn <= 1 ? baseInterval
            : (baseInterval > 0 ? baseInterval : device.Timing.CCD_L * device.Timing.TckPicoseconds) * perColumn;
    }

    public PimDevice Device { get; }
    public int Channels { get; }
    public int BanksPerChannel { get; }
    public int UnitsPerChannel { get; }
    public int TotalUnits => Channels * UnitsPerChannel;
    public int ElementsPerColumn { get; }
    public int ColumnsPerRow { get; }
    public int ElementsPerRow => ColumnsPerRow * ElementsPerColumn;
    public int BufferElements { get; }
    public int Accumulators { get; }
    public int RowsPerBank { get; }

    /// <summary>Least time between all-bank MACs in ps (0 = column-read timing), after the lane count.</summary>
    public int MacIntervalPs { get; }

    /// <summary>One channel's DRAM standard with the configured bank count.</summary>
    public DramStandard Channel { get; }

    public PimKernelStyle Style => Device.Unit.Style;
    public double TckNs => Device.Timing.TckNs;
}
