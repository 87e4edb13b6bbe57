using ArchGym.Agents.Core;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Tasks;

namespace ArchGym.Agents.Nsga2;

/// <summary>
/// A population after NSGA-II's environmental selection: members with their front rank and crowding
/// distance. Infeasible members (or ones with non-finite objectives) rank after every feasible front,
/// all equal — Deb's constrained domination with no violation measure to order them by.
/// </summary>
public sealed class RankedPopulation
{
    private RankedPopulation(Evaluation[] members, int[] ranks, double[] crowding)
    {
        Members = members;
        Ranks = ranks;
        Crowding = crowding;
    }

    public IReadOnlyList<Evaluation> Members { get; }

    public IReadOnlyList<int> Ranks { get; }

    public IReadOnlyList<double> Crowding { get; }

    /// <summary>The crowded-comparison order: lower rank wins, then larger crowding distance.</summary>
    public bool Better(int a, int b) => Ranks[a] != Ranks[b] ? Ranks[a] < Ranks[b] : Crowding[a] > Crowding[b];

    /// <summary>The first front's members.</summary>
    public IEnumerable<Evaluation> Front() => Members.Where((_, i) => Ranks[i] == 0);

    /// <summary>
    /// Keeps the best <paramref name="size"/> candidates: whole fronts in rank order, then the least
    /// crowded members of the front that does not fit (ties by step, for determinism).
    /// </summary>
    public static RankedPopulation Select(IReadOnlyList<Evaluation> candidates, Objectives objectives, int size)
    {
        var feasible = new List<int>();
        var points = new List<double[]>();
        var vectors = new double[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var v = objectives.Of(candidates[i]);
            vectors[i] = v ?? [];
            if (v is null) continue;
            feasible.Add(i);
            points.Add(v);
        }

        var ranks = new int[candidates.Count];
        var feasibleRanks = Pareto.NonDominatedRanks(points);
        var worst = feasibleRanks.Length == 0 ? 0 : feasibleRanks.Max() + 1;
        Array.Fill(ranks, worst);
        for (var k = 0; k < feasible.Count; k++) ranks[feasible[k]] = feasibleRanks[k];

        var crowding = new double[candidates.Count];
        for (var r = 0; r < worst; r++) CrowdingDistance.Assign(vectors, Indices(ranks, r), crowding);

        var kept = Enumerable.Range(0, candidates.Count)
            .OrderBy(i => ranks[i]).ThenByDescending(i => crowding[i]).ThenBy(i => candidates[i].Step)
            .Take(size).ToArray();
        return new RankedPopulation(kept.Select(i => candidates[i]).ToArray(), kept.Select(i => ranks[i]).ToArray(),
            kept.Select(i => crowding[i]).ToArray());
    }

    private static List<int> Indices(int[] ranks, int rank)
    {
        var list = new List<int>();
        for (var i = 0; i < ranks.Length; i++)
        {
            if (ranks[i] == rank) list.Add(i);
        }

        return list;
    }
}
