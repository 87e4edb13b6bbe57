using ArchGym.Simulators.Workloads.Traces;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// ArchGym's four DRAMGym traces exactly as ArchGym ships them, from ../shared/reference/dram/archgym-traces
/// (the library generates traces of the same shape with <see cref="TraceGenerators.ArchGym"/>; users pass the
/// real files by path).
/// </summary>
internal static class ArchGymTraceFiles
{
    public static IReadOnlyList<string> Names { get; } = ["stream", "random", "cloud-1", "cloud-2"];

    public static ITraceSource Get(string name) => new TraceFile(DramReference.PathOf("archgym-traces", name + ".stl.gz"));
}
