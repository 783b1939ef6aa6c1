#nullable enable // also when compiled with Add-Type (tests/Pester/Support/FaultProxy.ps1)
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EncordSpec;

namespace EncordSpec.Tests.Support;

/// <summary>A fault the proxy injects into a request, on command (<see cref="FaultProxy.Inject"/>).</summary>
public enum ProxyFault
{
    /// <summary>The provider's throttling answer: S3 503 SlowDown, Azure 503 ServerBusy, GCS 429.</summary>
    Throttle,
    /// <summary>The provider's 500 InternalError (GCS backendError).</summary>
    ServerError,
    /// <summary>The provider's refusal of the credentials: 403, which no SDK retries.</summary>
    Deny,
    /// <summary>The store's answer is forwarded up to the middle of its body, then the connection is reset (RST).</summary>
    ResetMidBody,
    /// <summary>The store's status line and headers are forwarded, then nothing more: the body never comes.</summary>
    StallAfterHeaders,
    /// <summary>The request is read and never answered.</summary>
    StallSilent,
    /// <summary>A complete HTTP answer whose body is the store's page cut short (Content-Length says the cut length).</summary>
    TruncatedBody,
    /// <summary>A complete HTTP answer whose page is broken XML or JSON (garbage in its middle).</summary>
    MalformedBody,
}

