using System.Globalization;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Registry;
using ArchGym.Environments.Core.Tasks;
using Spectre.Console;

namespace ArchGym.Experiments.Runner;

/// <summary>Moves a Spectre progress bar per evaluation and shows the best reward so far in its label.</summary>
public sealed class ProgressObserver(ProgressTask task, string label) : IObserver<Evaluation>
{
    private double _best = double.NegativeInfinity;

    public void OnNext(Evaluation value)
    {
        if (value.Feasible && value.Reward > _best)
        {
            _best = value.Reward;
            task.Description = $"{Markup.Escape(label)} [green]best {_best.ToString("G5", CultureInfo.InvariantCulture)}[/]";
        }

        task.Increment(1);
    }

    public void OnCompleted() => task.StopTask();

    public void OnError(Exception error) => task.StopTask();
}

/// <summary>Without a terminal (CI, pipes): one plain line at every tenth of the budget.</summary>
public sealed class MilestoneObserver(TextWriter output, int budget) : IObserver<Evaluation>
{
    private long _count;
    private double _best = double.NegativeInfinity;
    private int _nextTenth = 1;

    public void OnNext(Evaluation value)
    {
        _count++;
        if (value.Feasible && value.Reward > _best) _best = value.Reward;
        if (_count * 10 < (long)_nextTenth * budget) return;
        while (_count * 10 >= (long)_nextTenth * budget) _nextTenth++;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{100 * _count / budget,3}%] {_count}/{budget} evaluations, best reward {(_best == double.NegativeInfinity ? "none feasible yet" : _best.ToString("G6", CultureInfo.InvariantCulture))}"));
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
