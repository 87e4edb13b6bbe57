namespace ArchGym.Simulators.Soc;

public sealed partial class SocSimulation
{
    /// <summary>The report of a finished run (DS3 performance-mode statistics).</summary>
    public SocReport BuildReport()
    {
        if (!_finished) throw new InvalidOperationException("the simulation has not finished; call AdvanceToDecision until it returns false");
        var sorted = _latencies.ToArray();
        Array.Sort(sorted);
        var measured = double.IsNaN(_lastCompletionUs) ? 0 : _lastCompletionUs - _config.WarmupUs;
        var window = _config.SimulationLengthUs - _config.WarmupUs;
        var utilisation = new double[_peBusyUs.Length];
        for (var pe = 0; pe < utilisation.Length; pe++) utilisation[pe] = _peBusyUs[pe] / window;
        double PerMs(int count) => measured > 0 ? count / measured * 1000 : 0;
        return new SocReport
        {
            Scheduler = _scheduler?.Name ?? "Policy",
            InjectedJobs = _injectedAfterWarmup,
            CompletedJobs = sorted.Length,
            MeanLatencyUs = sorted.Length == 0 ? 0 : sorted.Average(),
            P95LatencyUs = sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Length) - 1)],
            InjectionRatePerMs = PerMs(_injectedAfterWarmup),
            CompletionRatePerMs = PerMs(sorted.Length),
            MeasuredTimeUs = measured,
            EnergyJ = _energy.EnergyJ,
            WholeRunEnergyJ = _energy.WholeRunEnergyJ,
            EdpUsJ = measured * _energy.EnergyJ,
            AverageConcurrentJobs = _injections == 0 ? 0 : (double)_jobsInSystemSum / _injections,
            PeakTemperatureCelsius = _energy.PeakTemperatureCelsius,
            PeNames = _soc.PeNames,
            PeUtilisation = utilisation,
            TasksExecuted = _tasksExecuted,
        };
    }
}
