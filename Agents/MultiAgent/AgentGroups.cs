using ArchGym.Environments.Core.MultiAgent;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.MultiAgent;

/// <summary>How the knobs of a space are split among agents when no multi-agent view says so.</summary>
public static class AgentGroups
{
    /// <summary>
    /// Consecutive blocks of <paramref name="groupSize"/> parameters in space order (the last may be
    /// smaller); size 1 is <see cref="MultiAgentView.OnePerParameter"/>'s split, each agent named after
    /// its knob; larger groups are named after their knobs joined by '+'.
    /// </summary>
    public static IReadOnlyList<AgentGroup> Consecutive(ParameterSpace space, int groupSize)
    {
        if (groupSize < 1) throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "a group needs at least one parameter");
        var groups = new List<AgentGroup>();
        for (var start = 0; start < space.Count; start += groupSize)
        {
            var names = new List<string>();
            for (var i = start; i < Math.Min(space.Count, start + groupSize); i++) names.Add(space[i].Name);
            groups.Add(new AgentGroup(string.Join("+", names), names));
        }

        return groups;
    }

    /// <summary>Each group's parameter positions in <paramref name="space"/>; every parameter must be owned by exactly one group.</summary>
    public static int[][] Positions(ParameterSpace space, IReadOnlyList<AgentGroup> groups)
    {
        if (groups.Count == 0) throw new ArgumentException("a multi-agent learner needs at least one agent");
        var owner = new string?[space.Count];
        var positions = new int[groups.Count][];
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Parameters.Count == 0) throw new ArgumentException($"agent '{groups[g].Agent}' owns no parameter");
            positions[g] = new int[groups[g].Parameters.Count];
            for (var k = 0; k < positions[g].Length; k++)
            {
                var i = space.IndexOf(groups[g].Parameters[k]);
                if (owner[i] is { } other) throw new ArgumentException($"parameter '{space[i].Name}' is owned by both '{other}' and '{groups[g].Agent}'");
                owner[i] = groups[g].Agent;
                positions[g][k] = i;
            }
        }

        var orphan = Array.IndexOf(owner, null);
        if (orphan >= 0) throw new ArgumentException($"parameter '{space[orphan].Name}' is owned by no agent");
        return positions;
    }
}
