# Listing 100,000 objects over 100 folders from s3rver and Azurite: Get-CloudObject (its default, 8 requests at a
# time) vs rclone lsjson -R --no-modtime --no-mimetype (its default, 8 checkers), both counting the same objects. Once
# on plain loopback, once through a proxy that adds 50 ms to every round trip, as a cloud endpoint would.
Import-Module (Join-Path $BenchDir 'StorageBench.psm1') -Force
Install-Rclone
$storage = Start-BenchStorage
try {
    $rcloneConfig = Join-Path $WorkDir 'rclone.conf'
    foreach ($store in Get-BenchStore $storage $rcloneConfig) {
        $provider, $roundTrip, $where, $remote = $store.Provider, $store.RoundTrip, $store.Where, $store.Remote
        $arguments = Get-GetCloudObjectArguments $provider $store.Endpoint
        $count = "`$n = (Get-CloudObject $arguments{0} | Measure-Object).Count; if (`$n -ne $BenchObjects) {{ throw ""counted `$n objects, not $BenchObjects"" }}"

        # Both sides must count the same objects, or the figures compare unlike work.
        $listed = Join-Path $WorkDir "rclone-$remote.json"
        $check = Invoke-Measured -Command (Get-RcloneCommand $rcloneConfig $remote "> '$listed'")
        $files = & $Python -c "import json,sys; print(sum(1 for e in json.load(open(sys.argv[1])) if not e['IsDir']))" $listed
        if ($check.ExitCode -ne 0 -or [int]$files -ne $BenchObjects) { throw "rclone listed $files objects from $provider, not $BenchObjects`n$($check.Output)" }

        $target, $isMet = if ($roundTrip) {
            '>= 2x faster than rclone', { param($row) if ($row.SpeedRatio -ge 2) { 'yes' } else { 'NO: {0}x, not 2x' -f $row.SpeedRatio } }
        }
        else {
            'no slower than rclone', { param($row) if ($row.OursSeconds -le $row.PeerSeconds) { 'yes' } else { 'NO: {0:P0} slower' -f ($row.OursSeconds / $row.PeerSeconds - 1) } }
        }
        Measure-Pair -Scenario ("List {0:N0}, {1}, {2}" -f $BenchObjects, $provider, $where) -Runs $Runs -WorkingDirectory $RepoRoot `
            -Ours (Get-OursCommand ($count -f '')) -PeerName 'rclone lsjson -R' -Peer (Get-RcloneCommand $rcloneConfig $remote) `
            -Target $target -IsMet $isMet
        if ($roundTrip -and $provider -eq 'S3') {
            # What parallel listing gains, and what more requests in flight would: figures only, no target.
            foreach ($throttle in 1, 32) {
                Measure-Pair -Scenario ("List {0:N0}, {1}, {2}, -ThrottleLimit {3}" -f $BenchObjects, $provider, $where, $throttle) -Runs $Runs `
                    -WorkingDirectory $RepoRoot -Ours (Get-OursCommand ($count -f " -ThrottleLimit $throttle")) `
                    -PeerName 'rclone lsjson -R' -Peer (Get-RcloneCommand $rcloneConfig $remote)
            }
        }
    }
}
finally {
    Stop-BenchStorage
}
