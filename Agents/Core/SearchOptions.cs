namespace ArchGym.Agents.Core;

/// <summary>
/// How long and how wide a search runs: <see cref="Budget"/> evaluations in asks of up to
/// <see cref="BatchSize"/> points, evaluated by up to <see cref="Parallelism"/> workers (one
/// environment instance each); environments are reset with <see cref="Seed"/>.
/// </summary>
public sealed record SearchOptions(int Budget, int BatchSize, int Parallelism, int Seed)
{
    public void Validate()
    {
        if (Budget < 1) throw new ArgumentException($"budget must be at least 1, got {Budget}");
        if (BatchSize < 1) throw new ArgumentException($"batch must be at least 1, got {BatchSize}");
        if (Parallelism < 1) throw new ArgumentException($"parallelism must be at least 1, got {Parallelism}");
    }
}

/// <summary>How a search ended: evaluations made, and whether it was cut short by cancellation or the agent ran out of points.</summary>
public sealed record SearchResult(long Evaluations, bool Cancelled, bool Exhausted);
