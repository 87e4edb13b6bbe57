using System.Collections.Concurrent;
using System.Diagnostics;
using ArchGym.Environments.Core;
using ArchGym.Environments.Core.Events;
using ArchGym.Environments.Core.Spaces;

namespace ArchGym.Agents.Core;

/// <summary>
/// The driver loop: ask the agent for a batch, evaluate it (in parallel across worker environment
/// instances), publish each evaluation in step order, tell the agent, until the budget is spent, the
/// agent has nothing more to ask, or the run is cancelled. The published sequence depends only on
/// the agent, the environment and the seed — never on the number of workers.
/// </summary>
public sealed class SearchLoop
{
    public SearchResult Run(Func<IEnvironment> makeEnvironment, IAgent agent, SearchOptions options, EvaluationStream stream, CancellationToken ct)
    {
        options.Validate();
        using var workers = new WorkerPool(makeEnvironment, options.Seed);
        long done = 0;
        while (done < options.Budget)
        {
            if (ct.IsCancellationRequested) return new SearchResult(done, true, false);
            var asked = agent.Ask((int)Math.Min(options.BatchSize, options.Budget - done));
            if (asked.Count == 0) return new SearchResult(done, false, true);
            var outcomes = Evaluate(workers, asked, options.Parallelism);
            var evaluations = new Evaluation[asked.Count];
            for (var i = 0; i < asked.Count; i++)
            {
                var (env, step, wall) = outcomes[i];
                evaluations[i] = new Evaluation(env.Name, env.Workload, asked[i], step.Observation.Values, step.Reward,
                    step.Info.Feasible, step.Info.InfeasibleReason, agent.Name, options.Seed, done + i, wall);
            }

            foreach (var e in evaluations) stream.Publish(e);
            done += asked.Count;
            agent.Tell(evaluations);
        }

        return new SearchResult(done, false, false);
    }

    private static (IEnvironment Env, StepResult Step, double WallMs)[] Evaluate(WorkerPool workers, IReadOnlyList<DesignPoint> points, int parallelism)
    {
        var results = new (IEnvironment, StepResult, double)[points.Count];
        if (parallelism == 1 || points.Count == 1)
        {
            for (var i = 0; i < points.Count; i++) results[i] = workers.Step(points[i]);
            return results;
        }

        Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => results[i] = workers.Step(points[i]));
        return results;
    }

    /// <summary>Environment instances, one per concurrent worker, made on demand and reset after each ended episode.</summary>
    private sealed class WorkerPool(Func<IEnvironment> make, int seed) : IDisposable
    {
        private readonly ConcurrentBag<Worker> _idle = [];
        private readonly ConcurrentQueue<Worker> _all = new();

        public (IEnvironment, StepResult, double) Step(DesignPoint point)
        {
            if (!_idle.TryTake(out var worker))
            {
                worker = new Worker(make());
                _all.Enqueue(worker);
            }

            try
            {
                if (worker.NeedsReset) worker.Env.Reset(seed);
                var clock = Stopwatch.GetTimestamp();
                var result = worker.Env.Step(point);
                var wall = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
                worker.NeedsReset = result.Terminated || result.Truncated;
                return (worker.Env, result, wall);
            }
            finally
            {
                _idle.Add(worker);
            }
        }

        public void Dispose()
        {
            while (_all.TryDequeue(out var w)) w.Env.Dispose();
        }

        private sealed class Worker(IEnvironment env)
        {
            public IEnvironment Env { get; } = env;

            public bool NeedsReset { get; set; } = true;
        }
    }
}
