using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EncordSpec.Storage;

/// <summary>The Azure SDK's exponential retry policy (0.8 s doubling, at most a minute apart, honouring Retry-After)
/// with the retries -MaximumRetryCount allows, except that a server which refuses the connection or a host name that
/// does not resolve is tried only twice more: with the full eight retries an unreachable endpoint took almost three
/// minutes to report.</summary>
internal sealed class AzureRetryPolicy : RetryPolicy
{
    private const int UnreachableRetries = 2;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(0.8);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(1);

    /// <param name="maxRetries">The retries asked for; as many of them are made as fit in <paramref name="requestTimeout"/> (<see cref="RetryBudget"/>).</param>
    public AzureRetryPolicy(int maxRetries, TimeSpan requestTimeout)
        : base(RetryBudget.Retries(maxRetries, requestTimeout, LongestDelayBefore), DelayStrategy.CreateExponentialDelayStrategy(FirstDelay, LongestDelay))
    {
    }

    /// <summary>The SDK's delay before retry n: 0.8 s doubling, up to a minute, then up to 20 % more for jitter.</summary>
    private static TimeSpan LongestDelayBefore(int retry) =>
        TimeSpan.FromTicks((long)(Math.Min(FirstDelay.Ticks * Math.Pow(2, retry - 1), LongestDelay.Ticks) * 1.2));

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !GivenUp(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && !GivenUp(message, exception);

    private static bool GivenUp(HttpMessage message, Exception? exception) =>
        message.ProcessingContext.RetryNumber >= UnreachableRetries && IsUnreachable(exception);

    private static bool IsUnreachable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData })
                return true;
        return false;
    }
}
