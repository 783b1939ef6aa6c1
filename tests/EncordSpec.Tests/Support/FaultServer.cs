using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EncordSpec.Tests.Support;

/// <summary>Faults the emulators cannot produce, on 127.0.0.1 only: a server that accepts connections and never
/// answers (a request hangs until cancelled), or one that answers every request with one fixed error response
/// (the GCS emulator neither checks credentials nor reports missing buckets).</summary>
public sealed class FaultServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = new();
    private readonly CancellationTokenSource stop = new();
    private readonly byte[]? response;

    private FaultServer(byte[]? response)
    {
        this.response = response;
        listener.Start();
        _ = AcceptAsync();
    }

    public static FaultServer Silent() => new(null);

    public static FaultServer Answering(int status, string reason, string contentType, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        string head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        return new FaultServer(Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray());
    }

    /// <summary>Answers every request as <paramref name="provider"/> answers <paramref name="fault"/> (the fault
    /// proxy's answer): throttling (S3 503 SlowDown, Azure 503 ServerBusy, GCS 429), 500, or the refusal.</summary>
    public static FaultServer Answering(CloudProvider provider, ProxyFault fault) => new(FaultProxy.AnswerOf(provider, fault));

    /// <summary>An S3 list page of two objects marked truncated, with <paramref name="tokenElement"/> (a
    /// NextContinuationToken element, or nothing) where S3 puts the token.</summary>
    public static string TruncatedS3Page(string tokenElement) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
        "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name><Prefix></Prefix>" +
        $"<KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>{tokenElement}" +
        "<Contents><Key>a.jpg</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;01&quot;</ETag><Size>1</Size></Contents>" +
        "<Contents><Key>b.jpg</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;02&quot;</ETag><Size>1</Size></Contents>" +
        "</ListBucketResult>";

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    private int requests;

    /// <summary>How many requests were answered.</summary>
    public int Requests => Volatile.Read(ref requests);

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                if (response is null)
                    lock (held) held.Add(client);
                else
                    _ = AnswerAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                // Every request on the connection: an answer without Connection: close keeps it open for the retry.
                var stream = client.GetStream();
                while (await HttpHead.ReadAsync(stream, stop.Token) is not null)
                {
                    Interlocked.Increment(ref requests);
                    await stream.WriteAsync(response!, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    /// <summary>A loopback URL where nothing listens: connections are refused.</summary>
    public static string ClosedPortUrl()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (held)
            foreach (var client in held)
                client.Dispose();
    }
}
