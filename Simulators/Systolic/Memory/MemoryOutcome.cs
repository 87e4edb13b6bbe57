namespace ArchGym.Simulators.Systolic.Memory;

/// <summary>DRAM traffic of one operand: words and the first/last DRAM cycle (SCALE-Sim's start/stop).</summary>
public readonly record struct DramTraffic(long Words, long StartCycle, long StopCycle)
{
    /// <summary>SCALE-Sim's average DRAM bandwidth: words / (stop - start + 1).</summary>
    public double AverageWordsPerCycle => Words / (double)(StopCycle - StartCycle + 1);
}

/// <summary>What the memory system simulation yields for one layer.</summary>
internal readonly record struct MemoryOutcome(long TotalCycles, long StallCycles, DramTraffic Ifmap, DramTraffic Filter, DramTraffic Ofmap);
