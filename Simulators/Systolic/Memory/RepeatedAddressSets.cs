using ArchGym.Simulators.Systolic.Dataflows;

namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// For im2col ifmaps whose windows overlap, a pixel sits in several fetch sets; SCALE-Sim's
/// active_buffer_hit succeeds if any of them is in the window. This keeps each pixel's sets
/// (ascending, compressed-row layout) for that check.
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
        order.ForEach((a, b) => start[addresses.Address(axes, a, b) + 1]++);
        for (int i = 0; i < addresses.AddressSpace; i++) start[i + 1] += start[i];
        setsOf = new int[start[^1]];
        var fill = (int[])start.Clone();
        long rank = 0;
        order.ForEach((a, b) => setsOf[fill[addresses.Address(axes, a, b)]++] = (int)(rank++ / setSize));
    }

    public int Address(long a, long b) => addresses.Address(axes, a, b);

    public bool AnyInWindow(int address, long windowStart, long activeSets, long sets)
    {
        for (int i = start[address]; i < start[address + 1]; i++)
            if ((setsOf[i] - windowStart + sets) % sets < activeSets) return true;
        return false;
    }
}
