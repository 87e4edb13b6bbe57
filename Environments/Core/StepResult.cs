namespace ArchGym.Environments.Core;

/// <summary>
/// Gymnasium's step tuple. <see cref="Terminated"/>: the episode reached a terminal state of the
/// task (e.g. the target was met). <see cref="Truncated"/>: it was cut short from outside (e.g. a
/// time limit). Both false means the episode may go on.
/// </summary>
public sealed record StepResult(Observation Observation, double Reward, bool Terminated, bool Truncated, StepInfo Info);