/// <summary>A proxy on 127.0.0.1 in front of an emulator, for faults the emulators cannot produce. On command
/// (<see cref="Inject"/>) it answers or spoils the next requests with a <see cref="ProxyFault"/>, and forwards the
/// rest. Fixed plans from the factories: the provider's throttling error for the first attempts of every distinct
/// request (same method and URL, as a retry resends it), its refusal after N requests, or every request held for a
/// while (requests in flight). One request per forwarded connection: the forwarded answer closes it. Usable from
/// xunit and, compiled with Add-Type, from Pester.</summary>
public sealed class FaultProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Uri upstream;
    private readonly CloudProvider provider;
    private readonly Func<int, int, ProxyFault?> plan;
    private readonly TimeSpan hold;
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly ConcurrentDictionary<ProxyFault, int> injectedByFault = new();
    private readonly object commandGate = new();
    private ProxyFault commanded;
    private int commandedSkip;
    private int commandedLeft;
    private int requests;
    private int injected;
    private int forwarded;

    /// <param name="plan">Given the request's number (from 1, retries counted) and its attempt (from 1): the fault to
    /// inject, or null to forward it (unless a command says otherwise).</param>
    private FaultProxy(CloudProvider provider, string upstreamUrl, Func<int, int, ProxyFault?> plan, TimeSpan hold)
    {
        this.provider = provider;
        upstream = new Uri(upstreamUrl);
        this.plan = plan;
        this.hold = hold;
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Forwards every request until told otherwise with <see cref="Inject"/>.</summary>
    public static FaultProxy Forwarding(CloudProvider provider, string upstreamUrl) =>
        new(provider, upstreamUrl, (_, _) => null, TimeSpan.Zero);

    /// <summary>Answers the first <paramref name="failures"/> attempts of each request as the provider throttles:
    /// S3 503 SlowDown, Azure 503 ServerBusy, GCS 429.</summary>
    public static FaultProxy Throttling(CloudProvider provider, string upstreamUrl, int failures) =>
        new(provider, upstreamUrl, (_, attempt) => attempt <= failures ? ProxyFault.Throttle : null, TimeSpan.Zero);

    /// <summary>Forwards the first <paramref name="allowed"/> requests and refuses every later one as the provider
    /// refuses credentials (403, not retried).</summary>
    public static FaultProxy DenyingAfter(CloudProvider provider, string upstreamUrl, int allowed) =>
        new(provider, upstreamUrl, (number, _) => number > allowed ? ProxyFault.Deny : null, TimeSpan.Zero);

    /// <summary>Forwards every request after holding it for <paramref name="hold"/>.</summary>
    public static FaultProxy Slow(string upstreamUrl, TimeSpan hold) => new(CloudProvider.S3, upstreamUrl, (_, _) => null, hold);

    /// <summary>From now on: forwards the next <paramref name="afterGood"/> requests as they are, then injects
    /// <paramref name="fault"/> into the <paramref name="count"/> requests after them (int.MaxValue: into every one),
    /// then forwards again. Replaces an earlier command.</summary>
    public void Inject(ProxyFault fault, int count = 1, int afterGood = 0)
    {
        lock (commandGate)
        {
            commanded = fault;
            commandedSkip = afterGood;
            commandedLeft = count;
        }
    }

    /// <summary>Forwards every request from now on.</summary>
    public void Heal() => Inject(ProxyFault.Throttle, 0);

    /// <summary>The proxy's address with the upstream URL's path (Azurite's account segment).</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{upstream.AbsolutePath.TrimEnd('/')}";

    /// <summary>Requests received, retries counted.</summary>
    public int Requests => Volatile.Read(ref requests);
    /// <summary>Requests a fault was injected into.</summary>
    public int Injected => Volatile.Read(ref injected);
    /// <summary>Requests forwarded to the emulator and answered as it answered.</summary>
    public int Forwarded => Volatile.Read(ref forwarded);
    /// <summary>Requests <paramref name="fault"/> was injected into.</summary>
    public int InjectedOf(ProxyFault fault) => injectedByFault.TryGetValue(fault, out int count) ? count : 0;
    /// <summary>The most attempts any one request took.</summary>
    public int MostAttempts => attempts.IsEmpty ? 0 : attempts.Values.Max();

    /// <summary>What to do with request <paramref name="number"/>: a command in force first, else the fixed plan.</summary>
    private ProxyFault? Decide(int number, int attempt)
    {
        lock (commandGate)
        {
            if (commandedSkip > 0)
            {
                commandedSkip--;
                return null;
            }
            if (commandedLeft > 0)
            {
                if (commandedLeft != int.MaxValue)
                    commandedLeft--;
                return commanded;
            }
        }
        return plan(number, attempt);
    }

    /// <summary>The provider's answer to a request the proxy answers itself (<see cref="ProxyFault.Throttle"/>,
    /// <see cref="ProxyFault.ServerError"/>, <see cref="ProxyFault.Deny"/>), as it goes on the wire; also what
    /// <see cref="FaultServer"/> answers every request with.</summary>
    public static byte[] AnswerOf(CloudProvider provider, ProxyFault fault)
    {
        (int status, string reason, string type, string extraHeader, string body) = (provider, fault) switch
        {
            (CloudProvider.Azure, ProxyFault.Throttle) => (503, "The server is busy.", "application/xml", "x-ms-error-code: ServerBusy\r\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>The server is busy.</Message></Error>"),
            (CloudProvider.Azure, ProxyFault.ServerError) => (500, "Server Error", "application/xml", "x-ms-error-code: InternalError\r\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InternalError</Code><Message>The server encountered an internal error.</Message></Error>"),
            (CloudProvider.Azure, _) => (403, "Server failed to authenticate the request.", "application/xml", "x-ms-error-code: AuthenticationFailed\r\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message></Error>"),
            (CloudProvider.GCS, ProxyFault.Throttle) => (429, "Too Many Requests", "application/json; charset=UTF-8", "",
                "{\"error\":{\"code\":429,\"message\":\"The rate of requests is too high.\",\"errors\":[{\"message\":\"The rate of requests is too high.\",\"domain\":\"usageLimits\",\"reason\":\"rateLimitExceeded\"}]}}"),
            (CloudProvider.GCS, ProxyFault.ServerError) => (500, "Internal Server Error", "application/json; charset=UTF-8", "",
                "{\"error\":{\"code\":500,\"message\":\"Backend Error\",\"errors\":[{\"message\":\"Backend Error\",\"domain\":\"global\",\"reason\":\"backendError\"}]}}"),
            (CloudProvider.GCS, _) => (403, "Forbidden", "application/json; charset=UTF-8", "",
                "{\"error\":{\"code\":403,\"message\":\"The caller does not have storage.objects.list access.\",\"errors\":[{\"message\":\"denied\",\"domain\":\"global\",\"reason\":\"forbidden\"}]}}"),
            (_, ProxyFault.Throttle) => (503, "Slow Down", "application/xml", "",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>0</RequestId><HostId>0</HostId></Error>"),
            (_, ProxyFault.ServerError) => (500, "Internal Server Error", "application/xml", "",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message><RequestId>0</RequestId><HostId>0</HostId></Error>"),
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
                    var fault = Decide(number, attempt);
                    if (fault is not null)
                    {
                        Interlocked.Increment(ref injected);
                        injectedByFault.AddOrUpdate(fault.Value, 1, (_, n) => n + 1);
                    }
                    switch (fault)
                    {
                        case ProxyFault.Throttle or ProxyFault.ServerError or ProxyFault.Deny:
                            await stream.WriteAsync(AnswerOf(provider, fault.Value), stop.Token);
                            continue; // keep-alive: the client sends its retry on this connection or another
                        case ProxyFault.StallSilent:
                            await Task.Delay(Timeout.Infinite, stop.Token);
                            return;
                        case null:
                            if (hold > TimeSpan.Zero)
                                await Task.Delay(hold, stop.Token);
                            // Counted before the copy: the client has the whole answer before CopyToAsync returns.
                            Interlocked.Increment(ref forwarded);
                            await ForwardAsync(request, stream);
                            return;
                        default:
                            await SpoilAsync(fault.Value, request, client, stream);
                            return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task ForwardAsync(HttpHead request, NetworkStream client)
    {
        using var server = await ConnectUpstreamAsync(request);
        await server.GetStream().CopyToAsync(client, stop.Token);
    }

    private async Task<TcpClient> ConnectUpstreamAsync(HttpHead request)
    {
        var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, upstream.Port, stop.Token);
        var upstreamStream = server.GetStream();
        await upstreamStream.WriteAsync(Encoding.ASCII.GetBytes(ForUpstream(request.Head)), stop.Token);
        await upstreamStream.WriteAsync(request.Rest, stop.Token);
        return server;
    }

    /// <summary>Gets the store's whole answer, then hands the client a spoiled version of it.</summary>
    private async Task SpoilAsync(ProxyFault fault, HttpHead request, TcpClient client, NetworkStream stream)
    {
        byte[] answer;
        using (var server = await ConnectUpstreamAsync(request))
        {
            using var received = new MemoryStream();
            await server.GetStream().CopyToAsync(received, stop.Token);
            answer = received.ToArray();
        }
        var (head, body) = HttpAnswer.Split(answer);
        switch (fault)
        {
            case ProxyFault.StallAfterHeaders:
                await stream.WriteAsync(HttpAnswer.Join(head, body.Length, Array.Empty<byte>()), stop.Token);
                await Task.Delay(Timeout.Infinite, stop.Token);
                break;
            case ProxyFault.ResetMidBody:
                await stream.WriteAsync(HttpAnswer.Join(head, body.Length, body.AsSpan(0, body.Length / 2).ToArray()), stop.Token);
                await stream.FlushAsync(stop.Token);
                client.LingerState = new LingerOption(true, 0); // closing now sends RST, not FIN
                client.Close();
                break;
            case ProxyFault.TruncatedBody:
                byte[] cut = body.AsSpan(0, body.Length / 2).ToArray();
                await stream.WriteAsync(HttpAnswer.Join(head, cut.Length, cut), stop.Token);
                break;
            case ProxyFault.MalformedBody:
                byte[] broken = body.Take(body.Length / 2).Concat(Encoding.ASCII.GetBytes("<\"{]>&;\0")).Concat(body.Skip(body.Length / 2)).ToArray();
                await stream.WriteAsync(HttpAnswer.Join(head, broken.Length, broken), stop.Token);
                break;
        }
    }

    /// <summary>The head with "Connection: close", so the upstream's answer ends where its connection does, and
    /// without Accept-Encoding, so the page comes uncompressed (a spoiled page is spoiled XML or JSON).</summary>
    private static string ForUpstream(string head)
    {
        var lines = head.Split("\r\n").Where(l => !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)
                                                  && !l.StartsWith("Accept-Encoding:", StringComparison.OrdinalIgnoreCase)).ToList();
        lines.Insert(1, "Connection: close");
        return string.Join("\r\n", lines);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }
}

/// <summary>An HTTP/1.1 answer taken apart and put back together with another body.</summary>
internal static class HttpAnswer
{
    /// <summary>The head (status line and headers, without the blank line) and the body, de-chunked.</summary>
    public static (string Head, byte[] Body) Split(byte[] answer)
    {
        string text = Encoding.ASCII.GetString(answer);
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return (text.TrimEnd(), Array.Empty<byte>());
        string head = text.Substring(0, end);
        byte[] body = answer[(end + 4)..];
        if (head.Split("\r\n").Any(l => l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && l.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
            body = Dechunk(body);
        return (head, body);
    }

    /// <summary>The head with Content-Length <paramref name="contentLength"/> (and no chunking), then <paramref name="body"/>.</summary>
    public static byte[] Join(string head, int contentLength, byte[] body)
    {
        var lines = head.Split("\r\n").Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                                                  && !l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase)
                                                  && !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)).ToList();
        lines.Add($"Content-Length: {contentLength}");
        lines.Add("Connection: close");
        return Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n").Concat(body).ToArray();
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        int position = 0;
        while (position < chunked.Length)
        {
            int lineEnd = IndexOf(chunked, position);
            if (lineEnd < 0)
                break;
            string sizeText = Encoding.ASCII.GetString(chunked, position, lineEnd - position).Split(';')[0].Trim();
            int size = Convert.ToInt32(sizeText, 16);
            if (size == 0)
                break;
            body.Write(chunked, lineEnd + 2, Math.Min(size, chunked.Length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return body.ToArray();
    }

    private static int IndexOf(byte[] bytes, int from)
    {
        for (int i = from; i + 1 < bytes.Length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
                return i;
        return -1;
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
