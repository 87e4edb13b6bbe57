namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>
/// The USER-mode read buffer's active window (read_buffer.py, README §6b): the fetch order is cut into
/// sets of <see cref="SetSize"/> ranks; the window holds <see cref="Active"/> consecutive sets taken
/// circularly from <see cref="Start"/>, and each prefetch slides it by the prefetch size in sets.
/// </summary>
internal sealed class SetWindow(long setSize, long sets, long activeSets, long slideSets)
{
    /// <summary>No rank beyond this one leaves the window (used by the searches as "none").</summary>
    public const long Unbounded = long.MaxValue;

    public long SetSize { get; } = setSize;
    public long Sets { get; } = sets;
    public long Active { get; } = activeSets;
    public long Start { get; private set; }

    /// <summary>Position of a set in the circular window (held when below <see cref="Active"/>).</summary>
    public long Offset(long set)
    {
        long x = set - Start + Sets;   // in [0, Sets) for every set of the order: skip the division
        return (ulong)x < (ulong)Sets ? x : x % Sets;
    }

    public bool HoldsRank(long rank) => Offset(rank / SetSize) < Active;

    /// <summary>Whether every rank of [first, last] is held (the sets in between are consecutive).</summary>
    public bool Holds(long first, long last)
    {
        long set = first / SetSize;
        return Offset(set) + (last / SetSize - set) < Active;
    }

    /// <summary>From a held rank upwards: the first rank not held, or <see cref="Unbounded"/>.</summary>
    public long FirstRankAbove(long heldRank)
    {
        long set = heldRank / SetSize;
        long exit = set + Active - Offset(set);
        return exit >= Sets ? Unbounded : exit * SetSize;
    }

    /// <summary>From a held rank downwards: ranks below the returned one are not held (0: all are).</summary>
    public long LowestHeldRank(long heldRank)
    {
        long set = heldRank / SetSize;
        long bottom = set - Offset(set);
        return bottom <= 0 ? 0 : bottom * SetSize;
    }

    /// <summary>
    /// Slides until the window holds <paramref name="set"/>: each slide lowers its offset by the slide
    /// size, which is at most <see cref="Active"/>, so the first offset below Active is reached without wrapping.
    /// </summary>
    public long SlidesToHold(long set)
    {
        long offset = Offset(set);
        return offset < Active ? 0 : (offset - Active + slideSets) / slideSets;
    }

    public void Slide(long slides) => Start = (Start + slides % Sets * slideSets) % Sets;
}
