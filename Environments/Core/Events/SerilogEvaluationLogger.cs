using System.Globalization;
using Serilog;
using Serilog.Events;

namespace ArchGym.Environments.Core.Events;

/// <summary>Logs every evaluation at Debug and each new best at Information.</summary>
public sealed class SerilogEvaluationLogger(ILogger log, IReadOnlyList<Metric> metrics) : IObserver<Evaluation>
{
    private double _best = double.NegativeInfinity;

    public void OnNext(Evaluation e)
    {
        var debug = log.IsEnabled(LogEventLevel.Debug);
        if (!debug && (!e.Feasible || !(e.Reward > _best))) return;
        var values = string.Join(", ", metrics.Select((m, i) => string.Create(CultureInfo.InvariantCulture, $"{m.Name}={e.MetricValues.ElementAtOrDefault(i):G6}")));
        if (!e.Feasible)
        {
            log.Debug("step {Step}: {Point} infeasible: {Reason}", e.Step, e.Point.ToString(), e.InfeasibleReason);
            return;
        }

        log.Debug("step {Step}: {Point} -> {Metrics}, reward {Reward:G6}", e.Step, e.Point.ToString(), values, e.Reward);
        if (e.Reward > _best)
        {
            _best = e.Reward;
            log.Information("new best at step {Step}: reward {Reward:G6} ({Metrics}) for {Point}", e.Step, e.Reward, values, e.Point.ToString());
        }
    }

    public void OnCompleted() => log.Information("evaluation stream completed");

    public void OnError(Exception error) => log.Warning("evaluation stream ended early: {Message}", error.Message);
}
