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

# A million single images exceed the platform's 500,000 items per file, so ConvertTo-EncordSpec splits them into
# spec-0001.json and spec-0002.json (with a warning); any error fails the run.
function Get-WriteCommand([string] $Pipeline) {
    Get-OursCommand ("$Pipeline -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null; " +
        "if (@(`$problems)) { `$problems | Out-String | Write-Output; exit 1 }; exit 0")
}

# The files a write to $Path produced: the plain file, or the numbered files of a split, in order.
function Get-WrittenSpecs([string] $Path) {
    if (Test-Path -LiteralPath $Path) { return @(Get-Item -LiteralPath $Path) }
    $stem = [IO.Path]::Combine([IO.Path]::GetDirectoryName($Path), [IO.Path]::GetFileNameWithoutExtension($Path))
    @(for ($number = 1; Test-Path -LiteralPath ('{0}-{1:D4}.json' -f $stem, $number); $number++) {
        Get-Item -LiteralPath ('{0}-{1:D4}.json' -f $stem, $number)
    })
}

# Earlier runs' files (one spec or a split) go first, so each run writes its own set and -Force has nothing stale to
# remove.
function Remove-WrittenSpecs([string] $Path) { Get-WrittenSpecs $Path | Remove-Item }

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
    Remove-WrittenSpecs $ourSpec
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
    Remove-WrittenSpecs $ourGroups
    $peerGroups = Join-Path $WorkDir "groups-$count-python.json"
    Measure-Pair -Scenario ("Group {0:N0} listed images by folder" -f $count) -Runs $Runs -WorkingDirectory $RepoRoot `
        -Ours (Get-WriteCommand "$listing | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path '$ourGroups' -Force") `
        -PeerName 'Python json.dump' -Peer @($Python, (Join-Path $BenchDir 'peers/write_group_spec.py'), $keys, $peerGroups) `
        @Target
    $groupCounts = @(
        (Get-WrittenSpecs $ourGroups | ForEach-Object { (Get-Content $_ -Raw | ConvertFrom-Json).image_groups.Count } | Measure-Object -Sum).Sum
        (Get-Content $peerGroups -Raw | ConvertFrom-Json).image_groups.Count
    )
    if ($groupCounts[0] -ne $count / 100 -or $groupCounts[1] -ne $count / 100) {
        throw "The group specs for $count URLs hold $($groupCounts -join ' and ') groups, not $($count / 100)."
    }

    # Our files together must hold the peer's URLs in the same order, or the figures compare different work; and no
    # file may exceed the platform's 500,000 items.
    $ourFiles = Get-WrittenSpecs $ourSpec
    $ours = @(foreach ($file in $ourFiles) {
        $images = (Get-Content $file -Raw | ConvertFrom-Json).images
        if ($images.Count -gt 500000) { throw "$($file.Name) holds $($images.Count) items, over the platform's 500,000." }
        $images.objectUrl
    })
    $theirs = (Get-Content $peerSpec -Raw | ConvertFrom-Json).images.objectUrl
    $differ = $ours.Count -ne $count -or $ours.Count -ne $theirs.Count
    for ($i = 0; -not $differ -and $i -lt $count; $i++) { $differ = $ours[$i] -cne $theirs[$i] }
    if ($differ) {
        throw "The specs written for $count URLs differ: the benchmark compares unlike work."
    }
    Write-Host ("{0:N0} URLs: {1}" -f $count, (($ourFiles | ForEach-Object { '{0} ({1:N0} MB)' -f $_.Name, ($_.Length / 1MB) }) -join ', '))
}
