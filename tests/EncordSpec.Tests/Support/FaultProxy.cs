using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EncordSpec.Tests.Support;

/// <summary>A proxy on 127.0.0.1 in front of an emulator, for faults the emulators cannot produce: it answers chosen
/// requests itself, with the provider's throttling error (the first attempts of every distinct request: same method
/// and URL, as a retry resends it) or its refusal, and forwards the rest, optionally after holding them for a while
/// (requests in flight). One request per forwarded connection: the forwarded answer closes it.</summary>
public sealed class FaultProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Uri upstream;
    private readonly byte[]? fault;
    private readonly Func<int, int, bool> injects;
    private readonly TimeSpan hold;
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private int requests;
    private int injected;

    /// <param name="injects">Given the request's number (from 1, retries counted) and its attempt (from 1): answer it with the fault?</param>
    private FaultProxy(string upstreamUrl, byte[]? fault, Func<int, int, bool> injects, TimeSpan hold)
    {
        upstream = new Uri(upstreamUrl);
        this.fault = fault;
        this.injects = injects;
        this.hold = hold;
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Answers the first <paramref name="failures"/> attempts of each request as the provider throttles:
    /// S3 503 SlowDown, Azure 503 ServerBusy, GCS 429.</summary>
    public static FaultProxy Throttling(CloudProvider provider, string upstreamUrl, int failures) =>
        new(upstreamUrl, Answer(provider, throttling: true), (_, attempt) => attempt <= failures, TimeSpan.Zero);

    /// <summary>Forwards the first <paramref name="allowed"/> requests and refuses every later one as the provider
    /// refuses credentials (403, not retried).</summary>
    public static FaultProxy DenyingAfter(CloudProvider provider, string upstreamUrl, int allowed) =>
        new(upstreamUrl, Answer(provider, throttling: false), (number, _) => number > allowed, TimeSpan.Zero);

    /// <summary>Forwards every request after holding it for <paramref name="hold"/>.</summary>
    public static FaultProxy Slow(string upstreamUrl, TimeSpan hold) => new(upstreamUrl, null, (_, _) => false, hold);

    /// <summary>The proxy's address with the upstream URL's path (Azurite's account segment).</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{upstream.AbsolutePath.TrimEnd('/')}";

    public int Requests => Volatile.Read(ref requests);
    public int Injected => Volatile.Read(ref injected);
    /// <summary>The most attempts any one request took.</summary>
    public int MostAttempts => attempts.IsEmpty ? 0 : attempts.Values.Max();

    private static byte[] Answer(CloudProvider provider, bool throttling)
    {
        (int status, string reason, string type, string extraHeader, string body) = (provider, throttling) switch
        {
            (CloudProvider.Azure, true) => (503, "The server is busy.", "application/xml", "x-ms-error-code: ServerBusy\r\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>The server is busy.</Message></Error>"),
            (CloudProvider.Azure, false) => (403, "Server failed to authenticate the request.", "application/xml", "x-ms-error-code: AuthenticationFailed\r\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message></Error>"),
            (CloudProvider.GCS, true) => (429, "Too Many Requests", "application/json; charset=UTF-8", "",
                "{\"error\":{\"code\":429,\"message\":\"The rate of requests is too high.\",\"errors\":[{\"message\":\"The rate of requests is too high.\",\"domain\":\"usageLimits\",\"reason\":\"rateLimitExceeded\"}]}}"),
            (CloudProvider.GCS, false) => (403, "Forbidden", "application/json; charset=UTF-8", "",
                "{\"error\":{\"code\":403,\"message\":\"The caller does not have storage.objects.list access.\",\"errors\":[{\"message\":\"denied\",\"domain\":\"global\",\"reason\":\"forbidden\"}]}}"),
            (_, true) => (503, "Slow Down", "application/xml", "",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>0</RequestId><HostId>0</HostId></Error>"),
            _ => (403, "Forbidden", "application/xml", "",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>0</RequestId><HostId>0</HostId></Error>"),
        };
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        string head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {type}\r\n{extraHeader}Content-Length: {bytes.Length}\r\n\r\n";
        return Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
                _ = ServeAsync(await listener.AcceptTcpClientAsync(stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                while (await HttpHead.ReadAsync(stream, stop.Token) is { } request)
                {
                    int number = Interlocked.Increment(ref requests);
                    string requestLine = request.Head.Substring(0, request.Head.IndexOf("\r\n", StringComparison.Ordinal));
                    int attempt = attempts.AddOrUpdate(requestLine, 1, (_, n) => n + 1);
                    if (fault is not null && injects(number, attempt))
                    {
                        Interlocked.Increment(ref injected);
                        await stream.WriteAsync(fault, stop.Token);
                        continue; // keep-alive: the client sends its retry on this connection or another
                    }
                    if (hold > TimeSpan.Zero)
                        await Task.Delay(hold, stop.Token);
                    await ForwardAsync(request, stream);
                    return;
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task ForwardAsync(HttpHead request, NetworkStream client)
    {
        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, upstream.Port, stop.Token);
        var upstreamStream = server.GetStream();
        await upstreamStream.WriteAsync(Encoding.ASCII.GetBytes(WithConnectionClose(request.Head)), stop.Token);
        await upstreamStream.WriteAsync(request.Rest, stop.Token);
        await upstreamStream.CopyToAsync(client, stop.Token);
    }

    /// <summary>The head with "Connection: close", so the upstream's answer ends where its connection does.</summary>
    private static string WithConnectionClose(string head)
    {
        var lines = head.Split("\r\n").Where(l => !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)).ToList();
        lines.Insert(1, "Connection: close");
        return string.Join("\r\n", lines);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }
}

/// <summary>An HTTP/1.1 request head read off a connection, and the bytes after it (the body, for GET requests none).</summary>
public sealed class HttpHead
{
    private HttpHead(string head, byte[] rest)
    {
        Head = head;
        Rest = rest;
    }

    /// <summary>Request line and headers, ending with the blank line.</summary>
    public string Head { get; }
    public byte[] Rest { get; }

    /// <summary>The next request head, or null when the client closed the connection.</summary>
    public static async Task<HttpHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        var received = new MemoryStream();
        while (true)
        {
            int read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
                return null;
            received.Write(buffer, 0, read);
            string text = Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)received.Length);
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
                return new HttpHead(text.Substring(0, end + 4), received.ToArray()[(end + 4)..]);
        }
    }
}
