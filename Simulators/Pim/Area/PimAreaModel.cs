using ArchGym.Simulators.Pim.Devices;

namespace ArchGym.Simulators.Pim.Area;

/// <summary>
/// Area of a configured PIM system from <see cref="PimAreaCosts"/>:
/// units = channels × banks per channel / banks per unit (AiM 1, HBM-PIM 2);
/// MAC lanes = units × lanes × A_lane × f_DRAM;
/// registers = units × accumulators × lanes × 16 bit × A_bit × f_DRAM (HBM-PIM's 8 GRF_B of 16 × FP16; AiM's one MAC register);
/// global buffers = channels × KB × A_SRAM/KB × f_DRAM;
/// ASIC = vector width × A_ASIC-lane (28 nm).
/// </summary>
public static class PimAreaModel
{
    private const int RegisterElementBits = 16;

    /// <exception cref="Common.InvalidConfigException">the config does not fit its device (banks not a multiple of the bank groups).</exception>
    public static PimArea Estimate(PimConfig config, PimAreaCosts? costs = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = costs ?? PimAreaCosts.Default;
        var device = PimDeviceCatalog.Get(config.Device);
        config.CheckAgainst(device);
        long units = (long)config.Channels * config.BanksPerChannel / device.Unit.BanksPerUnit;
        int lanes = config.MacLanesPerBank;
        double macs = units * lanes * c.MacLaneUm2At45nm * c.DramProcessFactor / 1e6;
        double registerBits = (double)units * device.Unit.AccumulatorsPerUnit * lanes * RegisterElementBits;
        double registers = registerBits * c.RegisterUm2PerBitAt45nm * c.DramProcessFactor / 1e6;
        double buffers = config.Channels * (config.GlobalBufferBytes / 1024.0) * c.SramMm2PerKbAt45nm * c.DramProcessFactor;
        double asic = config.AsicVectorWidth * c.AsicLaneMm2;
        return new PimArea(macs, registers, buffers, asic);
    }
}
