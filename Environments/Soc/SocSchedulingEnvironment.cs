using ArchGym.Environments.Core.Registry;
using ArchGym.Simulators.Soc;

namespace ArchGym.Environments.Soc;

/// <summary>
/// <c>soc-sched-v0</c>: learn a run-time scheduler (the DeepSoCS setting). An episode is one simulation run of the job
/// stream on a fixed SoC; each step is one scheduling decision: the action picks which ready task goes next (slot
/// index, see <see cref="SchedulingObservation.Mask"/>), and the simulator places it on the PE of earliest finish time.
/// <para>
/// Observation: <see cref="ObservationLength"/> numbers laid out by <see cref="SchedulingFeatures"/> (the first
/// <see cref="ActionCount"/> ready tasks in DS3 ready-list order, PE availability, load), plus the mask.
/// Reward: minus the jobs-in-system time integral accrued since the previous decision, in job-milliseconds
/// (Decima / DeepSoCS); an episode's return is minus the total time jobs spent in the system up to the end of the run,
/// so by Little's law it rewards low job latency. The last step's info carries the simulator's <see cref="SocReport"/>.
/// Seeding only through <see cref="Reset"/>: the same seed and actions give the same episode. Not thread-safe.
/// </para>
/// Playing slot 0 at every step is DS3's EFT scheduler exactly (same report).
/// </summary>
public sealed class SocSchedulingEnvironment
{
    public const string Id = "soc-sched-v0";

    private readonly SocConfig _config;
    private readonly double[] _features;
    private readonly bool[] _mask;
    private SocSimulation? _sim;
    private JobTimeInSystem _integral = new();
    private double _accruedUs;
    private int _decisions;
    private int _autoDecisions;
    private bool _terminated = true;

    public SocSchedulingEnvironment(SocSchedulingSettings settings)
    {
        Settings = settings;
        _config = settings.Scenario.Config(settings.Scenario.BaseSoc, SchedulerKind.Policy, 0);
        _config.Validate();
        settings.Scenario.Workload.Validate(_config.Platform);
        ObservationLength = SchedulingFeatures.Length(settings.MaxReadyTasks, _config.Platform.PeCount);
        _features = new double[ObservationLength];
        _mask = new bool[settings.MaxReadyTasks];
    }

    /// <summary>From text options (those of <see cref="SocSchedulingSettings.OptionSpecs"/>).</summary>
    public static SocSchedulingEnvironment Create(EnvironmentOptions options) => new(SocSchedulingSettings.FromOptions(options));

    public SocSchedulingSettings Settings { get; }

    /// <summary>Length of every observation vector.</summary>
    public int ObservationLength { get; }

    /// <summary>Number of actions (ready-task slots); only masked-in slots are legal.</summary>
    public int ActionCount => Settings.MaxReadyTasks;

    /// <summary>Names of the observation components, in order.</summary>
    public IReadOnlyList<string> ObservationNames => SchedulingFeatures.Names(ActionCount, _config.Platform.PeCount);

    public bool IsTerminated => _terminated;

    /// <summary>The visible ready tasks of the pending decision, slot by slot (for heuristics and debugging).</summary>
    public IReadOnlyList<ReadyTaskInfo> VisibleTasks =>
        _sim is null || _terminated ? [] : _sim.ReadyTasks.Take(ActionCount).Select(_sim.Describe).ToArray();

    /// <summary>Starts an episode: a fresh run whose job arrivals and mix are drawn from <paramref name="seed"/>.</summary>
    public (SchedulingObservation Observation, SchedulingInfo Info) Reset(int seed)
    {
        _sim = new SocSimulation(_config with { Seed = seed }, Settings.Scenario.Workload);
        _integral = new JobTimeInSystem();
        _accruedUs = 0;
        _decisions = _autoDecisions = 0;
        _terminated = false;
        Advance(); // the time before the first decision is charged to the first step, so the return covers the whole run
        return (Observe(), Info());
    }

    /// <summary>Schedules the ready task in slot <paramref name="action"/> on its earliest-finish PE and runs to the next decision.</summary>
    public SchedulingStep Step(int action)
    {
        if (_sim is null || _terminated) throw new InvalidOperationException($"{Id}: the episode has ended (or not begun); call Reset");
        if (action < 0 || action >= ActionCount || !_mask[action])
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{Id}: legal actions are the masked-in slots 0..{_sim.ReadyTasks.Count - 1} of {ActionCount}");
        _sim.Decide(action);
        _decisions++;
        Advance();
        var total = _integral.TotalUs(_sim, Now);
        var reward = -(total - _accruedUs) / SchedulingFeatures.TimeScaleUs;
        _accruedUs = total;
        return new SchedulingStep(Observe(), reward, _terminated, Info());
    }

    private double Now => _terminated ? _config.SimulationLengthUs : _sim!.NowUs;

    /// <summary>Runs to the next decision worth asking for; marks the episode terminated when the run is over.</summary>
    private void Advance()
    {
        while (_sim!.AdvanceToDecision())
        {
            if (!Settings.AutoPlaySingleChoice || _sim.ReadyTasks.Count > 1) return;
            _sim.Decide(0);
            _autoDecisions++;
        }
        _terminated = true;
    }

    private SchedulingObservation Observe()
    {
        if (_terminated)
        {
            Array.Clear(_features);
            Array.Clear(_mask);
        }
        else
        {
            SchedulingFeatures.Write(_sim!, _config, ActionCount, _features, _mask);
        }
        return new SchedulingObservation(_features.ToArray(), _mask.ToArray());
    }

    private SchedulingInfo Info() => new(Now, _decisions, _autoDecisions, _terminated ? 0 : _sim!.ReadyTasks.Count, _sim!.JobsInSystem,
        _sim.CompletedJobCount, _accruedUs, _terminated ? _sim.BuildReport() : null);
}
