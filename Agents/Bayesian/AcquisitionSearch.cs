using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Bayesian;

/// <summary>
/// Maximises an acquisition over the design space: <c>candidates</c> random points, then a
/// best-improvement local search (every <see cref="FeatureCodec.Alternatives"/> move of every
/// parameter, scored together) from the <c>localStarts</c> best of them for up to <c>localSteps</c>
/// steps. The best-scoring candidate that is not excluded (already observed or pending) wins.
/// Candidates are scored in blocks through <see cref="GaussianProcess.PredictBatch"/>; buffers are
/// reused, so scoring allocates nothing. With constraints, candidates that break them are skipped
/// (checking decodes them, which allocates; unconstrained spaces never decode a loser).
/// </summary>
public sealed class AcquisitionSearch
{
    private const int Block = 64;
    private readonly ParameterSpace _space;
    private readonly FeatureCodec _codec;
    private readonly int _candidates;
    private readonly int _localStarts;
    private readonly int _localSteps;
    private readonly bool _constrained;
    private readonly double[] _features;
    private readonly int[] _levels;
    private readonly double[] _keys;
    private readonly int[] _order;
    private readonly double[] _alternatives;
    private readonly double[] _moveFeatures;
    private readonly int[] _moveLevels;
    private readonly double[] _moveScores;
    private readonly double[] _means = new double[Block];
    private readonly double[] _stds = new double[Block];

    public AcquisitionSearch(ParameterSpace space, FeatureCodec codec, int candidates, int localStarts, int localSteps)
    {
        _space = space;
        _codec = codec;
        _candidates = candidates;
        _localStarts = Math.Min(localStarts, candidates);
        _localSteps = localSteps;
        _constrained = space.Constraints.Count > 0;
        _features = new double[candidates * codec.Inputs];
        _levels = new int[candidates * codec.Parameters];
        _keys = new double[candidates];
        _order = new int[candidates];
        _alternatives = new double[codec.MaxAlternatives];
        var moves = codec.MaxNeighbours;
        _moveFeatures = new double[moves * codec.Inputs];
        _moveLevels = new int[moves * codec.Parameters];
        _moveScores = new double[moves];
    }

    /// <summary>The best candidate found that <paramref name="excluded"/> does not reject, or null when every candidate was excluded.</summary>
    public DesignPoint? Maximize(GaussianProcess gp, IAcquisition acquisition, Random rng, Func<DesignPoint, bool> excluded)
    {
        for (var c = 0; c < _candidates; c++)
        {
            var f = Row(_features, c, _codec.Inputs);
            var l = Row(_levels, c, _codec.Parameters);
            _codec.Sample(rng, f, l);
            for (var tries = 0; _constrained && tries < 20 && !Feasible(f, l); tries++) _codec.Sample(rng, f, l);
            _order[c] = c;
        }

        Score(gp, acquisition, _features, _candidates, _keys);
        for (var c = 0; c < _candidates; c++) _keys[c] = -_keys[c];
        Array.Sort(_keys, _order);
        for (var s = 0; s < _localStarts; s++)
        {
            var c = _order[s];
            _keys[s] = -Climb(gp, acquisition, Row(_features, c, _codec.Inputs), Row(_levels, c, _codec.Parameters), -_keys[s]);
        }

        Array.Sort(_keys, _order);
        for (var k = 0; k < _candidates; k++)
        {
            var c = _order[k];
            var point = _codec.Decode(Row(_features, c, _codec.Inputs), Row(_levels, c, _codec.Parameters));
            if (!excluded(point) && (!_constrained || _space.IsFeasible(point))) return point;
        }

        return null;
    }

    // Best-improvement hill climb in place; returns the final score.
    private double Climb(GaussianProcess gp, IAcquisition acquisition, Span<double> f, Span<int> l, double score)
    {
        for (var step = 0; step < _localSteps; step++)
        {
            var moves = 0;
            for (var i = 0; i < _codec.Parameters; i++)
            {
                var n = _codec.Alternatives(i, f, l, _alternatives);
                for (var a = 0; a < n; a++)
                {
                    var mf = Row(_moveFeatures, moves, _codec.Inputs);
                    var ml = Row(_moveLevels, moves, _codec.Parameters);
                    f.CopyTo(mf);
                    l.CopyTo(ml);
                    _codec.Set(i, _alternatives[a], mf, ml);
                    if (!_constrained || Feasible(mf, ml)) moves++;
                }
            }

            if (moves == 0) break;
            Score(gp, acquisition, _moveFeatures, moves, _moveScores);
            var best = 0;
            for (var m = 1; m < moves; m++)
            {
                if (_moveScores[m] > _moveScores[best]) best = m;
            }

            if (!(_moveScores[best] > score)) break;
            Row(_moveFeatures, best, _codec.Inputs).CopyTo(f);
            Row(_moveLevels, best, _codec.Parameters).CopyTo(l);
            score = _moveScores[best];
        }

        return score;
    }

    private void Score(GaussianProcess gp, IAcquisition acquisition, double[] features, int count, double[] scores)
    {
        var best = gp.BestTarget;
        for (var start = 0; start < count; start += Block)
        {
            var m = Math.Min(Block, count - start);
            gp.PredictBatch(features.AsSpan(start * _codec.Inputs, m * _codec.Inputs), m, _means, _stds);
            for (var j = 0; j < m; j++) scores[start + j] = acquisition.Score(_means[j], _stds[j], best);
        }
    }

    private bool Feasible(ReadOnlySpan<double> f, ReadOnlySpan<int> l) => _space.IsFeasible(_codec.Decode(f, l));

    private static Span<T> Row<T>(T[] buffer, int row, int width) => buffer.AsSpan(row * width, width);
}
