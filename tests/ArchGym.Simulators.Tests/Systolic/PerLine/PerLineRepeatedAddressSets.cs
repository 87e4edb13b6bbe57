using ArchGym.Simulators.Systolic.Dataflows;
using ArchGym.Simulators.Systolic.Memory;

namespace ArchGym.Simulators.Tests.Systolic.PerLine;

/// <summary>
/// Test oracle: the original per-line model, kept verbatim to check the event-driven library path.
/// The USER-mode fetch order of an ifmap whose im2col repeats pixels (overlapping windows) or
/// skips them (-1 where SCALE-Sim's last window overhangs). Keeps each element's rank among the
/// valid entries (-1 entries do not count towards sets) and each pixel's sets, ascending, since
/// SCALE-Sim's active_buffer_hit succeeds if any set holding the pixel is in the window.
/// </summary>
internal sealed class PerLineRepeatedAddressSets
{
    private readonly Im2colAddresses addresses;
    private readonly IfmapAxes axes;
    private readonly long k;
    private readonly int[] rankOf;
    private readonly int[] start;
    private int[] setsOf = [];

    public PerLineRepeatedAddressSets(PerLinePrefetchOrder order, ReadStream stream, Im2colAddresses addresses, long matrixK)
    {
        this.addresses = addresses;
        axes = stream.Axes;
        k = matrixK;
        rankOf = new int[checked((int)stream.Elements)];
        start = new int[addresses.AddressSpace + 1];
        int rank = 0;
        order.ForEach((a, b) =>
        {
            int address = Address(a, b);
            rankOf[Index(a, b)] = address < 0 ? -1 : rank++;
            if (address >= 0) start[address + 1]++;
        });
        ValidEntries = rank;
        for (int i = 0; i < addresses.AddressSpace; i++) start[i + 1] += start[i];
    }

    /// <summary>Valid (non -1) entries of the fetch order.</summary>
    public long ValidEntries { get; }

    /// <summary>Fills each pixel's set list once the set size is known.</summary>
    public void AssignSets(PerLinePrefetchOrder order, long setSize)
    {
        setsOf = new int[start[^1]];
        var fill = (int[])start.Clone();
        order.ForEach((a, b) =>
        {
            int address = Address(a, b);
            if (address >= 0) setsOf[fill[address]++] = (int)(rankOf[Index(a, b)] / setSize);
        });
    }

    public int Address(long a, long b) => addresses.Address(axes, a, b);

    /// <summary>Rank of the element among valid fetch entries, or -1 if SCALE-Sim reads nothing there.</summary>
    public int RankOf(long a, long b) => rankOf[Index(a, b)];

    public bool AnyInWindow(int address, long windowStart, long activeSets, long sets)
    {
        for (int i = start[address]; i < start[address + 1]; i++)
            if ((setsOf[i] - windowStart + sets) % sets < activeSets) return true;
        return false;
    }

    private long Index(long a, long b) => axes == IfmapAxes.FixedIsM ? a * k + b : b * k + a;
}
