namespace ArchGym.Simulators.Soc;

/// <summary>
/// Statistics of one run after warm-up, as DS3's performance mode prints them (DS3 names in brackets).
/// <see cref="MeasuredTimeUs"/> is DS3's execution time: last job completion minus warm-up; the rates and EDP use it.
/// </summary>
public sealed record SocReport
{
    public required string Scheduler { get; init; }

    /// <summary>[Number of injected jobs]: jobs whose head task started after warm-up.</summary>
    public int InjectedJobs { get; init; }

    /// <summary>[Number of completed jobs]: jobs whose tail finished after warm-up.</summary>
    public int CompletedJobs { get; init; }

    /// <summary>[Ave latency]: mean over completed jobs of tail finish - injection (us).</summary>
    public double MeanLatencyUs { get; init; }

    public double P95LatencyUs { get; init; }

    /// <summary>[injection rate] in jobs per ms (DS3 prints jobs per us).</summary>
    public double InjectionRatePerMs { get; init; }

    /// <summary>[completion rate] (throughput) in jobs per ms.</summary>
    public double CompletionRatePerMs { get; init; }

    /// <summary>[Execution time(us)]: last completion - warm-up.</summary>
    public double MeasuredTimeUs { get; init; }

    /// <summary>[Total energy consumption(J)]: energy after warm-up (results.cumulative_energy_consumption).</summary>
    public double EnergyJ { get; init; }

    /// <summary>Energy of the whole run, warm-up included.</summary>
    public double WholeRunEnergyJ { get; init; }

    /// <summary>[EDP] = <see cref="MeasuredTimeUs"/> x <see cref="EnergyJ"/> (us J).</summary>
    public double EdpUsJ { get; init; }

    /// <summary>[Average concurrent jobs]: mean number of jobs in the system right after each injection.</summary>
    public double AverageConcurrentJobs { get; init; }

    /// <summary>Hottest hotspot reached (DS3 thermal model), C.</summary>
    public double PeakTemperatureCelsius { get; init; }

    public IReadOnlyList<string> PeNames { get; init; } = [];

    /// <summary>Busy fraction of each PE over (simulation length - warm-up).</summary>
    public IReadOnlyList<double> PeUtilisation { get; init; } = [];

    public long TasksExecuted { get; init; }
}
