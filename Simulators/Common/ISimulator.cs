namespace ArchGym.Simulators.Common;

/// <summary>
/// The simulator seam: a pure function of an immutable configuration and a workload. The same
/// inputs give the same report, always; bad configurations throw <see cref="InvalidConfigException"/>.
/// Implementations must be safe to call from many threads at once (no mutable shared state).
/// </summary>
public interface ISimulator<in TConfig, in TWorkload, out TReport>
{
    TReport Run(TConfig config, TWorkload workload);
}
