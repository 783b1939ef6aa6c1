<#
.SYNOPSIS
    Runs EncordSpec's benchmarks and prints our figures beside the alternatives' (wall time and peak RSS of the whole
    process, medians of alternating runs, and their ratios).
.DESCRIPTION
    Scenarios (bench/Scenarios/*.ps1, each returns result rows):
      Write     1,000,000 (and 100,000) image URLs from a text file to a JSON spec, vs the format page's Python approach.
      Inventory S3 Inventory reports of 20,000, 1,000,000 and 5,000,000 objects (and 1,000,000 in random order) into
                New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec, beside a 20,000-object s3rver listing
                through the same pipeline (opt-in: -BenchScenario Inventory).
      Validate  Test-EncordSpec on those specs and on a 100,000-group spec, vs a Python json.load check.
      List      Get-CloudObject vs rclone lsjson, plain and with 50 ms added per round trip: from the listing store
                (S3, Azure, GCS answered at no cost of their own; 200,000 flat keys, 100,000 over 100 folders), and
                from s3rver and Azurite (100,000 objects over 100 folders).
      Media     Get-CloudObject -MediaMetadata over 10,000 real small images in the listing store with 50 ms round
                trips (a ranged GET of each image's header), beside the same listing without -MediaMetadata.
      Startup   Import-Module plus a first cmdlet, above bare pwsh start-up; time to the first listed object.
    Work files go to bench/work (git-ignored). Run it through build.ps1 -Task Bench, which builds the module first.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Bench
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Bench -BenchScenario Write -BenchRuns 5
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    # Comma-separated when passed through pwsh -File.
    [string[]] $Scenario = @('Write', 'Validate', 'List', 'Media', 'Startup'),
    [ValidateRange(1, 20)] [int] $Runs = 3
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$Scenario = @($Scenario -split ',' | Where-Object { $_ })
$unknown = @($Scenario | Where-Object { $_ -notin 'Write', 'Validate', 'List', 'Media', 'Startup', 'Inventory' })
if ($unknown) { throw "Unknown scenario(s): $($unknown -join ', '). Use Write, Validate, List, Media, Startup or Inventory." }
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force

$BenchDir = $PSScriptRoot
$RepoRoot = Split-Path $BenchDir -Parent
$WorkDir = Join-Path $PSScriptRoot 'work'
$null = New-Item $WorkDir -ItemType Directory -Force
$ModulePsd1 = Join-Path $ModuleDir 'EncordSpec.psd1'
$Python = (Get-Command python3).Source

# Our side runs in a fresh pwsh from the repository's tool manifest, as users start it.
function Get-OursCommand([string] $Script) {
    @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$ModulePsd1'; $Script")
}

# The spec targets apply at a million items: faster than the peer and under 200 MB. At 100,000 items pwsh's own
# start-up (the reference row) outweighs the work, so there the row only shows that memory stays flat (< 200 MB).
function Get-ScaleTarget([int] $Count) {
    # A missed target says by how much: "NO: 1.7x slower; 230 MB, 30 over".
    $verdict = {
        param($row, [bool] $againstPython)
        $misses = @(
            if ($againstPython -and $row.OursSeconds -ge $row.PeerSeconds) { '{0:N1}x slower' -f ($row.OursSeconds / $row.PeerSeconds) }
            if ($row.OursMB -ge 200) { '{0:N0} MB, {1:N0} over' -f $row.OursMB, ($row.OursMB - 200) }
        )
        if ($misses) { 'NO: ' + ($misses -join '; ') } else { 'yes' }
    }.GetNewClosure()
    if ($Count -ge 1000000) {
        @{ Target = 'faster than Python; < 200 MB'; IsMet = { param($row) & $verdict $row $true }.GetNewClosure() }
    }
    else {
        @{ Target = '< 200 MB (flat)'; IsMet = { param($row) & $verdict $row $false }.GetNewClosure() }
    }
}

$rows = foreach ($name in $Scenario) {
    Write-Host "== $name"
    . (Join-Path $PSScriptRoot "Scenarios/$name.ps1")
}

Write-Host ''
Write-Host ("EncordSpec benchmarks, {0:yyyy-MM-dd HH:mm} UTC, {1} cores, medians of {2} alternating runs" -f [datetime]::UtcNow, [Environment]::ProcessorCount, $Runs)
Write-Host 'Speed x = peer seconds / our seconds; Mem x = peer MB / our MB (above 1: we are faster / leaner). MB = peak RSS of the whole process.'
Write-Host 'CPU s = user + system CPU of our whole process; Cores = CPU s / Ours s; k obj/CPU-s = thousands of objects listed per CPU-second (per core), obj/s = objects per second of wall time; both with pwsh start-up included.'
$rows | Format-ResultTable | Write-Host
$missed = @($rows | Where-Object { $_.Met -like 'NO*' })
if ($missed) { Write-Host ("Targets missed: {0}" -f (($missed | ForEach-Object Scenario) -join '; ')) }
