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
    /// <summary>The SDK's exponential delay strategy adds up to 20 % to each wait.</summary>
    private const double SdkJitter = 0.2;

    /// <param name="maxRetries">The retries asked for; as many of them are made as fit in <paramref name="requestTimeout"/> (<see cref="RetryBudget"/>).</param>
    public AzureRetryPolicy(int maxRetries, TimeSpan requestTimeout)
        : base(RetryBudget.Retries(maxRetries, requestTimeout, FirstDelay, LongestDelay, SdkJitter), DelayStrategy.CreateExponentialDelayStrategy(FirstDelay, LongestDelay))
    {
    }

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
