namespace ArchGym.Simulators.Soc.Power;

/// <summary>The hotspot temperatures of one run, stepped by a <see cref="ThermalModel"/> (or held at ambient without one).</summary>
internal sealed class TemperatureState
{
    private readonly ThermalModel? _model;
    private readonly double _ambient;
    private readonly double[] _celsius;
    private readonly double[] _next;
    private readonly int[] _heating;
    private readonly double[][] _columns;

    public TemperatureState(ThermalModel? model, double ambientCelsius, IReadOnlyList<string> clusterTypes)
    {
        _model = model;
        _ambient = ambientCelsius;
        var n = model?.Hotspots ?? 1;
        _celsius = Enumerable.Repeat(ambientCelsius, n).ToArray();
        _next = new double[n];
        var columns = clusterTypes.Select(t => model?.ColumnFor(t).ToArray() ?? []).ToArray();
        _heating = Enumerable.Range(0, columns.Length).Where(c => columns[c].Length > 0).ToArray();
        _columns = _heating.Select(c => columns[c]).ToArray();
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
            for (var h = 0; h < _heating.Length; h++) t += _columns[h][i] * clusterWatts[_heating[h]];
            _next[i] = t;
        }
        var max = double.NegativeInfinity;
        for (var i = 0; i < _celsius.Length; i++) max = Math.Max(max, _celsius[i] = _next[i]);
        MaxCelsius = max;
        PeakCelsius = Math.Max(PeakCelsius, MaxCelsius);
    }
}
