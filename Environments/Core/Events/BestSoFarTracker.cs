namespace ArchGym.Environments.Core.Events;

/// <summary>Counts evaluations and keeps the best feasible one (highest reward; the earliest wins ties) and the best-so-far curve.</summary>
public sealed class BestSoFarTracker : IObserver<Evaluation>
{
    private readonly List<double> _curve = [];

    public Evaluation? Best { get; private set; }

    public long Count { get; private set; }

    public long FeasibleCount { get; private set; }

    /// <summary>Best feasible reward after each evaluation (NaN until the first feasible one).</summary>
    public IReadOnlyList<double> Curve => _curve;

    public void OnNext(Evaluation value)
    {
        Count++;
        if (value.Feasible && !double.IsNaN(value.Reward))
        {
            FeasibleCount++;
            if (Best is null || value.Reward > Best.Reward) Best = value;
        }

        _curve.Add(Best?.Reward ?? double.NaN);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
