using ArchGym.Environments.Synthetic;

namespace ArchGym.Agents.Tests.Synthetic;

/// <summary>The known optimum of synthetic-v0's levels function, as text values by name.</summary>
public sealed class LevelsOptimum(int dimensions)
{
    public IReadOnlyDictionary<string, string> Values { get; } = new LevelsFunction(dimensions).Optimum;
}
