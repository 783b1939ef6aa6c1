<#
.SYNOPSIS
    The main job end to end: list a bucket, group its images by folder, write the upload spec, check it.
.DESCRIPTION
    Run by `build.ps1 -Task Demo`, which starts the S3 emulator (s3rver on 127.0.0.1) and stops it afterwards. The
    bucket is seeded with the files of the format page's S3 example (bucket cord-dev in eu-west-2), so the spec
    written here holds the page's own object URLs, such as
    https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/1-Samsung-S4-Light+Environment/1+(32).jpg.
    -EndpointUrl sends the listing to the emulator; the object URLs are the ones the platform needs all the same.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../../out/demo')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

if (-not $env:ENCORDSPEC_S3_ENDPOINT) { throw 'No S3 emulator: run this through build.ps1 -Task Demo, which starts one.' }
$spec = Join-Path (New-Item $OutputDirectory -ItemType Directory -Force).FullName 'spec.json'

function Show-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

Show-Step 'Seeding the emulator with the format page''s S3 example (bucket cord-dev)'
$seeded = & dotnet $env:ENCORDSPEC_SEEDER seed S3 cord-dev food | ConvertFrom-Json
if ($LASTEXITCODE -ne 0) { throw 'Seeding the emulator failed.' }
Write-Host "$(@($seeded).Count) objects uploaded."

Import-Module $ModulePath
# The emulator's well-known credentials; against AWS, leave these out and the AWS SDK's own chain finds yours.
$emulator = @{ EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER' }

Show-Step 'Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/'
Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/ @emulator | Out-String -Width 120 | Out-Host

Show-Step 'Get-CloudObject ... | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path spec.json'
Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/ @emulator |
    New-EncordImageGroup -GroupBy Folder |
    ConvertTo-EncordSpec -Json -Path $spec -Force | Out-Null
Write-Host "Wrote $spec ($((Get-Item -LiteralPath $spec).Length) bytes)."

Show-Step "The spec ($spec)"
Get-Content -LiteralPath $spec | Out-Host

Show-Step 'Test-EncordSpec -Path spec.json'
$valid = Test-EncordSpec -Path $spec
Write-Host "Test-EncordSpec: $valid"
if (-not $valid) { throw "The demo's spec failed validation: $spec" }
exit 0
