namespace ArchGym.Simulators.Soc.Power;

/// <summary>The hotspot temperatures of one run, stepped by a <see cref="ThermalModel"/> (or held at ambient without one).</summary>
internal sealed class TemperatureState
{
    private readonly ThermalModel? _model;
    private readonly double _ambient;
    private readonly double[] _celsius;
    private readonly double[] _next;
    private readonly double[][] _clusterColumns;

    public TemperatureState(ThermalModel? model, double ambientCelsius, IReadOnlyList<string> clusterTypes)
    {
        _model = model;
        _ambient = ambientCelsius;
        var n = model?.Hotspots ?? 1;
        _celsius = Enumerable.Repeat(ambientCelsius, n).ToArray();
        _next = new double[n];
        _clusterColumns = clusterTypes.Select(t => model?.ColumnFor(t).ToArray() ?? []).ToArray();
        MaxCelsius = PeakCelsius = ambientCelsius;
    }

    public double MaxCelsius { get; private set; }
    public double PeakCelsius { get; private set; }

    /// <summary>One DS3 step; <paramref name="clusterWatts"/> is DS3's current_power_cluster per cluster (MEM ignored).</summary>
    public void Step(double memoryWatts, double gpuWatts, ReadOnlySpan<double> clusterWatts)
    {
        if (_model is null) return;
        var a = _model.A;
        for (var i = 0; i < _celsius.Length; i++)
        {
            var t = _ambient + _model.BMemory[i] * memoryWatts + _model.BGpu[i] * gpuWatts;
            var row = a[i];
            for (var j = 0; j < _celsius.Length; j++) t += row[j] * (_celsius[j] - _ambient);
            for (var c = 0; c < clusterWatts.Length; c++)
                if (_clusterColumns[c].Length > 0) t += _clusterColumns[c][i] * clusterWatts[c];
            _next[i] = t;
        }
        _next.CopyTo(_celsius, 0);
        MaxCelsius = double.NegativeInfinity;
        foreach (var t in _celsius) MaxCelsius = Math.Max(MaxCelsius, t);
        PeakCelsius = Math.Max(PeakCelsius, MaxCelsius);
    }
}
