using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Devices;

namespace ArchGym.Simulators.Pim.Energy;

/// <summary>
/// Energy from command counts (DRAMPower-style: energy per command plus background power x time). An all-bank
/// command on a lead bank drives every bank it broadcasts to (AiM: all banks; HBM-PIM: the even or the odd half):
/// an ACT activates that many rows (a normal-mode one, of a KV write or a plain read, one row), a MAC moves one column per unit and does ElementsPerColumn MACs per unit.
/// </summary>
internal sealed class EnergyModel(PimGeometry geometry)
{
    private readonly PimEnergySpec _e = geometry.Device.Energy;
    private readonly int _banksPerCommand = geometry.BanksPerChannel / geometry.Device.Unit.BanksPerUnit;
    private readonly double _bitsPerBurst = geometry.Device.ColumnBytes * 8.0;

    /// <summary>Energy of PIM commands summed over all channels (<paramref name="counts"/> already multiplied by channels).</summary>
    public EnergyBreakdown Commands(in KernelTiming counts)
    {
        long rowNonMac = Math.Max(0, counts.RowColumns - counts.MacCommands);
        long allBank = counts.Activations - counts.SingleBankActivations;
        double core = (allBank * (double)_banksPerCommand + counts.SingleBankActivations) * _e.ActivatePj
            + (counts.MacCommands * (double)geometry.UnitsPerChannel + rowNonMac) * _e.ColumnAccessPj;
        double mac = counts.MacCommands * (double)geometry.UnitsPerChannel * geometry.ElementsPerColumn * _e.MacPj;
        double io = counts.BusBursts * _bitsPerBurst * _e.IoPjPerBit;
        return new EnergyBreakdown(core * 1e-6, mac * 1e-6, 0, io * 1e-6);
    }

    /// <summary>Plain reads or writes of <paramref name="bursts"/> columns through the I/O (no PIM), all channels.</summary>
    public EnergyBreakdown Streaming(long bursts, long activations) => new(
        (activations * _e.ActivatePj + bursts * _e.ColumnAccessPj) * 1e-6, 0, 0, bursts * _bitsPerBurst * _e.IoPjPerBit * 1e-6);

    /// <summary>Refreshes (per channel, all channels refresh together) and background power over <paramref name="cycles"/>.</summary>
    public EnergyBreakdown Static(long refreshes, long cycles) => new(
        (refreshes * _e.RefreshPj * geometry.Channels
         + _e.BackgroundMwPerChannel * geometry.Channels * cycles * geometry.TckNs) * 1e-6, 0, 0, 0);

    /// <summary>ASIC operations.</summary>
    public static EnergyBreakdown Asic(long ops, double energyPerOpPj) => new(0, 0, ops * energyPerOpPj * 1e-6, 0);
}
