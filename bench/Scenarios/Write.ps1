# Writing a spec of N image URLs read from a text file: ConvertTo-EncordSpec vs the format page's Python approach
# (build the list, json.dump(..., indent=4)). 100k and 1M side by side show whether memory stays flat.
foreach ($count in 100000, 1000000) {
    $keys = Join-Path $WorkDir "keys-$count.txt"
    if (-not (Test-Path $keys)) {
        & $Python (Join-Path $BenchDir 'peers/make_keys.py') $count $keys
        if ($LASTEXITCODE) { throw 'make_keys.py failed' }
    }
    $ourSpec = Join-Path $WorkDir "spec-$count.json"
    $peerSpec = Join-Path $WorkDir "spec-$count-python.json"

    # As the issue words it, one line per pipeline object; then the idiomatic fast form, 1,000 lines per object.
    foreach ($readCount in 1, 1000) {
        $label = if ($readCount -eq 1) { 'Get-Content' } else { "Get-Content -ReadCount $readCount" }
        Measure-Pair -Scenario ("Write {0:N0} URLs ({1})" -f $count, $label) -Runs $Runs -WorkingDirectory $RepoRoot `
            -Ours (Get-OursCommand "Get-Content '$keys' -ReadCount $readCount | ConvertTo-EncordSpec -Json -Path '$ourSpec' -Force | Out-Null") `
            -PeerName 'Python json.dump' -Peer @($Python, (Join-Path $BenchDir 'peers/write_spec.py'), $keys, $peerSpec) `
            -Target 'faster than Python; < 200 MB' -IsMet { param($row) $row.OursSeconds -lt $row.PeerSeconds -and $row.OursMB -lt 200 }
    }

    # Both files must hold the same URLs in the same order, or the figures compare different work.
    $ours = Get-Content $ourSpec -Raw | ConvertFrom-Json
    $theirs = Get-Content $peerSpec -Raw | ConvertFrom-Json
    if ($ours.images.Count -ne $count -or $ours.images[-1].objectUrl -ne $theirs.images[-1].objectUrl) {
        throw "The specs written for $count URLs differ: the benchmark compares unlike work."
    }
}
