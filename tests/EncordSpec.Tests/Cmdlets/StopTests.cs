using System.Management.Automation;
using System.Management.Automation.Runspaces;
using EncordSpec.Cmdlets;

namespace EncordSpec.Tests.Cmdlets;

/// <summary>Ctrl+C in a console is PowerShell.Stop() in a host: the pipeline must stop promptly and leave no spec
/// behind, neither a truncated target nor the temporary files.</summary>
public sealed class StopTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("encordspec-stop-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("", 1)]
    [InlineData("-Csv", 1)]
    // Split into files of 1,000 items: several finished files wait, sealed, when the stop comes; none may remain.
    [InlineData("-MaxItemsPerFile 1000", 3)]
    [InlineData("-Csv -MaxItemsPerFile 1000", 3)]
    public void Stopping_a_spec_write_leaves_the_folder_as_it_was(string options, int filesBeforeStop)
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("ConvertTo-EncordSpec", typeof(ConvertToEncordSpecCommand), null));
        using var shell = PowerShell.Create(state);
        string target = Path.Combine(folder, "spec.out");
        shell.AddScript($"1..100000000 | ForEach-Object {{ \"gs://bucket/frames/$_.jpg\" }} | ConvertTo-EncordSpec {options} -Path '{target}'");

        var running = shell.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // Counted once per look: section buffers of a finished spec go as its sealed file comes, so a second count
        // may be lower than the one that ended the wait.
        int seen;
        while ((seen = Directory.GetFiles(folder).Length) < filesBeforeStop && DateTime.UtcNow < deadline)
            Thread.Sleep(20);
        Assert.True(seen >= filesBeforeStop, $"{seen} files after 60 s"); // the write had started: its temporary files exist
        Thread.Sleep(300);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop();
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopwatch.Elapsed}");
        Assert.Empty(Directory.GetFiles(folder));
    }
}
