using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Gpt;

/// <summary>
/// One generation request: a prompt of <see cref="PromptTokens"/> tokens is processed token by token
/// (batch 1, filling the KV cache), then <see cref="GeneratedTokens"/> tokens are generated; the KV cache
/// grows by one entry per processed token. Validated on construction.
/// </summary>
public sealed record GptWorkload
{
    public GptWorkload(GptModel Model, int PromptTokens = 64, int GeneratedTokens = 64)
    {
        this.Model = Model ?? throw new InvalidConfigException(nameof(Model), null, "a GptModel from GptCatalog");
        this.PromptTokens = PromptTokens;
        this.GeneratedTokens = GeneratedTokens;
        if (PromptTokens + GeneratedTokens > Model.ContextLength)
            throw new InvalidConfigException(nameof(GeneratedTokens), PromptTokens + GeneratedTokens,
                $"prompt + generated tokens at most {Model.ContextLength} (the context length of {Model.Name})");
    }

    public GptModel Model { get; init; }

    /// <summary>Tokens of the prompt (0 .. context length).</summary>
    public int PromptTokens { get; init => field = value >= 0 ? value : throw new InvalidConfigException(nameof(PromptTokens), value, "a whole number >= 0"); }

    /// <summary>Tokens to generate (at least 1).</summary>
    public int GeneratedTokens { get; init => field = value >= 1 ? value : throw new InvalidConfigException(nameof(GeneratedTokens), value, "a whole number >= 1"); }

    /// <summary>Catalog model by name with the given prompt and generation lengths.</summary>
    public static GptWorkload Of(string model, int promptTokens = 64, int generatedTokens = 64) =>
        new(GptCatalog.Get(model), promptTokens, generatedTokens);
}
