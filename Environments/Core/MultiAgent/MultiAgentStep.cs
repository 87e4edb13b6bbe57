namespace ArchGym.Environments.Core.MultiAgent;

/// <summary>
/// PettingZoo's parallel step result: per agent observation, reward, termination, truncation and
/// info, plus the joint step it came from.
/// </summary>
public sealed record MultiAgentStep(
    IReadOnlyDictionary<string, Observation> Observations,
    IReadOnlyDictionary<string, double> Rewards,
    IReadOnlyDictionary<string, bool> Terminations,
    IReadOnlyDictionary<string, bool> Truncations,
    IReadOnlyDictionary<string, StepInfo> Infos,
    StepResult Joint);
