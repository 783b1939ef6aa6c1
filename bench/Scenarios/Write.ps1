# Writing a spec of N image URLs read from a text file: ConvertTo-EncordSpec vs the format page's Python approach
# (build the list, json.dump(..., indent=4)). 100k and 1M side by side show whether memory stays flat. Then the same
# from CloudObjects, and grouped by folder as a listing would feed New-EncordImageGroup (100 images per folder).

# CloudObjects as Get-CloudObject emits them, made by compiled code (bench/feeds/CloudObjectFeed.cs) from the URL
# list and numbered in one key-ordered partition like a sequential listing's, so folder groups can stream.
$feedDll = Join-Path $WorkDir 'CloudObjectFeed.dll'
Remove-Item $feedDll -ErrorAction Ignore
$compile = "Import-Module '$ModulePsd1'; Add-Type -Path '{0}' -OutputAssembly '{1}' -ReferencedAssemblies '{2}', 'netstandard'" -f
    (Join-Path $BenchDir 'feeds/CloudObjectFeed.cs'), $feedDll, (Join-Path $ModuleDir 'EncordSpec.dll')
Push-Location $RepoRoot
try { & dotnet pwsh -NoProfile -NonInteractive -Command $compile } finally { Pop-Location }
if ($LASTEXITCODE -or -not (Test-Path $feedDll)) { throw 'Compiling bench/feeds/CloudObjectFeed.cs failed.' }
$MakeCloudObjects = "Add-Type -Path '$feedDll'; [EncordSpecBench.CloudObjectFeed]::Read('{0}')"

# A million single images exceed the platform's 500,000 items per file, so ConvertTo-EncordSpec writes the file and
# then reports TooManyItems; that one error is expected, any other fails the run.
function Get-WriteCommand([string] $Pipeline) {
    Get-OursCommand ("$Pipeline -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null; " +
        "if (@(`$problems | Where-Object FullyQualifiedErrorId -notlike 'TooManyItems,*')) { `$problems | Out-String | Write-Output; exit 1 }; exit 0")
}

Measure-Reference -Scenario 'Reference: bare pwsh start-up' -Runs $Runs -WorkingDirectory $RepoRoot `
    -Command @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', 'exit 0')

foreach ($count in 100000, 1000000) {
    $keys = Join-Path $WorkDir "keys-$count.txt"
    if (-not (Test-Path $keys)) {
        & $Python (Join-Path $BenchDir 'peers/make_keys.py') $count $keys
        if ($LASTEXITCODE) { throw 'make_keys.py failed' }
    }
    $Target = Get-ScaleTarget $count
    $ourSpec = Join-Path $WorkDir "spec-$count.json"
    $peerSpec = Join-Path $WorkDir "spec-$count-python.json"

    # PowerShell's own cost of reading the file line by line, without EncordSpec: the floor for the next row.
    Measure-Reference -Scenario ("Reference: Get-Content {0:N0} lines | Out-Null" -f $count) -Runs $Runs -WorkingDirectory $RepoRoot `
        -Command @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', "Get-Content '$keys' | Out-Null")

    # As the issue words it, one line per pipeline object; then the idiomatic fast form, 1,000 lines per object.
    foreach ($readCount in 1, 1000) {
        $label = if ($readCount -eq 1) { 'Get-Content' } else { "Get-Content -ReadCount $readCount" }
        Measure-Pair -Scenario ("Write {0:N0} URLs ({1})" -f $count, $label) -Runs $Runs -WorkingDirectory $RepoRoot `
            -Ours (Get-WriteCommand "Get-Content '$keys' -ReadCount $readCount | ConvertTo-EncordSpec -Json -Path '$ourSpec' -Force") `
            -PeerName 'Python json.dump' -Peer @($Python, (Join-Path $BenchDir 'peers/write_spec.py'), $keys, $peerSpec) `
            @Target
    }

    $listing = $MakeCloudObjects -f $keys
    Measure-Pair -Scenario ("Write {0:N0} URLs from CloudObjects" -f $count) -Runs $Runs -WorkingDirectory $RepoRoot `
        -Ours (Get-WriteCommand "$listing | ConvertTo-EncordSpec -Json -Path '$ourSpec' -Force") `
        -PeerName 'Python json.dump' -Peer @($Python, (Join-Path $BenchDir 'peers/write_spec.py'), $keys, $peerSpec) `
        @Target

    $ourGroups = Join-Path $WorkDir "groups-$count.json"
    $peerGroups = Join-Path $WorkDir "groups-$count-python.json"
    Measure-Pair -Scenario ("Group {0:N0} listed images by folder" -f $count) -Runs $Runs -WorkingDirectory $RepoRoot `
        -Ours (Get-WriteCommand "$listing | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path '$ourGroups' -Force") `
        -PeerName 'Python json.dump' -Peer @($Python, (Join-Path $BenchDir 'peers/write_group_spec.py'), $keys, $peerGroups) `
        @Target
    $groupCounts = foreach ($file in $ourGroups, $peerGroups) { (Get-Content $file -Raw | ConvertFrom-Json).image_groups.Count }
    if ($groupCounts[0] -ne $count / 100 -or $groupCounts[1] -ne $count / 100) {
        throw "The group specs for $count URLs hold $($groupCounts -join ' and ') groups, not $($count / 100)."
    }

    # Both files must hold the same URLs in the same order, or the figures compare different work.
    $ours = Get-Content $ourSpec -Raw | ConvertFrom-Json
    $theirs = Get-Content $peerSpec -Raw | ConvertFrom-Json
    if ($ours.images.Count -ne $count -or $ours.images[-1].objectUrl -ne $theirs.images[-1].objectUrl) {
        throw "The specs written for $count URLs differ: the benchmark compares unlike work."
    }
}
