namespace ArchGym.Environments.Core.Tasks;

/// <summary>One metric taking part in a reward: its position in the observation, direction and target or weight.</summary>
public readonly record struct ResolvedTerm(int Index, string Metric, Direction Direction, double Value)
{
    /// <summary>+1 when smaller is better, -1 when larger is better: multiplies "x - target" into an excess.</summary>
    public double Sign => Direction == Direction.Minimize ? 1 : -1;
}
