using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Soc.Scheduling;

/// <summary>Built-in schedulers by <see cref="SchedulerKind"/> or by DS3 / DS3Gym name; a fresh instance per run.</summary>
public static class SchedulerFactory
{
    /// <summary>Names as DS3 (config scheduler = ...) and DS3Gym spell them, in <see cref="SchedulerKind"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["MET", "ETF", "EFT", "STF", "HEFT", "HEFT_RT", "random", "policy"];

    public static IScheduler Create(SchedulerKind kind) => kind switch
    {
        SchedulerKind.Met => new MetScheduler(),
        SchedulerKind.Etf => new EtfScheduler(),
        SchedulerKind.Eft => new EftScheduler(),
        SchedulerKind.Stf => new StfScheduler(),
        SchedulerKind.Heft => new HeftScheduler(),
        SchedulerKind.HeftRt => new HeftRtScheduler(),
        SchedulerKind.Random => new RandomScheduler(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the Policy scheduler is driven through SocSimulation.Decide"),
    };

    /// <summary>Parses a scheduler name (case-insensitive; HEFT_RT also as HEFTRT or HeftRt).</summary>
    public static SchedulerKind Parse(string name)
    {
        var key = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        for (var i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i].Replace("_", "", StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase))
                return (SchedulerKind)i;
        throw new InvalidConfigException("scheduler", name, string.Join(", ", Names));
    }
}
