namespace ArchGym.Environments.Core;

/// <summary>Whether smaller or larger values of a metric are better.</summary>
public enum Direction
{
    Minimize,
    Maximize,
}

/// <summary>One observed quantity of an environment, with its unit in the name and explicitly.</summary>
public sealed record Metric(string Name, string Unit, Direction Direction, string? Description = null);
