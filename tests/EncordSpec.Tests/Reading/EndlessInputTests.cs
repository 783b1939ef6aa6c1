using System.Diagnostics;
using System.Text;
using EncordSpec.Tests.Validation;

namespace EncordSpec.Tests.Reading;

/// <summary>Input that never ends and holds nothing to stop at (whitespace before or between values, empty CSV
/// lines) still stops within a second of cancellation, as Ctrl+C and Stop() ask.</summary>
public class EndlessInputTests
{
    [Theory]
    [InlineData(SpecFormat.Json, "", " ")]                                  // before the top level
    [InlineData(SpecFormat.Json, "{\"images\": [", " \t\r\n")]              // between items
    [InlineData(SpecFormat.Json, "{\"images\": [{\"objectUrl\":", "\n")]    // before a value
    [InlineData(SpecFormat.Csv, "ObjectUrl,Image group title,Create video\r\n", "\r\n")] // empty lines, which the CSV reader skips
    public async Task Reading_whitespace_forever_stops_within_a_second_of_cancellation(SpecFormat format, string start, string repeated)
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new EndlessStream(Encoding.UTF8.GetBytes(start), Encoding.UTF8.GetBytes(repeated));
        var options = new SpecReadOptions { ReadItems = true, CancellationToken = cancellation.Token, PipelineAboveBytes = long.MaxValue };
        var reading = Task.Factory.StartNew(() => SpecReader.Read(stream, format, options, new SpecReadResult()), TaskCreationOptions.LongRunning);

        // Well into the whitespace (a few buffers of it), and still reading.
        var waited = Stopwatch.StartNew();
        while (stream.BytesRead < 1024 * 1024 && !reading.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10);
        Assert.False(reading.IsCompleted, "The read ended on input that never ends: " + reading.Exception);
        long readBeforeCancelling = stream.BytesRead;
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();
        bool ended = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5))) == reading;

        Assert.True(ended, "The read did not stop within 5 s of cancellation.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stopping took {clock.Elapsed.TotalMilliseconds:N0} ms.");
        Assert.IsAssignableFrom<OperationCanceledException>(reading.Exception!.InnerException);
        Assert.True(readBeforeCancelling >= 1024 * 1024, $"Only {readBeforeCancelling} bytes were read in 30 s.");
    }

    /// <summary>Gives <c>start</c>, then <c>repeated</c> over and over, forever.</summary>
    private sealed class EndlessStream : ForwardOnlyStream
    {
        private readonly byte[] start;
        private readonly byte[] repeated;
        private long position;

        public EndlessStream(byte[] start, byte[] repeated)
        {
            this.start = start;
            this.repeated = repeated;
        }

        public long BytesRead => Interlocked.Read(ref position);

        public override int Read(byte[] buffer, int offset, int count)
        {
            long at = position;
            for (int i = 0; i < count; i++, at++)
                buffer[offset + i] = at < start.Length ? start[at] : repeated[(at - start.Length) % repeated.Length];
            Interlocked.Exchange(ref position, at);
            return count;
        }
    }
}
