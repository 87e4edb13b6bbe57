using ArchGym.Environments.Core.Registry;

namespace ArchGym.Environments.Soc;

/// <summary>
/// How <c>soc-sched-v0</c> is set up: the scenario (SoC, job mix, rate, length, warm-up; options as in soc-v0), the
/// number of ready-task slots (the action count) and whether single-choice decisions are played automatically.
/// Defaults: the DASH SoC at 100 us mean inter-arrival (busy enough for the order to matter), 20 ms, no warm-up.
/// </summary>
public sealed record SocSchedulingSettings(SocScenario Scenario, int MaxReadyTasks = SocSchedulingSettings.DefaultMaxReadyTasks, bool AutoPlaySingleChoice = true)
{
    public const string MaxReadyOption = "max_ready_tasks";
    public const string AutoPlayOption = "auto_single_choice";
    public const int DefaultMaxReadyTasks = 32;

    public static SocScenario.Defaults RunDefaults { get; } = new(MeanInterArrivalUs: 100, SimulationLengthUs: 20_000, WarmupUs: 0);

    public static IReadOnlyList<OptionSpec> OptionSpecs() =>
    [
        .. SocScenario.OptionSpecs(RunDefaults),
        new(MaxReadyOption, $"{DefaultMaxReadyTasks}", "ready-task slots in the observation = actions; beyond them, later ready tasks wait unseen (1..1024)"),
        new(AutoPlayOption, "true", "decide alone when only one task is ready (no choice), so every step is a real decision"),
    ];

    public static SocSchedulingSettings FromOptions(EnvironmentOptions options) => new(
        SocScenario.FromOptions(options, RunDefaults),
        options.GetInt(MaxReadyOption, DefaultMaxReadyTasks, 1, 1024),
        options.GetBool(AutoPlayOption, true));
}
