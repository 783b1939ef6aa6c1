using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EncordSpec.Reading;

/// <summary>A file that is not a regular file (a FIFO, a device, a socket, /dev/fd/63 of a process substitution) may
/// stall: opening a FIFO waits for a writer, and a read waits for data, in system calls no cancellation reaches. This
/// stream opens and reads such a file on a worker thread and waits for it with the cancellation token, so Ctrl+C and
/// Stop() return at once; a worker still blocked is left to finish when the writer goes (or the process ends).
/// Regular files do not go through it: their reads never stall, and they stay on the fast path.</summary>
internal sealed class StallableFileStream : ForwardOnlyStream
{
    private readonly string path;
    private readonly CancellationToken cancellationToken;
    private Stream? inner;

    public StallableFileStream(string path, CancellationToken cancellationToken)
    {
        this.path = path;
        this.cancellationToken = cancellationToken;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = Task.Run(() =>
        {
            inner ??= new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            return inner.Read(buffer, offset, count);
        });
        try
        {
            read.Wait(cancellationToken);
        }
        catch (AggregateException)
        {
            // Rethrown unwrapped below.
        }
        catch (OperationCanceledException)
        {
            _ = read.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observed, whatever it comes to
            throw;
        }
        return read.GetAwaiter().GetResult();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner?.Dispose();
        base.Dispose(disposing);
    }
}
