using System;
using System.Management.Automation;
using System.Threading;

namespace EncordSpec.Cmdlets;

/// <summary>A cmdlet whose work honours Ctrl+C through a cancellation token: PowerShell calls
/// <see cref="StopProcessing"/> on another thread, which cancels <see cref="StopToken"/>, and the work in flight (a
/// listing request, a spec being read) ends at once instead of at its next output.</summary>
public abstract class CancellableCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
    protected CancellationToken StopToken => stopping.Token;

    protected override void StopProcessing() => stopping.Cancel();

    /// <summary>Runs work that honours <see cref="StopToken"/>; a cancellation it throws because of Ctrl+C leaves as
    /// PipelineStoppedException, which is how PowerShell expects a stopped command to end.</summary>
    private protected T UntilStopped<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            stopping.Dispose();
    }
}
