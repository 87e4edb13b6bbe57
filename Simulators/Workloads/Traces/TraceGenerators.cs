namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// Seeded synthetic traces. ArchGym's DRAMGym workloads (<see cref="ArchGym"/>): 10 000 reads of 64 B,
/// one per cycle; "stream" walks 64-byte lines, "random" draws 64-byte-aligned lines uniformly from
/// 1 GiB, "cloud-1"/"cloud-2" alternate 100-request sequential and random phases (cloud-1 starts
/// sequential, cloud-2 random). The generators are lazy and re-readable.
/// </summary>
public static class TraceGenerators
{
    public const int LineBytes = 64;
    public const ulong ArchGymSpanBytes = 1UL << 30;

    /// <summary>One of ArchGym's four workloads by name (stream, random, cloud-1, cloud-2).</summary>
    public static ITraceSource ArchGym(string name, int seed = 0, int count = 10_000) => name switch
    {
        "stream" => Stream(count, 1),
        "random" => Random(count, ArchGymSpanBytes, 1, seed),
        "cloud-1" => Cloud(name, count, 100, sequentialFirst: true, seed),
        "cloud-2" => Cloud(name, count, 100, sequentialFirst: false, seed),
        _ => throw new Common.InvalidConfigException("workload", name, "stream, random, cloud-1, cloud-2"),
    };

    /// <summary>Sequential 64-byte lines, one request every <paramref name="interval"/> cycles (0 = all at once).</summary>
    public static ITraceSource Stream(int count, int interval, bool write = false) =>
        new Generated($"stream-{count}", () => Seq(count, interval, i => (ulong)i * LineBytes, _ => write));

    /// <summary>Uniform random 64-byte lines in [0, span).</summary>
    public static ITraceSource Random(int count, ulong spanBytes, int interval, int seed) =>
        new Generated($"random-{count}-s{seed}", () => RandomSeq(count, spanBytes, interval, seed));

    /// <summary>Alternating sequential / random phases of <paramref name="phase"/> requests.</summary>
    public static ITraceSource Cloud(string name, int count, int phase, bool sequentialFirst, int seed) =>
        new Generated(name, () => CloudSeq(count, phase, sequentialFirst, seed));

    /// <summary>Round-robin over <paramref name="streams"/> sequential streams that share one bank but sit in
    /// different rows (<paramref name="rowStrideBytes"/> apart): FIFO conflicts on every access, FR-FCFS batches hits.</summary>
    public static ITraceSource StridedRowConflict(int count, int streams, ulong rowStrideBytes, int interval) =>
        new Generated($"row-conflict-{streams}", () => Seq(count, interval,
            i => (ulong)(i % streams) * rowStrideBytes + (ulong)(i / streams) * LineBytes, _ => false));

    /// <summary>Random lines with a fraction <paramref name="writeFraction"/> of writes.</summary>
    public static ITraceSource MixedReadWrite(int count, ulong spanBytes, double writeFraction, int interval, int seed) =>
        new Generated($"mixed-{writeFraction:0.##}-s{seed}", () => Mixed(count, spanBytes, writeFraction, interval, seed));

    /// <summary>Sequential lines that rotate across banks every line: address i lands in bank i mod banks
    /// given the bank field starts at <paramref name="bankShift"/> (row stays the same for a long stretch).</summary>
    public static ITraceSource BankParallel(int count, int banks, int bankShift, int interval) =>
        new Generated($"bank-parallel-{banks}", () => Seq(count, interval,
            i => ((ulong)(i % banks) << bankShift) + (ulong)(i / banks) * LineBytes, _ => false));

    private static IEnumerable<TraceRequest> Seq(int count, int interval, Func<int, ulong> address, Func<int, bool> write)
    {
        for (int i = 0; i < count; i++)
            yield return new TraceRequest((long)i * interval, address(i), write(i));
    }

    private static IEnumerable<TraceRequest> RandomSeq(int count, ulong span, int interval, int seed)
    {
        var rng = new System.Random(seed);
        ulong lines = span / LineBytes;
        for (int i = 0; i < count; i++)
            yield return new TraceRequest((long)i * interval, (ulong)rng.NextInt64((long)lines) * LineBytes, false);
    }

    private static IEnumerable<TraceRequest> Mixed(int count, ulong span, double writeFraction, int interval, int seed)
    {
        var rng = new System.Random(seed);
        ulong lines = span / LineBytes;
        for (int i = 0; i < count; i++)
        {
            var address = (ulong)rng.NextInt64((long)lines) * LineBytes;
            yield return new TraceRequest((long)i * interval, address, rng.NextDouble() < writeFraction);
        }
    }

    private static IEnumerable<TraceRequest> CloudSeq(int count, int phase, bool sequentialFirst, int seed)
    {
        var rng = new System.Random(seed);
        ulong lines = ArchGymSpanBytes / LineBytes, next = 0;
        for (int i = 0; i < count; i++)
        {
            bool sequential = (i / phase % 2 == 0) == sequentialFirst;
            ulong address = sequential ? next++ * LineBytes : (ulong)rng.NextInt64((long)lines) * LineBytes;
            yield return new TraceRequest(i, address, false);
        }
    }

    private sealed class Generated(string name, Func<IEnumerable<TraceRequest>> make) : ITraceSource
    {
        public string Name { get; } = name;
        public IEnumerable<TraceRequest> Read() => make();
    }
}
