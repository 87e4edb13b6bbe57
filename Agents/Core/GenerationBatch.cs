using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core;

/// <summary>
/// One generation (or ant iteration) of a population-based agent under ask/tell: the points to hand
/// out, asked in any batch sizes, and their evaluations as they are told. Asks never cross into the
/// next generation, which is bred only once the whole generation has been told.
/// </summary>
public sealed class GenerationBatch
{
    private readonly List<Evaluation> _told = [];
    private IReadOnlyList<DesignPoint> _points = [];
    private int _asked;

    /// <summary>False until the first <see cref="Start"/>.</summary>
    public bool Started { get; private set; }

    /// <summary>True when every point was asked and told.</summary>
    public bool Complete => Started && _told.Count == _points.Count;

    /// <summary>The evaluations told so far, in ask order.</summary>
    public IReadOnlyList<Evaluation> Results => _told;

    public void Start(IReadOnlyList<DesignPoint> points)
    {
        _points = points;
        _asked = 0;
        _told.Clear();
        Started = true;
    }

    /// <summary>Up to <paramref name="count"/> not yet asked points (none once the generation is all asked).</summary>
    public IReadOnlyList<DesignPoint> Take(int count)
    {
        var n = Math.Clamp(count, 0, _points.Count - _asked);
        var taken = new DesignPoint[n];
        for (var i = 0; i < n; i++) taken[i] = _points[_asked + i];
        _asked += n;
        return taken;
    }

    /// <summary>Records evaluations (in ask order); true when that completed the generation.</summary>
    public bool Record(IReadOnlyList<Evaluation> results)
    {
        if (_told.Count + results.Count > _asked)
            throw new InvalidOperationException($"told {_told.Count + results.Count} evaluations but only {_asked} points were asked");
        _told.AddRange(results);
        return Complete;
    }
}
