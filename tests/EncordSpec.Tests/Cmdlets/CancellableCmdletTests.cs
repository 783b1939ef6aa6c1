using System.Management.Automation;
using System.Management.Automation.Runspaces;
using EncordSpec.Cmdlets;

namespace EncordSpec.Tests.Cmdlets;

/// <summary>Ctrl+C (PowerShell.Stop() in a host) cancels the token of a cancellable cmdlet: work waiting on it ends at
/// once, the pipeline ends as stopped, and the cmdlet is disposed.</summary>
public sealed class CancellableCmdletTests
{
    /// <summary>The smallest cancellable cmdlet: it waits on its token, as Get-CloudObject waits for a listing page.</summary>
    [Cmdlet("Wait", "ForStop")]
    public sealed class WaitForStopCommand : CancellableCmdlet
    {
        public static readonly ManualResetEventSlim Waiting = new();
        public static CancellationToken Token;
        public static bool Disposed;

        protected override void ProcessRecord()
        {
            Token = StopToken;
            Waiting.Set();
            // Without the cancellation this would end on its own after 30 seconds, and the pipeline with no error.
            UntilStopped(() => Task.Delay(TimeSpan.FromSeconds(30), StopToken).Wait(Timeout.Infinite, StopToken));
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public void Stopping_cancels_the_work_in_flight_ends_the_pipeline_as_stopped_and_disposes_the_cmdlet()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Wait-ForStop", typeof(WaitForStopCommand), null));
        using var shell = PowerShell.Create(state);
        shell.AddCommand("Wait-ForStop");

        var running = shell.BeginInvoke();
        Assert.True(WaitForStopCommand.Waiting.Wait(TimeSpan.FromSeconds(60)), "the cmdlet never started");
        Thread.Sleep(200);
        Assert.False(running.IsCompleted);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop();
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopwatch.Elapsed}");
        Assert.True(WaitForStopCommand.Token.IsCancellationRequested);
        Assert.True(WaitForStopCommand.Disposed);
    }
}
