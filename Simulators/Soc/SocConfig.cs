using ArchGym.Simulators.Common;
using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Power;

namespace ArchGym.Simulators.Soc;

/// <summary>How producer data reaches a consumer (DS3 [COMMUNICATION MODE]).</summary>
public enum CommunicationMode
{
    /// <summary>Consumer on PE p may start at max over preds (finish + int(vol / bw[predPE, p])).</summary>
    PeToPe,
    /// <summary>Producer writes to MEMORY on completion (vol / bw[PE, MEM]); the consumer reads after it is scheduled.</summary>
    SharedMemory,
}

/// <summary>How arrivals behave while <see cref="SocConfig.MaxJobsInFlight"/> jobs are in the system.</summary>
public enum JobGeneratorStyle
{
    /// <summary>DS3 job_generator: poll every clock tick, so the next job enters as soon as one completes.</summary>
    Ds3,
    /// <summary>DS3Gym job_generator: after a blocked poll it still waits int(Exp(scale)) us before trying again.</summary>
    Ds3Gym,
}

/// <summary>
/// The scheduling policies behind <see cref="Scheduling.IScheduler"/> (DS3 / DS3Gym names: MET, ETF, EFT, STF, HEFT,
/// HEFT_RT, random; <see cref="Policy"/> is the DeepSoCS setting driven through <see cref="SocSimulation.Decide(int)"/>).
/// Parse names with <see cref="Scheduling.SchedulerFactory.Parse"/>.
/// </summary>
public enum SchedulerKind { Met, Etf, Eft, Stf, Heft, HeftRt, Random, Policy }

/// <summary>
/// One SoC simulation run (DS3 config_file.ini, performance mode). Times in microseconds. Immutable;
/// <see cref="Validate"/> throws <see cref="InvalidConfigException"/> naming the field.
/// </summary>
public sealed record SocConfig
{
    public required SocPlatform Platform { get; init; }
    public SchedulerKind Scheduler { get; init; } = SchedulerKind.Etf;
    public CommunicationMode Communication { get; init; } = CommunicationMode.PeToPe;

    /// <summary>DS3 <c>simulation_length</c>.</summary>
    public double SimulationLengthUs { get; init; } = 50_000;

    /// <summary>DS3 <c>warmup_period</c>: jobs finishing, heads starting and energy before this are not counted.</summary>
    public double WarmupUs { get; init; } = 10_000;

    /// <summary>DS3 <c>scale</c>: mean of the exponential inter-arrival time, truncated to whole us as DS3 does.</summary>
    public double MeanInterArrivalUs { get; init; } = 200;

    /// <summary>DS3 <c>fixed_injection_rate</c>: inject exactly every <see cref="MeanInterArrivalUs"/>.</summary>
    public bool FixedInterArrival { get; init; }

    /// <summary>DS3 <c>max_jobs_in_parallel</c>: the generator stalls while this many jobs are in the system.</summary>
    public int MaxJobsInFlight { get; init; } = 12;

    public JobGeneratorStyle Generator { get; init; } = JobGeneratorStyle.Ds3;

    /// <summary>DS3Gym <c>--pss</c> (pseudo steady state): fill the system with <see cref="MaxJobsInFlight"/> jobs at t = 0.</summary>
    public bool PrefillJobs { get; init; }

    /// <summary>Seeds the run's independent streams (inter-arrival times, job mix, random scheduler).</summary>
    public int Seed { get; init; }

    /// <summary>DS3's leakage, thermal and board-power model (Odroid-XU3 coefficients by default).</summary>
    public PowerModel Power { get; init; } = PowerModel.Ds3;

    /// <summary>A scheduler of your own behind <see cref="Scheduling.IScheduler"/>, created fresh per run; overrides <see cref="Scheduler"/>.</summary>
    public Func<Scheduling.IScheduler>? CustomScheduler { get; init; }

    /// <summary>Chooses the next ready task when <see cref="Scheduler"/> is <see cref="SchedulerKind.Policy"/> (DeepSoCS setting).</summary>
    public IReadyTaskPolicy? Policy { get; init; }

    public void Validate()
    {
        if (Platform is null) throw new InvalidConfigException(nameof(Platform), null, "a SocPlatform (SocCatalog.Get, SocResourceReader.Read or SocPlatformBuilder)");
        if (!(SimulationLengthUs > 0 && double.IsFinite(SimulationLengthUs)))
            throw new InvalidConfigException(nameof(SimulationLengthUs), SimulationLengthUs, "a positive finite number of us");
        if (!(WarmupUs >= 0 && WarmupUs < SimulationLengthUs))
            throw new InvalidConfigException(nameof(WarmupUs), WarmupUs, $"0 <= warm-up < {SimulationLengthUs}");
        if (!(MeanInterArrivalUs > 0 && double.IsFinite(MeanInterArrivalUs)))
            throw new InvalidConfigException(nameof(MeanInterArrivalUs), MeanInterArrivalUs, "a positive finite number of us");
        if (MaxJobsInFlight < 1) throw new InvalidConfigException(nameof(MaxJobsInFlight), MaxJobsInFlight, "an integer >= 1");
        if (!Enum.IsDefined(Scheduler)) throw new InvalidConfigException(nameof(Scheduler), Scheduler, string.Join(", ", Enum.GetNames<SchedulerKind>()));
        if (Power is null) throw new InvalidConfigException(nameof(Power), null, "a PowerModel (e.g. PowerModel.Ds3)");
        Power.Validate();
        if (!Enum.IsDefined(Generator)) throw new InvalidConfigException(nameof(Generator), Generator, string.Join(", ", Enum.GetNames<JobGeneratorStyle>()));
        if (Communication == CommunicationMode.SharedMemory && Platform.MemoryPe < 0)
            throw new InvalidConfigException(nameof(Communication), Communication, "PeToPe, or SharedMemory with a MEM resource in the SoC");
    }
}
