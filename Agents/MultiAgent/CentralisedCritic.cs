using ArchGym.Agents.Core;
using ArchGym.Agents.Reinforcement;
using ArchGym.Agents.Reinforcement.Neural;

namespace ArchGym.Agents.MultiAgent;

/// <summary>How the learners of <see cref="MultiAgentPpoAgent"/> get their value baselines.</summary>
public enum CriticKind
{
    /// <summary>Each learner has its own critic over its own observation (independent PPO, the paper's decentralised form).</summary>
    Independent,

    /// <summary>One shared critic over the joint context (<see cref="CentralisedCritic"/>, MAPPO-style).</summary>
    Centralised,
}

/// <summary>
/// A centralised critic for cooperative one-step multi-agent PPO (centralised training, decentralised
/// execution; MAPPO, Yu et al. 2022): one network shared by all agents, whose input for agent i is the
/// joint context — the other agents' actions one-hot (agent i's own block zeroed) plus agent i's id
/// one-hot — and whose target is the shared team return. Conditioning on the teammates' actions but not
/// on one's own makes V_i a baseline that removes the variance the teammates cause (the idea of COMA's
/// counterfactual baseline, Foerster et al. 2018) while leaving agent i's policy gradient unbiased.
/// Trained by <c>epochs</c> passes of shuffled minibatches of squared error, its own Adam and clip.
/// </summary>
public sealed class CentralisedCritic
{
    private readonly ActionHeads _joint;
    private readonly int[][] _positions;
    private readonly PpoSettings _settings;
    private readonly Random _rng;
    private readonly Adam _adam;
    private readonly int _inputs;
    private readonly int[] _actions;
    private readonly double[] _returns;
    private readonly int[] _order;
    private readonly double[] _context;
    private readonly double[] _mbInputs;
    private readonly double[] _mbTargets;
    private readonly double[] _gradient;
    private readonly int _minibatch;

    public CentralisedCritic(ActionHeads joint, int[][] positions, PpoSettings settings, Random rng)
    {
        _joint = joint;
        _positions = positions;
        _settings = settings;
        _rng = rng;
        _inputs = joint.TotalLogits + positions.Length;
        Network = Network.Create(_inputs, settings.Hidden(), 1, settings.Activation, Activation.Identity, WeightInit.Orthogonal, rng, Math.Sqrt(2), 1);
        _adam = new Adam(Network.Parameters.Length, settings.LearningRate, epsilon: PpoSettings.AdamEpsilon);
        _actions = new int[settings.Batch * joint.Count];
        _returns = new double[settings.Batch];
        var rows = settings.Batch * positions.Length;
        _order = new int[rows];
        _context = new double[_inputs];
        _minibatch = Math.Max(1, Math.Min(settings.Minibatch, settings.Batch)) * positions.Length;
        _mbInputs = new double[_minibatch * _inputs];
        _mbTargets = new double[_minibatch];
        _gradient = new double[_minibatch];
    }

    public Network Network { get; }

    /// <summary>Samples stored since the last <see cref="Update"/>.</summary>
    public int Count { get; private set; }

    /// <summary>V_i of a joint action for agent <paramref name="agent"/>.</summary>
    public double Value(ReadOnlySpan<int> jointActions, int agent)
    {
        Encode(jointActions, agent, _context);
        return Network.Forward(_context, 1)[0];
    }

    /// <summary>Stores a told sample: the joint action and the (normalised) team return.</summary>
    public void Add(ReadOnlySpan<int> jointActions, double teamReturn)
    {
        jointActions.CopyTo(_actions.AsSpan(Count * _joint.Count, _joint.Count));
        _returns[Count] = teamReturn;
        Count++;
    }

    /// <summary>Regresses every (sample, agent) row on the team return, then forgets the samples.</summary>
    public void Update()
    {
        var rows = Count * _positions.Length;
        var order = _order.AsSpan(0, rows);
        for (var epoch = 0; epoch < _settings.Epochs; epoch++)
        {
            for (var i = 0; i < rows; i++) order[i] = i;
            _rng.Shuffle(order);
            for (var start = 0; start < rows; start += _minibatch)
            {
                var m = Math.Min(_minibatch, rows - start);
                for (var k = 0; k < m; k++)
                {
                    var sample = order[start + k] / _positions.Length;
                    var agent = order[start + k] % _positions.Length;
                    Encode(_actions.AsSpan(sample * _joint.Count, _joint.Count), agent, _mbInputs.AsSpan(k * _inputs, _inputs));
                    _mbTargets[k] = _returns[sample];
                }

                Network.ZeroGradients();
                var values = Network.Forward(_mbInputs, m);
                for (var k = 0; k < m; k++) _gradient[k] = _settings.ValueCoef * (values[k] - _mbTargets[k]) / m;
                Network.Backward(_gradient.AsSpan(0, m));
                GradientClipping.ClipGlobalNorm(Network.Gradients, _settings.MaxGradNorm);
                _adam.Step(Network.Parameters, Network.Gradients);
            }
        }

        Count = 0;
    }

    private void Encode(ReadOnlySpan<int> jointActions, int agent, Span<double> into)
    {
        into.Clear();
        for (var k = 0; k < _joint.Count; k++) into[_joint.Offset(k) + jointActions[k]] = 1;
        foreach (var k in _positions[agent])
        {
            into[_joint.Offset(k) + jointActions[k]] = 0;
        }

        into[_joint.TotalLogits + agent] = 1;
    }
}
