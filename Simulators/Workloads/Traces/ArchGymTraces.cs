namespace ArchGym.Simulators.Workloads.Traces;

/// <summary>
/// ArchGym's four DRAMGym workloads exactly as ArchGym ships them (oss-arch-gym
/// <c>sims/DRAM/DRAMSys/library/resources/traces/</c>, embedded as <c>ArchGym/*.stl.gz</c>): 10 000
/// 64-byte reads, one per DRAM cycle. <c>stream</c> walks lines from 0; <c>random</c> draws lines
/// uniformly from 1 GiB; <c>cloud-1</c>/<c>cloud-2</c> are 200 blocks of 50 requests, each block
/// either the next 50 lines of the stream or the next 50 lines of the random sequence (cloud-1
/// starts sequential, cloud-2 random). <see cref="TraceGenerators.ArchGym"/> makes seeded traces of
/// the same shape.
/// </summary>
public static class ArchGymTraces
{
    public static IReadOnlyList<string> Names { get; } = ["stream", "random", "cloud-1", "cloud-2"];

    /// <summary>The shipped trace <paramref name="name"/>.</summary>
    /// <exception cref="Common.InvalidConfigException">not one of <see cref="Names"/>.</exception>
    public static ITraceSource Get(string name) =>
        Names.Contains(name) ? new TraceStream(name, () => Open(name), TraceFormat.DramSys)
            : throw new Common.InvalidConfigException("workload", name, string.Join(", ", Names));

    private static Stream Open(string name)
    {
        var resource = $"ArchGym.Simulators.Workloads.Traces.ArchGym.{name}.stl.gz";
        return typeof(ArchGymTraces).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded trace {resource} is missing");
    }
}
