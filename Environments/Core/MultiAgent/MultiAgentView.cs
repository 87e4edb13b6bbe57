using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Environments.Core.MultiAgent;

/// <summary>
/// A PettingZoo-"parallel" view of an environment: named agents each own a disjoint subset of the
/// parameters (together all of them); one joint step takes every agent's action. Each agent sees the
/// whole observation and, by default, the shared team reward (the decentralised formulation of the
/// multi-agent RL DSE paper); pass <c>rewardSplit</c> for per-agent rewards.
/// </summary>
public sealed class MultiAgentView : IDisposable
{
    private readonly AgentGroup[] _groups;
    private readonly Dictionary<string, ParameterSpace> _spaces = new(StringComparer.Ordinal);
    private readonly Func<string, StepResult, double>? _rewardSplit;

    public MultiAgentView(IEnvironment env, IReadOnlyList<AgentGroup> groups, Func<string, StepResult, double>? rewardSplit = null)
    {
        Environment = env;
        _groups = groups.ToArray();
        _rewardSplit = rewardSplit;
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in _groups)
        {
            if (_spaces.ContainsKey(g.Agent)) throw new ArgumentException($"agent '{g.Agent}' is named twice");
            if (g.Parameters.Count == 0) throw new ArgumentException($"agent '{g.Agent}' owns no parameter");
            foreach (var p in g.Parameters)
            {
                env.ActionSpace.IndexOf(p);
                if (!owner.TryAdd(p, g.Agent)) throw new ArgumentException($"parameter '{p}' is owned by both '{owner[p]}' and '{g.Agent}'");
            }

            _spaces[g.Agent] = new ParameterSpace(g.Parameters.Select(p => env.ActionSpace[p]));
        }

        var orphan = env.ActionSpace.Names.FirstOrDefault(n => !owner.ContainsKey(n));
        if (orphan is not null) throw new ArgumentException($"parameter '{orphan}' is owned by no agent");
    }

    /// <summary>One agent per parameter, named after it (DRAMGym's ten-knob MARL setting).</summary>
    public static MultiAgentView OnePerParameter(IEnvironment env) =>
        new(env, env.ActionSpace.Names.Select(n => new AgentGroup(n, [n])).ToArray());

    public IEnvironment Environment { get; }

    public IReadOnlyList<string> Agents => _groups.Select(g => g.Agent).ToArray();

    public IReadOnlyList<AgentGroup> Groups => _groups;

    public ParameterSpace ActionSpace(string agent) =>
        _spaces.TryGetValue(agent, out var s) ? s : throw new KeyNotFoundException($"unknown agent '{agent}'; known: {string.Join(", ", Agents)}");

    public IReadOnlyDictionary<string, Observation> Reset(int? seed = null)
    {
        var (obs, _) = Environment.Reset(seed);
        return _groups.ToDictionary(g => g.Agent, _ => obs);
    }

    /// <summary>Joins every agent's action into one design point of the environment.</summary>
    public DesignPoint Join(IReadOnlyDictionary<string, DesignPoint> actions)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in _groups)
        {
            if (!actions.TryGetValue(g.Agent, out var a)) throw new ArgumentException($"no action for agent '{g.Agent}'");
            var own = _spaces[g.Agent].Adopt(a);
            foreach (var p in g.Parameters) values[p] = own[p];
        }

        if (actions.Count != _groups.Length)
            throw new ArgumentException($"actions for unknown agents: {string.Join(", ", actions.Keys.Where(k => !_spaces.ContainsKey(k)))}");
        return Environment.ActionSpace.Create(values);
    }

    /// <summary>Splits a joint design point into each agent's action.</summary>
    public IReadOnlyDictionary<string, DesignPoint> Split(DesignPoint joint)
    {
        var point = Environment.ActionSpace.Adopt(joint);
        return _groups.ToDictionary(g => g.Agent,
            g => _spaces[g.Agent].Create(g.Parameters.ToDictionary(p => p, p => point[p])));
    }

    public MultiAgentStep Step(IReadOnlyDictionary<string, DesignPoint> actions)
    {
        var joint = Environment.Step(Join(actions));
        var agents = Agents;
        return new MultiAgentStep(
            agents.ToDictionary(a => a, _ => joint.Observation),
            agents.ToDictionary(a => a, a => _rewardSplit?.Invoke(a, joint) ?? joint.Reward),
            agents.ToDictionary(a => a, _ => joint.Terminated),
            agents.ToDictionary(a => a, _ => joint.Truncated),
            agents.ToDictionary(a => a, _ => joint.Info),
            joint);
    }

    public void Dispose() => Environment.Dispose();
}
