namespace ArchGym.Environments.Core.Spaces;

/// <summary>
/// A feasibility rule over a whole design point (e.g. "PEs fit the area budget"). A point that
/// breaks one is infeasible: environments report it as such, with <see cref="Description"/> as the reason.
/// </summary>
public sealed record Constraint(string Name, Func<DesignPoint, bool> IsSatisfied, string Description);
