using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core;

/// <summary>
/// The agent seam (ask/tell). <c>Ask(count)</c> proposes up to <paramref name="count"/> design
/// points to evaluate (a batch may be evaluated in parallel); <c>Tell</c> reports their
/// evaluations, in the order asked. An agent draws randomness only from the seed it was built with,
/// so the same seed and the same tells give the same asks.
/// </summary>
public interface IAgent
{
    /// <summary>Registry name, e.g. "random_walk".</summary>
    string Name { get; }

    IReadOnlyList<DesignPoint> Ask(int count);

    void Tell(IReadOnlyList<Evaluation> results);
}
