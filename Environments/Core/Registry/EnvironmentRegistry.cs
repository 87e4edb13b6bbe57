namespace ArchGym.Environments.Core.Registry;

/// <summary>
/// Environments by id (<c>Make("systolic-v0", options)</c>), like Gymnasium's registry but an
/// ordinary object: each program builds its own, so there is no global mutable state.
/// </summary>
public sealed class EnvironmentRegistry
{
    private readonly SortedDictionary<string, EnvironmentSpec> _specs = new(StringComparer.Ordinal);

    public void Register(EnvironmentSpec spec)
    {
        if (!_specs.TryAdd(spec.Id, spec)) throw new ArgumentException($"environment '{spec.Id}' is already registered");
    }

    public bool Contains(string id) => _specs.ContainsKey(id);

    public EnvironmentSpec Get(string id) =>
        _specs.TryGetValue(id, out var spec)
            ? spec
            : throw new KeyNotFoundException($"unknown environment '{id}'; allowed: {string.Join(", ", _specs.Keys)}");

    public IReadOnlyList<EnvironmentSpec> List() => _specs.Values.ToArray();

    public IEnvironment Make(string id, EnvironmentOptions? options = null) => Get(id).Create(options ?? EnvironmentOptions.Empty);

    public IEnvironment Make(string id, IReadOnlyDictionary<string, string> options) => Make(id, new EnvironmentOptions(options));
}
