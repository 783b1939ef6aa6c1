using EncordSpec.Storage;

namespace EncordSpec.Tests.Storage;

/// <summary>An SDK gets only as many retries as its longest back-offs fit in half of -TimeoutSec, so a store that
/// keeps throttling is reported with its own answer rather than as a request that never came back.</summary>
public sealed class RetryBudgetTests
{
    /// <summary>GCS's back-off, written out here as the oracle: 1 s doubling, at most 32 s.</summary>
    private static TimeSpan Doubling(int retry) => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, retry - 1), 32));

    [Theory]
    [InlineData(8, 30, 4)]    // 1 + 2 + 4 + 8 = 15 s: exactly half of 30 s
    [InlineData(8, 4, 1)]     // 1 s fits in 2 s, 1 + 2 does not
    [InlineData(8, 1, 0)]     // not even the first back-off fits in half a second
    [InlineData(2, 600, 2)]   // fewer asked for than fit
    [InlineData(0, 600, 0)]   // -MaximumRetryCount 0
    [InlineData(100, 3600, 60)] // 1+2+...+32 = 63 s, then 32 s each: (1800 - 63) / 32 = 54 more
    public void Retries_are_those_asked_for_that_fit_in_half_the_time_out(int wanted, int timeoutSeconds, int expected) =>
        Assert.Equal(expected, RetryBudget.Retries(wanted, TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(32)));

    [Theory]
    [InlineData(30, 4)] // 0.96 + 1.92 + 3.84 + 7.68 = 14.4 s of 15
    [InlineData(10, 2)] // 0.96 + 1.92 = 2.88 s of 5; 3.84 more would not fit
    public void Azure_back_offs_count_with_their_20_percent_jitter(int timeoutSeconds, int expected) =>
        Assert.Equal(expected, RetryBudget.Retries(8, TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromSeconds(0.8), TimeSpan.FromMinutes(1), jitter: 0.2));

    [Fact]
    public void The_back_offs_of_the_retries_given_never_exceed_half_the_time_out_and_one_more_would()
    {
        for (int timeout = 1; timeout <= 3600; timeout += 7)
        {
            int retries = RetryBudget.Retries(100, TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(32));
            double waited = Enumerable.Range(1, retries).Sum(n => Doubling(n).TotalSeconds);
            Assert.True(waited <= timeout / 2.0, $"{retries} retries wait {waited} s, more than half of {timeout} s");
            if (retries < 100)
                Assert.True(waited + Doubling(retries + 1).TotalSeconds > timeout / 2.0, $"one more retry than {retries} would still fit in half of {timeout} s");
        }
    }
}
