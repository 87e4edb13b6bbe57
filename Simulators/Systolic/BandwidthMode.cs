namespace ArchGym.Simulators.Systolic;

/// <summary>
/// SCALE-Sim's InterfaceBandwidth: <see cref="Calc"/> estimates the DRAM bandwidth the layer needs
/// (reads never stall), <see cref="User"/> uses a fixed words/cycle and can stall the array.
/// </summary>
public enum BandwidthMode
{
    Calc,
    User,
}
