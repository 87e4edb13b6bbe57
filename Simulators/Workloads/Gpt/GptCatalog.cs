using ArchGym.Simulators.Common;

namespace ArchGym.Simulators.Workloads.Gpt;

/// <summary>
/// The eight GPT models PIM-GPT evaluates (Wu, Wang, Lu 2023/2024): GPT-2 small/medium/large/XL
/// (Radford et al. 2019) and GPT-3 small/medium/large/XL (Brown et al. 2020, table 2.1).
/// Names are case-insensitive; <c>gpt2</c> is an alias of <c>gpt2-small</c>.
/// </summary>
public static class GptCatalog
{
    private static readonly GptModel[] Models =
    [
        new("gpt2-small", 12, 768, 12, 1024),
        new("gpt2-medium", 24, 1024, 16, 1024),
        new("gpt2-large", 36, 1280, 20, 1024),
        new("gpt2-xl", 48, 1600, 25, 1024),
        new("gpt3-small", 12, 768, 12, 2048),
        new("gpt3-medium", 24, 1024, 16, 2048),
        new("gpt3-large", 24, 1536, 16, 2048),
        new("gpt3-xl", 24, 2048, 24, 2048),
    ];

    /// <summary>Every model, in the order above.</summary>
    public static IReadOnlyList<GptModel> All { get; } = Array.AsReadOnly(Models);

    /// <summary>Canonical names, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Array.ConvertAll(Models, m => m.Name));

    /// <summary>The model with this name (or the alias <c>gpt2</c>).</summary>
    /// <exception cref="InvalidConfigException">field <c>model</c>, listing the known names.</exception>
    public static GptModel Get(string? name)
    {
        if (string.Equals(name, "gpt2", StringComparison.OrdinalIgnoreCase)) return Models[0];
        foreach (var model in Models)
            if (string.Equals(model.Name, name, StringComparison.OrdinalIgnoreCase))
                return model;
        throw new InvalidConfigException("model", name, "one of " + string.Join(", ", Names) + " (case-insensitive)");
    }
}
