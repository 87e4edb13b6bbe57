namespace ArchGym.Simulators.Common;

/// <summary>
/// The shared mechanics of the data catalogs (DRAM standards, PIM devices, GPUs): every embedded <c>*.json</c>
/// resource of one folder parsed and ordered by name, and look-up by name or alias, case-insensitively.
/// </summary>
internal static class EmbeddedCatalog
{
    /// <summary>Every embedded JSON file whose resource name contains <paramref name="folder"/> (e.g. <c>.Pim.Devices.</c>).</summary>
    public static IReadOnlyList<T> LoadAll<T>(string folder, Func<string, string, T> parse, Func<T, string> nameOf)
    {
        var assembly = typeof(EmbeddedCatalog).Assembly;
        var list = new List<T>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.Contains(folder, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(parse(reader.ReadToEnd(), resource));
        }
        list.Sort((a, b) => string.CompareOrdinal(nameOf(a), nameOf(b)));
        return list.AsReadOnly();
    }

    /// <summary>The item named <paramref name="name"/> or carrying it as an alias.</summary>
    /// <exception cref="InvalidConfigException">field <paramref name="field"/>, listing the names, when none matches.</exception>
    public static T Find<T>(IReadOnlyList<T> items, string? name, Func<T, string> nameOf, Func<T, IReadOnlyList<string>> aliasesOf, string field)
    {
        foreach (var item in items)
        {
            if (string.Equals(nameOf(item), name, StringComparison.OrdinalIgnoreCase)) return item;
            foreach (var alias in aliasesOf(item))
                if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)) return item;
        }
        throw new InvalidConfigException(field, name, string.Join(" | ", items.Select(nameOf)));
    }
}
