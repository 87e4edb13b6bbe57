using ArchGym.Simulators.Pim.Commands;
using ArchGym.Simulators.Pim.Devices;
using ArchGym.Simulators.Pim.Mapping;

namespace ArchGym.Simulators.Pim.Kernels;

/// <summary>
/// A device's command protocol for a VMM: turns one channel's <see cref="ChannelWork"/> into the column runs its
/// controller issues (the ACT/PRE follow from the rows the runs touch).
/// </summary>
internal interface IPimKernel
{
    void Build(ChannelWork work, in VmmOp op, PimGeometry geometry, List<ColumnRun> runs);
}

internal static class PimKernels
{
    private static readonly IPimKernel GlobalBuffer = new GlobalBufferKernel();
    private static readonly IPimKernel RegisterFile = new RegisterFileKernel();

    public static IPimKernel For(PimKernelStyle style) => style == PimKernelStyle.RegisterFile ? RegisterFile : GlobalBuffer;
}
