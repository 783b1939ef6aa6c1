# Get-CloudObject -MediaMetadata over 10,000 images with 50 ms round trips: the listing store (listing-store/) holds
# keys whose bodies are the real small PNG, JPEG and WebP files of tests/Data/Media and answers S3 GetObject with a
# Range, behind latency-proxy.js. Each image costs one ranged GET of its first 4 KB, -ThrottleLimit at a time, while
# the listing goes on. Beside it, the same listing without -MediaMetadata: what the header reads add.
Import-Module (Join-Path $BenchDir 'StorageBench.psm1') -Force

$imageCount = 10000
$bucket = 'images-10k'
try {
    $endpoint = Start-LatencyProxy (Start-ListingStore -Bucket "$bucket=images:${imageCount}:$(Join-Path $RepoRoot 'tests/Data/Media')") -RoundTripMilliseconds 50
    $arguments = Get-GetCloudObjectArguments S3 $endpoint -Bucket $bucket
    # Every image must come out with its width read, or the run failed.
    $countRead = "`$n = (Get-CloudObject $arguments -MediaMetadata -ThrottleLimit THROTTLE | Where-Object { `$_.MediaMetadata.Width -gt 0 } | Measure-Object).Count; if (`$n -ne $imageCount) { throw ""read `$n image headers, not $imageCount"" }"
    $listOnly = Get-OursCommand "`$n = (Get-CloudObject $arguments | Measure-Object).Count; if (`$n -ne $imageCount) { throw ""counted `$n objects, not $imageCount"" }"
    foreach ($throttle in 8, 32) {
        Measure-Pair -Scenario ("-MediaMetadata, {0:N0} images, S3, 50 ms, -ThrottleLimit {1}" -f $imageCount, $throttle) -Runs $Runs -WorkingDirectory $RepoRoot `
            -Ours (Get-OursCommand $countRead.Replace('THROTTLE', "$throttle")) -PeerName 'the listing alone' -Peer $listOnly -Objects $imageCount
    }
}
finally {
    Stop-BenchStorage
}
