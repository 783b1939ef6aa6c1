using System;

namespace EncordSpec.Storage;

/// <summary>How many of an SDK's retries fit in one request's time (-TimeoutSec, which bounds a request with its
/// retries): their back-offs, at their longest, may take half of it, the rest is for the requests themselves. Without
/// this the Azure and GCS back-offs (0.8 s and 1 s, doubling) outgrew the default 30 s, and a store that kept
/// throttling was reported as one that did not answer; now its own answer ends the request, and the listing tries
/// that again as the transient fault it is.</summary>
internal static class RetryBudget
{
    /// <param name="wanted">The retries asked for (-MaximumRetryCount, or the default).</param>
    /// <param name="requestTimeout">The time one request may take, its retries included.</param>
    /// <param name="firstDelay">The SDK's wait before its first retry, doubling for each next one ...</param>
    /// <param name="longestDelay">... up to this wait.</param>
    /// <param name="jitter">The share the SDK may add to a wait at random (0.2: up to 20 % more).</param>
    public static int Retries(int wanted, TimeSpan requestTimeout, TimeSpan firstDelay, TimeSpan longestDelay, double jitter = 0)
    {
        var budget = TimeSpan.FromTicks(requestTimeout.Ticks / 2);
        var waited = TimeSpan.Zero;
        int retries = 0;
        while (retries < wanted)
        {
            double delay = Math.Min(firstDelay.Ticks * Math.Pow(2, retries), longestDelay.Ticks) * (1 + jitter);
            waited += TimeSpan.FromTicks((long)delay);
            if (waited > budget)
                break;
            retries++;
        }
        return retries;
    }
}
