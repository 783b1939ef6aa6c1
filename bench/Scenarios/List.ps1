# Listing with Get-CloudObject (its defaults: 8 requests at a time) vs rclone lsjson -R --no-modtime --no-mimetype
# (its defaults), both counting the same objects, once on plain loopback and once through a proxy that adds 50 ms to
# every round trip, as a cloud endpoint would.
#  - The listing store (listing-store/): S3, Azure and GCS answered at no cost of their own, a flat prefix of 200,000
#    keys and 100,000 keys over 100 folders; these rows show the client and the round trips, and carry the issue's
#    targets, our CPU time and objects per CPU-second.
#  - The emulators (s3rver, Azurite) with 100,000 objects over 100 folders: what they cost per page (s3rver ~0.2 CPU-s
#    per 1,000 keys) weighs on both sides; kept to compare with earlier runs.
Import-Module (Join-Path $BenchDir 'StorageBench.psm1') -Force
Install-Rclone

function Assert-RcloneLists {
    <# Both sides must count the same objects, or the figures compare unlike work: rclone lists them all once (which
       also warms the store and rclone alike before the measured runs). #>
    param([string] $Config, [string] $Remote, [string] $Bucket, [long] $Expected)
    $listed = Join-Path $WorkDir "rclone-$Remote-$Bucket.json"
    $check = Invoke-Measured -Command (Get-RcloneCommand $Config $Remote "> '$listed'" -Bucket $Bucket)
    $files = & $Python -c "import json,sys; print(sum(1 for e in json.load(open(sys.argv[1])) if not e['IsDir']))" $listed
    if ($check.ExitCode -ne 0 -or [long]$files -ne $Expected) { throw "rclone listed $files objects from ${Remote}:$Bucket, not $Expected`n$($check.Output)" }
    Remove-Item $listed
}

function Get-SpeedTarget([double] $Factor) {
    <# A target against rclone's time: no slower (1), or at least $Factor times faster; a miss says by how much. #>
    if ($Factor -le 1) {
        'no slower than rclone', { param($row) if ($row.OursSeconds -le $row.PeerSeconds) { 'yes' } else { 'NO: {0:P0} slower' -f ($row.OursSeconds / $row.PeerSeconds - 1) } }
    }
    else {
        ">= ${Factor}x faster than rclone", { param($row) if ($row.SpeedRatio -ge $Factor) { 'yes' } else { 'NO: {0}x, not {1}x' -f $row.SpeedRatio, $Factor } }.GetNewClosure()
    }
}

function Get-CountCommand([string] $Arguments, [long] $Expected) {
    <# Our side: Get-CloudObject counting what it lists, failing the run on a wrong count. #>
    Get-OursCommand "`$n = (Get-CloudObject $Arguments | Measure-Object).Count; if (`$n -ne $Expected) { throw ""counted `$n objects, not $Expected"" }"
}

try {
    # pwsh and the module's start-up, the part of every row below that is not listing.
    Measure-Reference -Scenario 'Reference: pwsh + Import-Module, no listing' -Runs $Runs -WorkingDirectory $RepoRoot -Command (Get-OursCommand "'x' | Out-Null")

    $storeConfig = Join-Path $WorkDir 'rclone-store.conf'
    foreach ($store in Get-ListingStoreTarget (Start-ListingStore) $storeConfig) {
        foreach ($layout in $StoreLayouts) {
            Assert-RcloneLists $storeConfig $store.Remote $layout.Bucket $layout.Objects
            # The issue's targets: with 50 ms round trips 4x rclone on a flat prefix, 3x over folders; on loopback no slower.
            $target, $isMet = Get-SpeedTarget $(if (-not $store.RoundTrip) { 1 } elseif ($layout.Bucket -like 'flat*') { 4 } else { 3 })
            Measure-Pair -Scenario ("Store {0}, {1}, {2}" -f $layout.Label, $store.Provider, $store.Where) -Runs $Runs -WorkingDirectory $RepoRoot `
                -Ours (Get-CountCommand (Get-GetCloudObjectArguments $store.Provider $store.Endpoint -Bucket $layout.Bucket) $layout.Objects) `
                -PeerName 'rclone lsjson -R' -Peer (Get-RcloneCommand $storeConfig $store.Remote -Bucket $layout.Bucket) `
                -Target $target -IsMet $isMet -Objects $layout.Objects
            if ($store.Provider -eq 'S3' -and $layout.Bucket -like 'flat*') {
                # Most of a one-shot listing's CPU is the JIT's dynamic PGO (see README): a module cannot turn it off
                # in the pwsh it is loaded into, a user can before starting pwsh. The same row with it off (rclone ignores it).
                Measure-Pair -Scenario ("Store {0}, {1}, {2}, DOTNET_TieredPGO=0" -f $layout.Label, $store.Provider, $store.Where) -Runs $Runs -WorkingDirectory $RepoRoot `
                    -Environment @{ DOTNET_TieredPGO = '0' } `
                    -Ours (Get-CountCommand (Get-GetCloudObjectArguments $store.Provider $store.Endpoint -Bucket $layout.Bucket) $layout.Objects) `
                    -PeerName 'rclone lsjson -R' -Peer (Get-RcloneCommand $storeConfig $store.Remote -Bucket $layout.Bucket) `
                    -Target $target -IsMet $isMet -Objects $layout.Objects
            }
        }
    }

    $storage = Start-BenchStorage
    $rcloneConfig = Join-Path $WorkDir 'rclone.conf'
    foreach ($store in Get-BenchStore $storage $rcloneConfig) {
        $provider, $roundTrip, $where, $remote = $store.Provider, $store.RoundTrip, $store.Where, $store.Remote
        $arguments = Get-GetCloudObjectArguments $provider $store.Endpoint
        Assert-RcloneLists $rcloneConfig $remote $BenchBucket $BenchObjects
        $target, $isMet = Get-SpeedTarget $(if ($roundTrip) { 2 } else { 1 })
        Measure-Pair -Scenario ("List {0:N0}, {1}, {2}" -f $BenchObjects, $provider, $where) -Runs $Runs -WorkingDirectory $RepoRoot `
            -Ours (Get-CountCommand $arguments $BenchObjects) -PeerName 'rclone lsjson -R' -Peer (Get-RcloneCommand $rcloneConfig $remote) `
            -Target $target -IsMet $isMet -Objects $BenchObjects
        if ($roundTrip -and $provider -eq 'S3') {
            # What parallel listing gains, and what more requests in flight would: figures only, no target.
            foreach ($throttle in 1, 32) {
                Measure-Pair -Scenario ("List {0:N0}, {1}, {2}, -ThrottleLimit {3}" -f $BenchObjects, $provider, $where, $throttle) -Runs $Runs `
                    -WorkingDirectory $RepoRoot -Ours (Get-CountCommand "$arguments -ThrottleLimit $throttle" $BenchObjects) `
                    -PeerName 'rclone lsjson -R' -Peer (Get-RcloneCommand $rcloneConfig $remote) -Objects $BenchObjects
            }
        }
    }
}
finally {
    Stop-BenchStorage
}
