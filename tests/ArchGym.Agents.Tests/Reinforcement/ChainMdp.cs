using ArchGym.Agents.Reinforcement;

namespace ArchGym.Agents.Tests.Reinforcement;

/// <summary>
/// A chain MDP with two action heads and a known optimal return, for multi-step PPO. Positions
/// 0..length−1, start at 0, observation one-hot of the position. Heads: move (0 left, 1 right) and gear
/// (0..2). Right pays 0.1 when gear = position mod 3 and moves on; right from the last position pays a
/// further 1 and terminates. Left from 0 is an early exit paying 0.3 (terminates); left elsewhere costs
/// 0.2 and moves back. Truncated after <paramref name="horizon"/> steps. Optimal return: a goal-reaching
/// episode with l left moves earns at most 0.1 (length + l) − 0.2 l + 1, an early exit at most 0.3 and a
/// truncated one at most 0, so the optimum is 0.1 · length + 1 (1.6 for length 6): straight right with
/// the right gear. A myopic policy prefers the early exit.
/// </summary>
public sealed class ChainMdp(int length = 6, int horizon = 12) : ISequentialEnvironment
{
    private int _position;
    private int _steps;

    public double OptimalReturn => 0.1 * length + 1;

    public int ObservationLength => length;

    public IReadOnlyList<int> ActionSizes { get; } = [2, 3];

    public void Reset(int? seed, Span<double> observation)
    {
        _position = 0;
        _steps = 0;
        Observe(observation);
    }

    public SequentialStep Step(ReadOnlySpan<int> actions, Span<double> observation)
    {
        _steps++;
        double reward;
        var terminated = false;
        if (actions[0] == 1)
        {
            reward = actions[1] == _position % 3 ? 0.1 : 0;
            if (_position == length - 1)
            {
                reward += 1;
                terminated = true;
            }
            else
            {
                _position++;
            }
        }
        else if (_position == 0)
        {
            reward = 0.3;
            terminated = true;
        }
        else
        {
            reward = -0.2;
            _position--;
        }

        Observe(observation);
        return new SequentialStep(reward, terminated, !terminated && _steps >= horizon);
    }

    private void Observe(Span<double> observation)
    {
        observation.Clear();
        observation[_position] = 1;
    }
}
