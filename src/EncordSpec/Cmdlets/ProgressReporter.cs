using System;
using System.Diagnostics;
using System.Management.Automation;

namespace EncordSpec.Cmdlets;

/// <summary>Write-Progress for long runs, at most a few times a second, and only in interactive sessions:
/// a runbook or CI log would otherwise record every update.</summary>
internal sealed class ProgressReporter
{
    private static readonly long IntervalTicks = Stopwatch.Frequency / 4;
    private readonly Cmdlet cmdlet;
    private readonly ProgressRecord record;
    private readonly bool enabled;
    private long lastTicks;
    private bool shown;

    public ProgressReporter(Cmdlet cmdlet, int activityId, string activity)
    {
        this.cmdlet = cmdlet;
        record = new ProgressRecord(activityId, activity, "Starting");
        enabled = IsInteractive();
    }

    /// <summary>True when a person is likely watching: a user session whose input is not redirected.</summary>
    public static bool IsInteractive() => Environment.UserInteractive && !Console.IsInputRedirected;

    public void Report(long count, string what)
    {
        if (IsDue())
            Show($"{count:N0} {what}");
    }

    /// <summary>Two counts of one run, such as objects probed and objects listed: "120 probed, 160 listed ...".</summary>
    public void Report(long count, string what, long secondCount, string secondWhat)
    {
        if (IsDue())
            Show($"{count:N0} {what}, {secondCount:N0} {secondWhat}");
    }

    private bool IsDue()
    {
        if (!enabled) return false;
        long now = Stopwatch.GetTimestamp();
        if (shown && now - lastTicks < IntervalTicks) return false;
        lastTicks = now;
        return true;
    }

    private void Show(string status)
    {
        shown = true;
        record.StatusDescription = status;
        cmdlet.WriteProgress(record);
    }

    public void Complete()
    {
        if (!shown) return;
        record.RecordType = ProgressRecordType.Completed;
        cmdlet.WriteProgress(record);
    }
}
