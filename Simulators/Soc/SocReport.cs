namespace ArchGym.Simulators.Soc;

/// <summary>
/// Statistics of one run after warm-up (DS3 names in brackets). <see cref="MeasuredTimeUs"/> is DS3's end time:
/// last job completion minus warm-up; rates and EDP (with <see cref="TotalEnergyJ"/>) use it as DS3 does.
/// </summary>
public sealed record SocReport(
    string Scheduler,
    int InjectedJobs,
    int CompletedJobs,
    double MeanLatencyUs,          // [Ave latency]
    double P95LatencyUs,
    double InjectionRatePerMs,     // [injection rate]
    double CompletionRatePerMs,    // [completion rate]
    double MeasuredTimeUs,         // [end time] - warm-up
    double EnergyJ,                // energy after warm-up
    double TotalEnergyJ,           // [Total energy consumption]: whole run incl. warm-up (DS3 sums every task)
    double EdpUsJ,                 // [EDP] = measured time x total energy
    IReadOnlyList<string> PeNames,
    IReadOnlyList<double> PeUtilisation, // busy fraction of (simulation length - warm-up)
    long TasksExecuted);
