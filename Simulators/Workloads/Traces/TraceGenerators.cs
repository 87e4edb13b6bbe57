using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// Seeded synthetic traces, generated lazily on every pass (O(1) memory, re-readable, the same
/// sequence for the same arguments). <see cref="ArchGym"/> makes traces shaped like ArchGym's four
/// DRAMGym workloads (pass ArchGym's shipped files by path for the exact ones).
/// </summary>
public static class TraceGenerators
{
    public const int LineBytes = 64;
    public const ulong ArchGymSpanBytes = 1UL << 30;
    /// <summary>Requests per phase of ArchGym's cloud traces (each phase sequential or random).</summary>
    public const int ArchGymCloudBlock = 50;

    /// <summary>
    /// One of ArchGym's workloads by name: 10 000 reads of 64 B, one per cycle. <c>stream</c>: lines
    /// 0, 1, 2, ...; <c>random</c>: uniform lines in 1 GiB; <c>cloud-1</c>/<c>cloud-2</c>: blocks of 50
    /// requests, each block (after a sequential first block for cloud-1, a random one for cloud-2) the
    /// next 50 lines of the stream or of the random sequence with probability 1/2. With the same seed,
    /// cloud-2's random blocks continue <c>random</c>'s sequence, as in ArchGym's files.
    /// </summary>
    public static ITraceSource ArchGym(string name, int seed = 0, int count = 10_000) => name switch
    {
        "stream" => Stream(count, 1),
        "random" => Random(count, ArchGymSpanBytes, 1, seed),
        "cloud-1" => Cloud(name, count, ArchGymCloudBlock, sequentialFirst: true, alternate: false, seed),
        "cloud-2" => Cloud(name, count, ArchGymCloudBlock, sequentialFirst: false, alternate: false, seed),
        _ => throw new InvalidConfigException("workload", name, "stream, random, cloud-1, cloud-2"),
    };

    /// <summary>Sequential 64-byte lines from 0, one request every <paramref name="interval"/> cycles (0 = all at once).</summary>
    public static ITraceSource Stream(long count, int interval, bool write = false) =>
        new Generated($"stream-{count}", () => Sequence(count, interval, static i => (ulong)i * LineBytes, write));

    /// <summary>Uniform random 64-byte lines in [0, <paramref name="spanBytes"/>).</summary>
    public static ITraceSource Random(long count, ulong spanBytes, int interval, int seed) =>
        new Generated($"random-{count}-s{seed}", () => Mixed(count, spanBytes, 0, interval, seed));

    /// <summary>Random lines in [0, <paramref name="spanBytes"/>), each a write with probability <paramref name="writeFraction"/>.</summary>
    public static ITraceSource MixedReadWrite(long count, ulong spanBytes, double writeFraction, int interval, int seed) =>
        new Generated($"mixed-{writeFraction:0.##}-s{seed}", () => Mixed(count, spanBytes, writeFraction, interval, seed));

    /// <summary>
    /// Phases of <paramref name="block"/> requests, one per cycle, alternating sequential and random
    /// (<paramref name="alternate"/>) or drawn sequential/random with probability 1/2 after the first.
    /// The sequential phases continue one stream of lines, the random phases one random sequence.
    /// </summary>
    public static ITraceSource Cloud(string name, long count, int block, bool sequentialFirst, bool alternate, int seed) =>
        block > 0 ? new Generated(name, () => CloudSequence(count, block, sequentialFirst, alternate, seed))
            : throw new InvalidConfigException("block", block, "a positive number of requests");

    /// <summary>
    /// Round-robin over <paramref name="streams"/> sequential streams <paramref name="rowStrideBytes"/>
    /// apart (with the reference layout 1 &lt;&lt; 17 puts them in different rows of bank 0): FIFO
    /// conflicts on every access, FR-FCFS batches the row hits. The seed moves all streams by a random
    /// multiple of streams x stride (0 keeps them at 0, the reference trace).
    /// </summary>
    public static ITraceSource StridedRowConflict(long count, int streams, ulong rowStrideBytes, int interval, int seed = 0)
    {
        ulong b = seed == 0 ? 0 : (ulong)new System.Random(seed).Next(64) * (ulong)streams * rowStrideBytes;
        return new Generated($"row-conflict-{streams}-s{seed}", () => Sequence(count, interval,
            i => b + (ulong)(i % streams) * rowStrideBytes + (ulong)(i / streams) * LineBytes, false));
    }

    /// <summary>
    /// Lines rotating over <paramref name="banks"/> banks whose field starts at bit <paramref name="bankShift"/>:
    /// request i goes to bank i mod banks, all in one row for a long stretch (bank-level parallelism).
    /// The seed picks a random starting row (0 = row 0).
    /// </summary>
    public static ITraceSource BankParallel(long count, int banks, int bankShift, int interval, int seed = 0)
    {
        ulong b = seed == 0 ? 0 : (ulong)new System.Random(seed).Next(1024) << (bankShift + 8);
        return new Generated($"bank-parallel-{banks}-s{seed}", () => Sequence(count, interval,
            i => b + ((ulong)(i % banks) << bankShift) + (ulong)(i / banks) * LineBytes, false));
    }

    private static IEnumerable<TraceRequest> Sequence(long count, int interval, Func<long, ulong> address, bool write)
    {
        for (long i = 0; i < count; i++)
            yield return new TraceRequest(i * interval, address(i), write);
    }

    private static IEnumerable<TraceRequest> Mixed(long count, ulong span, double writeFraction, int interval, int seed)
    {
        var rng = new System.Random(seed);
        long lines = (long)(span / LineBytes);
        for (long i = 0; i < count; i++)
        {
            var address = (ulong)rng.NextInt64(lines) * LineBytes;
            bool write = writeFraction > 0 && rng.NextDouble() < writeFraction;
            yield return new TraceRequest(i * interval, address, write);
        }
    }

    private static IEnumerable<TraceRequest> CloudSequence(long count, int block, bool sequentialFirst, bool alternate, int seed)
    {
        var addresses = new System.Random(seed);            // the random phases: the same sequence as Random(seed)
        var phases = new System.Random(unchecked(seed * 31 + 17)); // the sequential/random choice per block
        long lines = (long)(ArchGymSpanBytes / LineBytes);
        ulong next = 0;
        bool sequential = sequentialFirst;
        for (long i = 0; i < count; i++)
        {
            if (i > 0 && i % block == 0) sequential = alternate ? !sequential : phases.Next(2) == 0;
            ulong address = sequential ? next++ * LineBytes : (ulong)addresses.NextInt64(lines) * LineBytes;
            yield return new TraceRequest(i, address, false);
        }
    }

    private sealed class Generated(string name, Func<IEnumerable<TraceRequest>> make) : ITraceSource
    {
        public string Name { get; } = name;
        public IEnumerable<TraceRequest> Read() => make();
    }
}
