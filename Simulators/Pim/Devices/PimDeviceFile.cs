using System.Text.Json.Serialization;
using ArchGym.Simulators.Common;
using ArchGym.Simulators.Dram.Standards;

namespace ArchGym.Simulators.Pim.Devices;

/// <summary>
/// On-disk shape of a device file: a DRAM standard object (the DRAM simulator's format, parsed by the same
/// code) plus <c>pim</c> and <c>energy</c> sections. <see cref="ToDevice"/> validates and maps it.
/// </summary>
internal sealed record PimDeviceFile(string? Name, string[]? Aliases, string? Source, DramStandardFile? Dram,
    PimUnitFile? Pim, PimEnergySpec? Energy)
{
    public PimDevice ToDevice(string sourceName)
    {
        var dram = (Dram ?? throw Missing("dram", sourceName)).ToStandard(sourceName);
        var pim = Pim ?? throw Missing("pim", sourceName);
        var energy = Energy ?? throw Missing("energy", sourceName);
        if (!Enum.TryParse<PimKernelStyle>(pim.Style, ignoreCase: true, out var style))
            throw new InvalidConfigException("pim.style", pim.Style, "GlobalBuffer | RegisterFile", sourceName);
        Positive(sourceName, ("pim.banksPerUnit", pim.BanksPerUnit), ("pim.macLanes", pim.MacLanes),
            ("pim.accumulatorsPerUnit", pim.AccumulatorsPerUnit), ("pim.inputBufferBytes", pim.InputBufferBytes));
        if (pim.RegisterReadLatency < 0 || pim.RegisterWriteLatency < 0)
            throw new InvalidConfigException("pim.registerReadLatency", pim.RegisterReadLatency, "register latencies >= 0", sourceName);
        if (pim.MacIntervalPs < 0)
            throw new InvalidConfigException("pim.macIntervalPs", pim.MacIntervalPs, "0 (column timing) or a positive time in ps", sourceName);
        if (dram.Organization.BanksPerChannel % pim.BanksPerUnit != 0)
            throw new InvalidConfigException("pim.banksPerUnit", pim.BanksPerUnit, $"a divisor of {dram.Organization.BanksPerChannel} banks", sourceName);
        var unit = new PimUnitSpec(style, pim.BanksPerUnit, pim.MacLanes, pim.NumberFormat ?? "BF16", pim.MacIntervalPs,
            pim.AccumulatorsPerUnit, pim.InputBufferBytes, pim.MacClockMhz, pim.RegisterReadLatency, pim.RegisterWriteLatency);
        return new PimDevice(Name ?? throw Missing("name", sourceName), Aliases ?? [], Source ?? "", dram, unit, energy);
    }

    private static InvalidConfigException Missing(string field, string source) => new(field, null, "a value", source);

    private static void Positive(string source, params (string Field, int Value)[] values)
    {
        foreach (var (field, value) in values)
            if (value <= 0) throw new InvalidConfigException(field, value, "a positive integer", source);
    }
}

internal sealed record PimUnitFile(string? Style, int BanksPerUnit, int MacLanes, string? NumberFormat,
    int MacIntervalPs, int AccumulatorsPerUnit, int InputBufferBytes, double MacClockMhz, int RegisterReadLatency,
    int RegisterWriteLatency);

/// <summary>Source-generated reader for device files.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(PimDeviceFile))]
internal sealed partial class PimDeviceJsonContext : JsonSerializerContext;
