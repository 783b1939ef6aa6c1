namespace EncordSpec.Tests.Listing;

public class SequentialListingTests
{
    [Fact]
    public void A_page_fetched_ahead_does_not_outrun_a_cancellation()
    {
        var fetchedAhead = Task.FromResult("page 2");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SequentialListing.Wait(fetchedAhead, cancel.Token));
    }

    [Fact]
    public void A_failed_request_rethrows_its_own_exception()
    {
        var failed = Task.FromException<string>(new CloudStorageException(CloudErrorKind.AccessDenied, "refused"));

        var thrown = Assert.Throws<CloudStorageException>(() => SequentialListing.Wait(failed, CancellationToken.None));
        Assert.Equal(CloudErrorKind.AccessDenied, thrown.Kind);
    }
}
