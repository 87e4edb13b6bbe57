using System.Text.Json;
using System.Text.Json.Serialization;
using ArchGym.Experiments.Cli;

namespace ArchGym.Experiments.Runner.Slurm;

/// <summary>One submission of a sweep: its array job, the shards it ran as tasks, and its merge job.</summary>
public sealed record SlurmSubmission(
    [property: JsonPropertyName("array_job")] string ArrayJob,
    [property: JsonPropertyName("tasks")] IReadOnlyList<int> Tasks,
    [property: JsonPropertyName("merge_job")] string? MergeJob);

/// <summary>
/// <c>slurm/jobs.json</c>: the shard count (fixed at the first submission, so a shard always holds
/// the same runs), the options a resume reuses, and every submission in order.
/// </summary>
public sealed record SlurmJobs(
    [property: JsonPropertyName("shards")] int Shards,
    [property: JsonPropertyName("options")] SlurmOptions Options,
    [property: JsonPropertyName("submissions")] IReadOnlyList<SlurmSubmission> Submissions)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The last submission that ran <paramref name="shard"/> as a task, or null.</summary>
    public SlurmSubmission? LastFor(int shard) => Submissions.LastOrDefault(s => s.Tasks.Contains(shard));

    public void Write(string path) => AtomicFile.Write(path, w => w.Write(JsonSerializer.Serialize(this, Json)));

    /// <summary>The record in a folder's slurm/ subfolder, or null when the sweep was never submitted to Slurm.</summary>
    public static SlurmJobs? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<SlurmJobs>(File.ReadAllText(path), Json)
                ?? throw new UserInputException($"{path}: empty; expected the sweep's Slurm submissions");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{path}: not a Slurm submission record ({e.Message})", e);
        }
    }
}
