namespace ArchGym.Agents.Annealing;

/// <summary>How the temperature falls after each evaluation (the agent clamps it at its floor).</summary>
public interface ICoolingSchedule
{
    double Next(double temperature);
}

/// <summary>Geometric cooling T ← T·(1 − rate) (Kirkpatrick, Gelatt &amp; Vecchi 1983).</summary>
public sealed class ExponentialCooling(double rate) : ICoolingSchedule
{
    public double Next(double temperature) => temperature * (1 - rate);
}

/// <summary>Linear cooling T ← T − rate·T₀: reaches zero after 1/rate evaluations.</summary>
public sealed class LinearCooling(double initialTemperature, double rate) : ICoolingSchedule
{
    public double Next(double temperature) => temperature - rate * initialTemperature;
}
