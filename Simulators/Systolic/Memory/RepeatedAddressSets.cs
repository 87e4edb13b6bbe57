using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// The USER-mode fetch order of an ifmap whose im2col repeats pixels (overlapping windows). Keeps each
/// pixel's sets, ascending, since SCALE-Sim's active_buffer_hit succeeds if any set holding the pixel
/// is in the window.
/// </summary>
internal sealed class RepeatedAddressSets
{
    private readonly Im2colAddresses addresses;
    private readonly IfmapAxes axes;
    private readonly int[] start;
    private readonly int[] setsOf;

    public RepeatedAddressSets(PrefetchOrder order, ReadStream stream, Im2colAddresses addresses, long setSize)
    {
        this.addresses = addresses;
        axes = stream.Axes;
        start = new int[addresses.AddressSpace + 1];
        order.ForEach((a, b) => start[Address(a, b) + 1]++);
        for (int i = 0; i < addresses.AddressSpace; i++) start[i + 1] += start[i];
        setsOf = new int[start[^1]];
        var fill = (int[])start.Clone();
        long rank = 0;
        order.ForEach((a, b) => setsOf[fill[Address(a, b)]++] = (int)(rank++ / setSize));
    }

    public int Address(long a, long b) => addresses.Address(axes, a, b);

    public bool AnyInWindow(int address, SetWindow window)
    {
        for (int i = start[address]; i < start[address + 1]; i++)
            if (window.Offset(setsOf[i]) < window.Active) return true;
        return false;
    }
}
