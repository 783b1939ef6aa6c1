using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EncordSpec.Media;
using EncordSpec.Storage;
using EncordSpec.Storage.Media;
using EncordSpec.TestSeeder;

namespace EncordSpec.Tests.Media;

/// <summary>MediaMetadataReader as Get-CloudObject -MediaMetadata drives it, against a store that does not answer.</summary>
public sealed class MediaMetadataReaderTests
{
    [Fact]
    public void Cancelling_stops_the_reading_at_once_while_the_store_does_not_answer()
    {
        // A socket that accepts connections (the kernel does, up to its backlog) and never answers.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            using var lister = new S3ObjectLister(new CloudListerOptions(CloudProvider.S3, "b")
            {
                EndpointUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}",
                Region = "eu-west-2",
                AccessKey = EmulatorEndpoints.S3AccessKey,
                SecretKey = EmulatorEndpoints.S3SecretKey,
            });
            var listed = Enumerable.Range(0, 20)
                .Select(n => new CloudObject(CloudProvider.S3, "b", $"img-{n}.png") { Size = 1000, DataType = DataType.Image }).ToList();
            using var stop = new CancellationTokenSource();
            var reader = new MediaMetadataReader(new MediaProbe(), lister, 4);
            var reading = Task.Run(() => reader.ReadListing(listed, stop.Token).ToList());

            Assert.True(SpinWait.SpinUntil(silent.Pending, TimeSpan.FromSeconds(20)), "a header read should be waiting for an answer");
            Thread.Sleep(300);
            Assert.False(reading.IsCompleted);
            var clock = Stopwatch.StartNew();
            stop.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => reading.GetAwaiter().GetResult());
            // Well under the SDK's own timeout (100 s); loose enough for a machine shared with other work.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed.TotalSeconds:N1} s");
            Assert.Equal(0, reader.Probed);
        }
        finally
        {
            silent.Stop();
        }
    }
}
