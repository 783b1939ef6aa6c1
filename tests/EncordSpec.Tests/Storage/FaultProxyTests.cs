using System.Net;
using System.Net.Http;
using System.Xml.Linq;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Storage;

/// <summary>The fault proxy does what each fault says, seen by a plain HTTP client listing an s3rver bucket through
/// it: the fault tests of the listers rely on it.</summary>
public sealed class FaultProxyTests : IClassFixture<FaultProxyTests.Bucket>
{
    public sealed class Bucket : IAsyncLifetime
    {
        public string Name { get; } = $"proxy-{Guid.NewGuid():N}".Substring(0, 20);
        public async Task InitializeAsync() => await Seeder.SeedAsync("S3", Name, SeedSets.Bulk("", 20));
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private readonly Bucket bucket;

    public FaultProxyTests(Bucket bucket) => this.bucket = bucket;

    private static string Endpoint => EmulatorEndpoints.Require(EmulatorEndpoints.S3, "ENCORDSPEC_S3_ENDPOINT");

    private Task<HttpResponseMessage> ListAsync(HttpClient http, FaultProxy proxy, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        http.GetAsync($"{proxy.Url}/{bucket.Name}?list-type=2&max-keys=10", completion);

    private static HttpClient NewClient(double timeoutSeconds = 10) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    };

    [Fact]
    public async Task Commanded_faults_hit_the_next_requests_after_the_good_ones_then_requests_are_forwarded_again()
    {
        using var proxy = FaultProxy.Forwarding(CloudProvider.S3, Endpoint);
        using var http = NewClient();
        proxy.Inject(ProxyFault.Throttle, count: 2, afterGood: 1);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
            statuses.Add((await ListAsync(http, proxy)).StatusCode);

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }, statuses);
        Assert.Equal(2, proxy.InjectedOf(ProxyFault.Throttle));
        Assert.Equal(2, proxy.Forwarded);
    }

    [Theory]
    [InlineData(ProxyFault.ServerError, HttpStatusCode.InternalServerError, "InternalError")]
    [InlineData(ProxyFault.Deny, HttpStatusCode.Forbidden, "AccessDenied")]
    [InlineData(ProxyFault.Throttle, HttpStatusCode.ServiceUnavailable, "SlowDown")]
    public async Task Error_answers_carry_the_providers_status_and_code(ProxyFault fault, HttpStatusCode status, string code)
    {
        using var proxy = FaultProxy.Forwarding(CloudProvider.S3, Endpoint);
        using var http = NewClient();
        proxy.Inject(fault, int.MaxValue);

        var answer = await ListAsync(http, proxy);

        Assert.Equal(status, answer.StatusCode);
        Assert.Contains($"<Code>{code}</Code>", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_truncated_body_is_a_complete_answer_holding_half_a_page()
    {
        using var proxy = FaultProxy.Forwarding(CloudProvider.S3, Endpoint);
        using var http = NewClient();
        string whole = await (await ListAsync(http, proxy)).Content.ReadAsStringAsync();
        proxy.Inject(ProxyFault.TruncatedBody);

        var answer = await ListAsync(http, proxy);
        string cut = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(whole.Length / 2, cut.Length);
        Assert.Contains("<Key>", cut);
        Assert.ThrowsAny<System.Xml.XmlException>(() => XDocument.Parse(cut));
    }

    [Fact]
    public async Task A_malformed_body_is_broken_xml_of_the_whole_page_length_and_more()
    {
        using var proxy = FaultProxy.Forwarding(CloudProvider.S3, Endpoint);
        using var http = NewClient();
        proxy.Inject(ProxyFault.MalformedBody);

        var answer = await ListAsync(http, proxy);
        string body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("<Key>", body);
        Assert.ThrowsAny<System.Xml.XmlException>(() => XDocument.Parse(body));
    }

    [Fact]
    public async Task A_reset_mid_body_fails_the_read_after_the_headers_came()
    {
        using var proxy = FaultProxy.Forwarding(CloudProvider.S3, Endpoint);
        using var http = NewClient();
        proxy.Inject(ProxyFault.ResetMidBody);

        var answer = await ListAsync(http, proxy, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => answer.Content.ReadAsStringAsync());
        Assert.True(error is HttpRequestException or IOException, error.ToString());
    }

    [Theory]
    [InlineData(ProxyFault.StallAfterHeaders)]
    [InlineData(ProxyFault.StallSilent)]
    public async Task A_stalled_answer_never_completes(ProxyFault fault)
    {
        using var proxy = FaultProxy.Forwarding(CloudProvider.S3, Endpoint);
        using var http = NewClient(timeoutSeconds: 1.5);
        proxy.Inject(fault);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => ListAsync(http, proxy));
        Assert.Equal(1, proxy.InjectedOf(fault));
        Assert.Equal(HttpStatusCode.OK, (await ListAsync(http, proxy)).StatusCode); // the next one is forwarded
    }
}
