using System.Text;
using ArchGym.Simulators.Dram;
using ArchGym.Simulators.Workloads.Traces;
using NUnit.Framework;

namespace ArchGym.Simulators.Tests.Dram;

/// <summary>
/// A trace far larger than what the run may keep: 2 million DRAMSys-format lines (~45 MB of text,
/// 48 MB as a request list) are generated on the fly, parsed and simulated while the managed heap is
/// sampled. Reader and simulator hold a window, so the live heap must stay within 8 MB of where it
/// started (a materialised trace or per-request latency list would exceed it several times).
/// </summary>
[TestFixture, NonParallelizable]
public class StreamingMemoryTests
{
    [Test]
    public void TwoMillionRequests_InConstantMemory()
    {
        const long requests = 2_000_000;
        long baseline = GC.GetTotalMemory(forceFullCollection: true), peak = 0;
        var source = new TraceStream("generated.stl", () => new GeneratedStl(requests, every: 200_000, sample: () =>
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline)));
        var report = new DramSimulator().Run(new DramConfig("DDR4_2400_4Gb_x8", new ControllerConfig()), source);
        TestContext.Out.WriteLine($"peak live heap growth {peak / 1e6:F1} MB over {requests} requests; {report.BandwidthGBps:F2} GB/s");
        Assert.That(report.Requests, Is.EqualTo(requests));
        Assert.That(report.P99ReadLatencyCycles, Is.GreaterThan(0));
        Assert.That(peak, Is.LessThan(8_000_000));
    }

    /// <summary>An STL text stream produced as it is read: sequential 64-byte reads, one per 4 cycles.</summary>
    private sealed class GeneratedStl(long lines, long every, Action sample) : Stream
    {
        private readonly byte[] _line = new byte[64];
        private int _linePos, _lineLen;
        private long _next;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count)
            {
                if (_linePos == _lineLen)
                {
                    if (_next == lines) break;
                    if (_next % every == 0) sample();
                    _lineLen = Encoding.ASCII.GetBytes($"{_next * 4}:\tread\t0x{(_next % (1L << 26)) * 64:X}\n", _line);
                    _linePos = 0; _next++;
                }
                int n = Math.Min(count - written, _lineLen - _linePos);
                Array.Copy(_line, _linePos, buffer, offset + written, n);
                _linePos += n; written += n;
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
