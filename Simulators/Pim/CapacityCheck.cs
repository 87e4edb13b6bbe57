using ArchGym.Simulators.Common;
using ArchGym.Simulators.Pim.Mapping;

namespace ArchGym.Simulators.Pim;

/// <summary>
/// Rows each bank must hold for a placement: a unit's segments take ceil(length / elements-per-column) columns,
/// concatenated into rows when packed, else each segment rounded up to whole rows; a register-file unit spreads
/// its columns over its two banks (even and odd input tiles). Throws when the busiest bank overflows.
/// </summary>
internal static class CapacityCheck
{
    public static long RowsPerBank(in VmmOp op, VmmPartition partition, PimGeometry geometry)
    {
        if (partition.OnAsic)
        {
            long bytes = op.Macs * PimGeometry.ElementBytes;
            long banks = (long)geometry.Channels * geometry.BanksPerChannel;
            return (bytes + geometry.Device.RowBytes * banks - 1) / (geometry.Device.RowBytes * banks);
        }
        long worst = 0;
        foreach (var work in WorkAssignment.Build(op, partition, geometry))
        {
            long columns = 0, rows = 0;
            foreach (var window in work.Windows)
            {
                long segmentColumns = MappingPolicies.Ceil(window.SliceLength, geometry.ElementsPerColumn);
                columns += window.SegmentsPerUnit * segmentColumns;
                rows += window.SegmentsPerUnit * ((segmentColumns + geometry.ColumnsPerRow - 1) / geometry.ColumnsPerRow);
            }
            long perUnit = work.PackedRows ? (columns + geometry.ColumnsPerRow - 1) / geometry.ColumnsPerRow : rows;
            worst = Math.Max(worst, (perUnit + geometry.Device.Unit.BanksPerUnit - 1) / geometry.Device.Unit.BanksPerUnit);
        }
        return worst;
    }

    public static void Require(long rowsPerBank, PimGeometry geometry, string what)
    {
        if (rowsPerBank <= geometry.RowsPerBank) return;
        throw new InvalidConfigException("model", what,
            $"operands that fit the device: they need {rowsPerBank} rows per bank, {geometry.Device.Name} with "
            + $"{geometry.Channels} channel(s) x {geometry.BanksPerChannel} banks has {geometry.RowsPerBank} "
            + $"(about {(double)rowsPerBank / geometry.RowsPerBank * geometry.Channels:F0}+ channels needed)");
    }
}
