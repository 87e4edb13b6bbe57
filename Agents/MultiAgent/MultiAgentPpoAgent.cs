using ArchGym.Agents.Core;
using ArchGym.Agents.Reinforcement;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.MultiAgent;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.MultiAgent;

/// <summary>
/// Multi-agent PPO for one-step DSE through ask/tell, after Krishnan et al.'s multi-agent RL for
/// DRAM-controller design: every agent of a multi-agent split (default one per parameter, as
/// <see cref="MultiAgentView.OnePerParameter"/>; <c>group_size</c> for consecutive blocks, or the
/// groups of a <see cref="MultiAgentView"/>) is an independent PPO learner (<see cref="PpoLearner"/>)
/// over its own knobs' categorical heads, all sharing the team reward (the decentralised formulation).
/// The joint point of an ask is every agent's sampled action. With <c>critic: independent</c> each
/// learner has its own value baseline; with <c>critic: centralised</c> one shared
/// <see cref="CentralisedCritic"/> over the joint context gives each agent's baseline (MAPPO-style,
/// Yu et al. 2022). Rewards, infeasible handling and the update schedule are <c>ppo</c>'s.
/// </summary>
public sealed class MultiAgentPpoAgent : IAgent
{
    public const string AgentName = "marl";

    private readonly double[] _observation = [1.0];
    private readonly ActionCodec _codec;
    private readonly PpoSettings _settings;
    private readonly int[][] _positions;
    private readonly PpoLearner[] _learners;
    private readonly RolloutBuffer[] _buffers;
    private readonly CentralisedCritic? _critic;
    private readonly DseRewardNormalizer _rewards;
    private readonly Queue<AskedJoint> _pending = new();
    private readonly int[][] _own;
    private readonly int[] _joint;

    public MultiAgentPpoAgent(ParameterSpace space, IReadOnlyList<AgentGroup> groups, PpoSettings settings, CriticKind critic, int seed)
    {
        _codec = new ActionCodec(space, settings.RealBins, settings.MaxLevels);
        _settings = settings;
        _positions = AgentGroups.Positions(space, groups);
        Groups = groups.ToArray();
        Critic = critic;
        var rng = new Random(seed);
        _learners = new PpoLearner[_positions.Length];
        _buffers = new RolloutBuffer[_positions.Length];
        _own = new int[_positions.Length][];
        for (var a = 0; a < _positions.Length; a++)
        {
            var sizes = Array.ConvertAll(_positions[a], _codec.Heads.Size);
            _learners[a] = new PpoLearner(_observation.Length, new ActionHeads(sizes), settings, critic == CriticKind.Independent, rng);
            _buffers[a] = new RolloutBuffer(settings.Batch, _observation.Length, sizes.Length);
            _own[a] = new int[sizes.Length];
        }

        if (critic == CriticKind.Centralised) _critic = new CentralisedCritic(_codec.Heads, _positions, settings, rng);
        _rewards = new DseRewardNormalizer(settings.NormalizeRewards, settings.InfeasibleMargin);
        _joint = new int[space.Count];
    }

    /// <summary>One learner per agent of a multi-agent view of the environment.</summary>
    public static MultiAgentPpoAgent ForView(MultiAgentView view, PpoSettings settings, CriticKind critic, int seed) =>
        new(view.Environment.ActionSpace, view.Groups, settings, critic, seed);

    public static AgentSpec Spec { get; } = new(
        AgentName,
        "Multi-agent PPO: one learner per knob (or group) with the shared team reward; independent or centralised (MAPPO-style) critic",
        new ParameterSpace(PpoSettings.DeclaredParameters.Concat(
        [
            new CategoricalParameter("critic", ["independent", "centralised"], "independent: a value baseline per learner; centralised: one shared critic over the joint context"),
            new IntegerParameter("group_size", 1, 10_000, description: "consecutive parameters per agent (1 = one agent per parameter)"),
        ])),
        new Dictionary<string, string>(PpoSettings.DefaultValues) { ["critic"] = "independent", ["group_size"] = "1" },
        c => new MultiAgentPpoAgent(c.Space, AgentGroups.Consecutive(c.Space, c.HyperParameters.GetInt("group_size")), PpoSettings.From(c.HyperParameters),
            c.HyperParameters.GetText("critic") == "centralised" ? CriticKind.Centralised : CriticKind.Independent, c.Seed));

    public string Name => AgentName;

    public IReadOnlyList<AgentGroup> Groups { get; }

    public CriticKind Critic { get; }

    /// <summary>Policy updates so far (each updates every learner).</summary>
    public int Updates { get; private set; }

    /// <summary>Every agent's most probable choice, joined.</summary>
    public DesignPoint GreedyPoint()
    {
        for (var a = 0; a < _learners.Length; a++)
        {
            _learners[a].Act(_observation, _own[a], greedy: true);
            Scatter(a);
        }

        return _codec.ToPoint(_joint);
    }

    public IReadOnlyList<DesignPoint> Ask(int count)
    {
        var points = new DesignPoint[count];
        for (var i = 0; i < count; i++)
        {
            var logProbs = new double[_learners.Length];
            var values = new double[_learners.Length];
            for (var a = 0; a < _learners.Length; a++)
            {
                logProbs[a] = _learners[a].Act(_observation, _own[a]);
                Scatter(a);
            }

            for (var a = 0; a < _learners.Length; a++) values[a] = _critic?.Value(_joint, a) ?? _learners[a].Value(_observation);
            _pending.Enqueue(new AskedJoint((int[])_joint.Clone(), logProbs, values));
            points[i] = _codec.ToPoint(_joint);
        }

        return points;
    }

    public void Tell(IReadOnlyList<Evaluation> results)
    {
        if (results.Count > _pending.Count) throw new InvalidOperationException($"told {results.Count} evaluations but only {_pending.Count} points are pending");
        foreach (var e in results)
        {
            var asked = _pending.Dequeue();
            var reward = _rewards.Normalize(e);
            for (var a = 0; a < _learners.Length; a++)
            {
                var own = _own[a];
                for (var k = 0; k < own.Length; k++) own[k] = asked.Actions[_positions[a][k]];
                _buffers[a].Add(_observation, own, asked.LogProbs[a], asked.Values[a], reward, done: true);
            }

            _critic?.Add(asked.Actions, reward);
            if (_buffers[0].IsFull) Update();
        }
    }

    private void Update()
    {
        for (var a = 0; a < _learners.Length; a++)
        {
            _buffers[a].ComputeAdvantages(0, _settings.Gamma, _settings.GaeLambda);
            _learners[a].Update(_buffers[a]);
            _buffers[a].Clear();
        }

        _critic?.Update();
        Updates++;
    }

    private void Scatter(int agent)
    {
        var own = _own[agent];
        for (var k = 0; k < own.Length; k++) _joint[_positions[agent][k]] = own[k];
    }

    private sealed record AskedJoint(int[] Actions, double[] LogProbs, double[] Values);
}
