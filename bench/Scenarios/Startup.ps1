# Start-up: Import-Module plus a first cmdlet, above bare pwsh start-up; and the time to the first object out of
# Get-CloudObject (its first page, not the whole listing) from the 100,000-object bucket, on loopback and with 50 ms
# added per round trip, beside rclone's time to its first entry. Whole processes, as a user starts them.
Import-Module (Join-Path $BenchDir 'StorageBench.psm1') -Force
$bare = @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', "'gs://bucket/a.jpg' | Out-Null")
Measure-Pair -Scenario 'Import-Module' -Runs $Runs -WorkingDirectory $RepoRoot `
    -Ours (Get-OursCommand "'gs://bucket/a.jpg' | Out-Null") -PeerName 'bare pwsh' -Peer $bare
Measure-Pair -Scenario 'Import-Module + ConvertTo-EncordSpec' -Runs $Runs -WorkingDirectory $RepoRoot `
    -Ours (Get-OursCommand "'gs://bucket/a.jpg' | ConvertTo-EncordSpec | Out-Null") -PeerName 'bare pwsh' -Peer $bare `
    -Target '< 1 s above bare pwsh' -IsMet {
        param($row)
        $above = $row.OursSeconds - $row.PeerSeconds
        if ($above -lt 1) { 'yes: +{0:N2} s' -f $above } else { 'NO: +{0:N2} s, {1:N2} s over' -f $above, ($above - 1) }
    }

Install-Rclone
$storage = Start-BenchStorage
try {
    $rcloneConfig = Join-Path $WorkDir 'rclone-startup.conf'
    foreach ($store in Get-BenchStore $storage $rcloneConfig) {
        # rclone prints '[' and then one entry per line: two lines hold its first entry.
        Measure-Pair -Scenario "First object, $($store.Provider), $($store.Where)" -Runs $Runs -WorkingDirectory $RepoRoot `
            -Ours (Get-OursCommand "Get-CloudObject $(Get-GetCloudObjectArguments $store.Provider $store.Endpoint) | Select-Object -First 1 | Out-Null") `
            -PeerName 'rclone lsjson -R | head -2' -Peer (Get-RcloneCommand $rcloneConfig $store.Remote '| head -n 2 > /dev/null')
    }
}
finally {
    Stop-BenchStorage
}
