using ArchGym.Simulators.Common;
using static ArchGym.Simulators.Soc.Platform.SocResourceReader;

namespace ArchGym.Simulators.Soc.Platform;

/// <summary>Accumulates one <c>add_new_resource</c> block while the reader walks its lines.</summary>
internal sealed class ClusterBuilder
{
    private static readonly string[] DvfsModes = ["performance", "powersave", "none", "constant-<MHz>"];

    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required int Capacity { get; init; }
    public required int Functions { get; init; }
    public required string Dvfs { get; init; }
    public required int FirstPe { get; init; }
    public required string Where { get; init; }
    public int FunctionsRead { get; set; }
    public List<OperatingPoint> Opps { get; } = [];
    public List<PowerProfile> Profiles { get; } = [];
    private readonly List<string> _profileWhere = [];

    public void AddProfile(PowerProfile profile, string where)
    {
        Profiles.Add(profile);
        _profileWhere.Add(where);
    }

    /// <summary>
    /// DS3 long form "add_new_resource resource_type T resource_name N resource_ID I capacity C
    /// num_supported_functionalities F DVFS_mode D" (values at odd positions) or DS3Gym's "add_new_resource T N I C F D".
    /// </summary>
    public static ClusterBuilder FromHeader(string[] tok, int expectedId, int firstPe, string where)
    {
        string[] v;
        if (tok.Length >= 13) v = [tok[2], tok[4], tok[6], tok[8], tok[10], tok[12]];
        else if (tok.Length == 7) v = tok[1..7];
        else throw new InvalidConfigException("add_new_resource", string.Join(' ', tok),
            "'add_new_resource resource_type T resource_name N resource_ID I capacity C num_supported_functionalities F DVFS_mode D' or the 6-value short form", where);
        var id = Int(v[2], "resource_ID", where);
        if (id != expectedId) throw new InvalidConfigException("resource_ID", v[2], $"consecutive ids from 0 (expected {expectedId})", where);
        var capacity = Int(v[3], "capacity", where);
        if (capacity < 1) throw new InvalidConfigException("capacity", v[3], "an integer >= 1", where);
        var functions = Int(v[4], "num_supported_functionalities", where);
        if (functions < 0) throw new InvalidConfigException("num_supported_functionalities", v[4], "an integer >= 0", where);
        var dvfs = v[5];
        if (!(dvfs is "performance" or "powersave" or "none" || dvfs.StartsWith("constant-", StringComparison.Ordinal)))
            throw new InvalidConfigException("DVFS_mode", dvfs, string.Join(", ", DvfsModes) + " (ondemand is not modelled)", where);
        return new ClusterBuilder
        {
            Id = id, Type = v[0], Name = v[1], Capacity = capacity, Functions = functions, Dvfs = dvfs, FirstPe = firstPe, Where = where,
        };
    }

    public Cluster Build()
    {
        var opps = Opps.OrderBy(o => o.FrequencyMHz).ToArray();
        if (Dvfs.StartsWith("constant-", StringComparison.Ordinal)
            && !(int.TryParse(Dvfs.AsSpan("constant-".Length), out var f) && opps.Any(o => o.FrequencyMHz == f)))
            throw new InvalidConfigException("DVFS_mode", Dvfs, "constant-<f> with f one of the cluster's opp frequencies", Where);
        for (var i = 0; i < Profiles.Count; i++)
            if (Profiles[i].ClusterWattsByActiveCores.Count < Capacity)
                throw new InvalidConfigException("power_profile", Profiles[i].FrequencyMHz, $"one value per core ({Capacity}) for {Name}", _profileWhere[i]);
        var cluster = new Cluster(Id, Name, Type, Capacity, Dvfs, opps, Profiles.ToArray(), FirstPe);
        if (cluster.OperatingPoint is { } op && Profiles.Count > 0)
        {
            // DS3 exits when no profile covers the frequency, and needs the profile frequency's voltage (an OPP).
            var profile = cluster.SelectedProfile()
                ?? throw new InvalidConfigException("power_profile", string.Join(",", Profiles.Select(p => p.FrequencyMHz)),
                    $"a profile at or above the operating frequency {op.FrequencyMHz} MHz of {Name}", _profileWhere[^1]);
            if (!opps.Any(o => o.FrequencyMHz == profile.FrequencyMHz))
                throw new InvalidConfigException("power_profile", profile.FrequencyMHz, $"a frequency listed by an opp line of {Name}",
                    _profileWhere[Profiles.IndexOf(profile)]);
        }
        return cluster;
    }
}
