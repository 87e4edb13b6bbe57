using System.Reactive.Subjects;

namespace ArchGym.Environments.Core.Events;

/// <summary>
/// The run's stream of evaluations (System.Reactive). The driver publishes each evaluation once, in
/// step order; datasets, logs, progress bars and trackers subscribe. Publishing is serialised, so
/// subscribers never see two evaluations at once.
/// </summary>
public sealed class EvaluationStream : IObservable<Evaluation>, IDisposable
{
    private readonly Subject<Evaluation> _subject = new();
    private readonly object _gate = new();
    private bool _ended;

    public IDisposable Subscribe(IObserver<Evaluation> observer) => _subject.Subscribe(observer);

    public void Publish(Evaluation evaluation)
    {
        lock (_gate)
        {
            if (_ended) throw new InvalidOperationException("the evaluation stream has ended");
            _subject.OnNext(evaluation);
        }
    }

    /// <summary>The run finished normally: subscribers finalise (the dataset file is moved into place).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_ended) return;
            _ended = true;
            _subject.OnCompleted();
        }
    }

    /// <summary>The run stopped early (cancelled or failed).</summary>
    public void Fail(Exception error)
    {
        lock (_gate)
        {
            if (_ended) return;
            _ended = true;
            _subject.OnError(error);
        }
    }

    public void Dispose() => _subject.Dispose();
}
