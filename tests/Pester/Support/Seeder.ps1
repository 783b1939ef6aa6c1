# Seeds an emulator bucket through the official SDKs (tests/EncordSpec.TestSeeder, built by Start-TestEmulators) and
# returns what it stored: [{ Key, Size, ContentType }]. Dot-sourced by the Pester files that list seeded buckets.
function Invoke-Seeder([string] $Provider, [string] $Bucket, [string] $Sets) {
    $json = & dotnet $env:ENCORDSPEC_SEEDER seed $Provider $Bucket $Sets
    if ($LASTEXITCODE -ne 0) { throw "Seeding the $Provider bucket '$Bucket' failed." }
    @($json | ConvertFrom-Json)
}
