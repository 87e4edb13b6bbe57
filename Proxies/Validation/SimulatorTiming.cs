using System.Diagnostics;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Proxies.Validation;

/// <summary>Measured wall time of real evaluations, for the proxy's speed-up: what one simulated step costs.</summary>
public static class SimulatorTiming
{
    /// <summary>
    /// Milliseconds per step of <paramref name="env"/> (no cache in front of it) over <paramref name="points"/>,
    /// after one untimed warm-up step; the episode is reset whenever it ends. Passes repeat while they
    /// take under <paramref name="minSeconds"/> in all (at most <paramref name="maxPasses"/>); the fastest
    /// pass counts, as for predictions (<see cref="ProxyTrainer.MicrosecondsPerPrediction"/>).
    /// </summary>
    public static double MillisecondsPerEvaluation(IEnvironment env, IReadOnlyList<DesignPoint> points, double minSeconds = 3, int maxPasses = 3)
    {
        if (points.Count == 0) throw new ArgumentException("timing needs at least one point");
        env.Reset(0);
        var done = env.Step(env.ActionSpace.Adopt(points[0]));
        var best = double.PositiveInfinity;
        var total = TimeSpan.Zero;
        for (var pass = 0; pass < maxPasses && (pass == 0 || total.TotalSeconds < minSeconds); pass++)
        {
            var elapsed = TimeSpan.Zero;
            foreach (var p in points)
            {
                if (done.Terminated || done.Truncated) env.Reset(0);
                var point = env.ActionSpace.Adopt(p);
                var start = Stopwatch.GetTimestamp();
                done = env.Step(point);
                elapsed += Stopwatch.GetElapsedTime(start);
            }

            total += elapsed;
            best = Math.Min(best, elapsed.TotalMilliseconds / points.Count);
        }

        return best;
    }
}
