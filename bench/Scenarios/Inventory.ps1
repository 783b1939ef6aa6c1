# S3 Inventory reports (gzipped CSV over 10 data files) read into New-EncordImageGroup -GroupBy Folder |
# ConvertTo-EncordSpec, beside listing objects from s3rver through the same pipeline: time, CPU and peak memory.
# 1,000,000 and 5,000,000 rows with every file in key order (all ten overlapping, so all are merged at once) show
# whether memory stays flat as rows grow; 1,000,000 rows dealt in random order show the sort through temporary runs.
# Seeding millions of objects into s3rver takes hours (about 800 a second), so the live side lists 20,000 objects
# and the rows compare time per object (see bench/README.md).

function Get-InventoryManifest([string] $Name, [int] $Count, [string] $Order = '') {
    $root = Join-Path $WorkDir $Name
    $manifest = Join-Path $root 'bench-src/daily/2026-01-01T00-00Z/manifest.json'
    if (-not (Test-Path $manifest)) {
        & $Python (Join-Path $BenchDir 'peers/make_inventory.py') $root 'bench-src' $Count 1000 10 $Order | Out-Null
        if ($LASTEXITCODE) { throw 'make_inventory.py failed' }
    }
    $manifest
}

# Over 1,000,000 URLs the spec is split into numbered files (spec-0001.json, ...), as ConvertTo-EncordSpec does.
$spec = Join-Path $WorkDir 'inventory-groups.json'
function Get-InventoryPipeline([string] $Source) {
    Get-OursCommand "$Source | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path '$spec' -Force"
}

. (Join-Path $RepoRoot 'tests/Emulators/Emulators.ps1')
Start-TestEmulators -Name S3
try {
    $seeded = & dotnet $env:ENCORDSPEC_SEEDER seed S3 bench-inventory-live 'grid:20:1000'
    if ($LASTEXITCODE) { throw 'Seeding s3rver failed.' }
    $live = "Get-CloudObject -Provider S3 -Bucket bench-inventory-live -EndpointUrl '$env:ENCORDSPEC_S3_ENDPOINT' -AccessKey S3RVER -SecretKey S3RVER -Region eu-west-2"
    $listing = Measure-Reference -Scenario 's3rver listing 20,000 objects -> folder groups spec' -Runs $Runs `
        -WorkingDirectory $RepoRoot -Objects 20000 -Command (Get-InventoryPipeline $live)
}
finally { Stop-TestEmulators }

# The issue's Done: a report streams in bounded memory and at least as fast per object (wall time, pwsh start-up
# included) as the emulator's listing.
$listingSecondsPerObject = $listing.OursSeconds / 20000
$reports = @(
    @{ Name = 'inventory-20k'; Count = 20000; Order = ''; Label = 'in key order per file' }
    @{ Name = 'inventory-1m'; Count = 1000000; Order = ''; Label = 'in key order per file' }
    @{ Name = 'inventory-5m'; Count = 5000000; Order = ''; Label = 'in key order per file' }
    @{ Name = 'inventory-1m-shuffled'; Count = 1000000; Order = 'shuffled'; Label = 'in random order' }
)
$rows = @($listing)
foreach ($report in $reports) {
    $manifest = Get-InventoryManifest $report.Name $report.Count $report.Order
    $row = Measure-Reference -Scenario ('Inventory {0:N0} rows ({1}) -> folder groups spec' -f $report.Count, $report.Label) `
        -Runs $Runs -WorkingDirectory $RepoRoot -Objects $report.Count `
        -Command (Get-InventoryPipeline "Get-CloudObject -Provider S3 -InventoryManifest '$manifest' -Region eu-west-2")
    $times = $listingSecondsPerObject / ($row.OursSeconds / $report.Count)
    $row.Target = 'per object >= s3rver listing; < 300 MB'
    $row.Met = if ($times -ge 1 -and $row.OursMB -lt 300) { 'yes: {0:N1}x the listing''s rate' -f $times }
               else { 'NO: {0:N2}x the listing''s rate, {1:N0} MB' -f $times, $row.OursMB }
    $rows += $row
}
$rows
