namespace ArchGym.Environments.Core.Spaces;

public sealed partial class ParameterSpace
{
    public IReadOnlyList<Constraint> Constraints => _constraints;

    /// <summary>The reason the point is infeasible (the first broken constraint), or null when it is feasible.</summary>
    public string? CheckFeasibility(DesignPoint point)
    {
        RequireOwn(point);
        foreach (var c in _constraints)
        {
            if (!c.IsSatisfied(point)) return $"constraint '{c.Name}' broken: {c.Description}";
        }

        return null;
    }

    public bool IsFeasible(DesignPoint point) => CheckFeasibility(point) is null;

    /// <summary>The same parameters with extra constraints (a new space: its points are not equal to this one's).</summary>
    public ParameterSpace WithConstraints(params Constraint[] constraints) => new(_parameters, _constraints.Concat(constraints));

    private void RequireOwn(DesignPoint point)
    {
        if (!ReferenceEquals(point.Space, this))
            throw new ArgumentException("the design point belongs to another parameter space", nameof(point));
    }
}
