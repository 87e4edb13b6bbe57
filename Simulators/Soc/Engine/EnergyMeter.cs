using ArchGym.Simulators.Soc.Platform;
using ArchGym.Simulators.Soc.Power;

namespace ArchGym.Simulators.Soc.Engine;

/// <summary>
/// DS3's energy accounting, integrated exactly between events instead of on its 10 us samples: the board's memory +
/// GPU power, split by DTPM.evaluate_idle_PEs over N-1 PEs and charged to all N (so x N/(N-1)); every non-MEM core's
/// leakage at the hottest hotspot; busy cores' dynamic power (<see cref="ClusterPowerProfile"/>). The thermal model
/// steps every 20 us from DS3's cluster powers (an idle cluster reports its leakage + the board power).
/// </summary>
internal sealed class EnergyMeter
{
    private readonly PowerModel _model;
    private readonly ClusterPowerProfile[] _clusters;
    private readonly TemperatureState _temperature;
    private readonly int[] _busy;
    private readonly double[] _clusterWatts;
    private readonly double[] _thermalInput;
    private readonly double _boardWatts;
    private readonly double _warmupUs;
    private readonly double _stepUs;
    private double _leakageFactor;
    private double _watts;
    private double _sinceUs;
    private double _nextStepUs;

    public EnergyMeter(SocPlatform soc, PowerModel model, double warmupUs)
    {
        _model = model;
        _warmupUs = warmupUs;
        _clusters = soc.Clusters.Select(c => new ClusterPowerProfile(c, model.Leakage)).ToArray();
        _temperature = new TemperatureState(model.Thermal, model.Leakage.AmbientCelsius, soc.Clusters.Select(c => c.Type).ToArray());
        _busy = new int[_clusters.Length];
        _clusterWatts = new double[_clusters.Length];
        _thermalInput = new double[_clusters.Length];
        _boardWatts = soc.PeCount > 1 ? model.BaseWatts * soc.PeCount / (soc.PeCount - 1) : model.BaseWatts;
        _stepUs = model.Thermal?.SamplingUs ?? double.PositiveInfinity;
        _nextStepUs = _stepUs;
        Recompute();
    }

    /// <summary>Energy after warm-up (DS3 "Total energy consumption" = results.cumulative_energy_consumption).</summary>
    public double EnergyJ { get; private set; }

    /// <summary>Energy of the whole run, warm-up included.</summary>
    public double WholeRunEnergyJ { get; private set; }

    /// <summary>
    /// Energy after warm-up up to <paramref name="nowUs"/> without advancing the meter (so observing a run never changes
    /// it): the integral up to the last event plus the current power since (thermal steps in between not applied, so it
    /// can exceed the final integral by up to ~one thermal step's power change).
    /// </summary>
    public double PeekEnergyJ(double nowUs) => EnergyJ + _watts * Math.Max(0, nowUs - Math.Max(_sinceUs, _warmupUs)) * 1e-6;

    public double TemperatureCelsius => _temperature.MaxCelsius;
    public double PeakTemperatureCelsius => _temperature.PeakCelsius;

    /// <summary>A core of <paramref name="cluster"/> became busy (+1) or idle (-1) at <paramref name="nowUs"/>.</summary>
    public void Change(int cluster, int delta, double nowUs)
    {
        AdvanceTo(nowUs);
        _busy[cluster] += delta;
        _watts += Update(cluster);
    }

    /// <summary>Integrates up to <paramref name="nowUs"/>, stepping the thermal model at each of its sample times on the way.</summary>
    public void AdvanceTo(double nowUs)
    {
        while (_nextStepUs <= nowUs)
        {
            Integrate(_nextStepUs);
            for (var c = 0; c < _clusters.Length; c++)
                _thermalInput[c] = _clusterWatts[c] + (_busy[c] == 0 ? _model.BaseWatts : 0);
            _temperature.Step(_model.MemoryWatts, _model.GpuWatts, _thermalInput);
            Recompute();
            _nextStepUs += _stepUs;
        }
        Integrate(nowUs);
    }

    private void Integrate(double toUs)
    {
        if (toUs <= _sinceUs) return;
        WholeRunEnergyJ += _watts * (toUs - _sinceUs) * 1e-6;
        var from = Math.Max(_sinceUs, _warmupUs);
        if (toUs > from) EnergyJ += _watts * (toUs - from) * 1e-6;
        _sinceUs = toUs;
    }

    private void Recompute()
    {
        _leakageFactor = _model.Leakage.FactorAt(_temperature.MaxCelsius);
        _watts = _boardWatts;
        for (var c = 0; c < _clusters.Length; c++)
        {
            Update(c);
            _watts += _clusterWatts[c];
        }
    }

    /// <summary>Refreshes one cluster's power and returns the change.</summary>
    private double Update(int cluster)
    {
        var p = _clusters[cluster];
        var watts = p.ClusterWatts(_busy[cluster], p.LeakagePerCoreW(_leakageFactor));
        var delta = watts - _clusterWatts[cluster];
        _clusterWatts[cluster] = watts;
        return delta;
    }
}
