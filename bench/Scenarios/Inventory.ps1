# Reading an S3 Inventory report of 5,000,000 objects (gzipped CSV over 10 data files, in no key order) into
# New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec: time and peak memory, beside listing objects from s3rver
# through the same pipeline. Seeding millions of objects into s3rver takes hours (about 800 a second), so the live
# side lists 20,000 objects and its time per object is what the rows compare (see bench/README.md).

$inventoryRoot = Join-Path $WorkDir 'inventory-5m'
$manifest = Join-Path $inventoryRoot 'bench-src/daily/2026-01-01T00-00Z/manifest.json'
if (-not (Test-Path $manifest)) {
    & $Python (Join-Path $BenchDir 'peers/make_inventory.py') $inventoryRoot 'bench-src' 5000000 1000 10 | Out-Null
    if ($LASTEXITCODE) { throw 'make_inventory.py failed' }
}
$spec = Join-Path $WorkDir 'inventory-groups.json'
$rows = @()
$rows += Measure-Reference -Scenario 'Inventory 5,000,000 rows -> folder groups spec' -Runs $Runs -WorkingDirectory $RepoRoot `
    -Command (Get-OursCommand ("Get-CloudObject -Provider S3 -InventoryManifest '$manifest' -Region eu-west-2 | " +
        "New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path '$spec' -Force"))

. (Join-Path $RepoRoot 'tests/Emulators/Emulators.ps1')
Start-TestEmulators -Name S3
try {
    $seeded = & dotnet $env:ENCORDSPEC_SEEDER seed S3 bench-inventory-live 'grid:20:1000'
    if ($LASTEXITCODE) { throw 'Seeding s3rver failed.' }
    $live = "Get-CloudObject -Provider S3 -Bucket bench-inventory-live -EndpointUrl '$env:ENCORDSPEC_S3_ENDPOINT' -AccessKey S3RVER -SecretKey S3RVER -Region eu-west-2"
    $rows += Measure-Reference -Scenario 's3rver listing 20,000 objects -> folder groups spec' -Runs $Runs -WorkingDirectory $RepoRoot `
        -Command (Get-OursCommand "$live | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path '$spec' -Force")
    $small = Join-Path $WorkDir 'inventory-20k'
    $smallManifest = & $Python (Join-Path $BenchDir 'peers/make_inventory.py') $small 'bench-src' 20000 1000 4
    $rows += Measure-Reference -Scenario 'Inventory 20,000 rows -> folder groups spec' -Runs $Runs -WorkingDirectory $RepoRoot `
        -Command (Get-OursCommand ("Get-CloudObject -Provider S3 -InventoryManifest '$smallManifest' -Region eu-west-2 | " +
            "New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path '$spec' -Force"))
}
finally { Stop-TestEmulators }
$rows
