using System.Text.Json.Serialization;

namespace ArchGym.Simulators.Dram.Standards;

/// <summary>Source-generated JSON reader for the standard files (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(DramStandardFile))]
internal sealed partial class StandardJsonContext : JsonSerializerContext;
