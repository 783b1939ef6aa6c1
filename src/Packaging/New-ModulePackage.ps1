<#
.SYNOPSIS
    Packs a built module folder into the two forms users install it from: a .nupkg and an Azure Automation .zip.
.DESCRIPTION
    Run by `build.ps1 -Task Package` after a fresh build, and by tests/Pester/Package.Tests.ps1 on the build the test
    suite already made. Both packages hold the module folder as built plus the repository's LICENSE:

        <Name>.<Version>.nupkg   made by Compress-PSResource (PSResourceGet, shipped with pwsh 7.6), which validates
                                 the manifest first: what Publish-PSResource -NupkgPath pushes to a feed and
                                 Install-PSResource installs from one.
        <Name>.zip               the layout Azure Automation imports: the zip, the folder at its root and the manifest
                                 in that folder all carry the module's name, and every path stays under 140 characters.

    They replace any <Name>.*.nupkg (another version too) and <Name>.zip in -OutputDirectory. Returns the two files.
.EXAMPLE
    ./src/Packaging/New-ModulePackage.ps1 -ModuleDir ./out/EncordSpec -OutputDirectory ./out/package
#>
[CmdletBinding()]
[OutputType([System.IO.FileInfo])]
param(
    # The built module folder; its name is the module's name and it holds <Name>.psd1.
    [Parameter(Mandatory)] [string] $ModuleDir,
    [Parameter(Mandatory)] [string] $OutputDirectory,
    [string] $LicensePath = (Join-Path $PSScriptRoot '../../LICENSE')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# Azure Automation cannot import a module file whose path has 140 characters or more.
$MaxZipPathLength = 139

$ModuleDir = (Resolve-Path -LiteralPath $ModuleDir).Path
$name = Split-Path $ModuleDir -Leaf
$manifestPath = Join-Path $ModuleDir "$name.psd1"
if (-not (Test-Path -LiteralPath $manifestPath)) { throw "No module manifest ${manifestPath}: -ModuleDir must be a built module folder named as its manifest." }
$version = (Test-ModuleManifest -Path $manifestPath -ErrorAction Stop).Version
if (-not (Test-Path -LiteralPath $LicensePath)) { throw "No license file at $LicensePath." }

$output = (New-Item $OutputDirectory -ItemType Directory -Force).FullName
$nupkgName = "$name.$version.nupkg"
$zipName = "$name.zip"

# Both packages are made in a staging folder and moved into place only once complete.
$staging = Join-Path ([IO.Path]::GetTempPath()) "$name-package-$([guid]::NewGuid().ToString('N'))"
try {
    $stagedModule = Join-Path $staging $name
    Copy-Item -LiteralPath $ModuleDir -Destination $stagedModule -Recurse
    Copy-Item -LiteralPath $LicensePath -Destination (Join-Path $stagedModule 'LICENSE')

    $packed = New-Item (Join-Path $staging 'packed') -ItemType Directory
    Compress-PSResource -Path $stagedModule -DestinationPath $packed.FullName
    if (-not (Test-Path -LiteralPath (Join-Path $packed.FullName $nupkgName))) { throw "Compress-PSResource did not write $nupkgName." }

    $zipPath = Join-Path $packed.FullName $zipName
    [IO.Compression.ZipFile]::CreateFromDirectory($stagedModule, $zipPath, [IO.Compression.CompressionLevel]::Optimal, $true)
    $zip = [IO.Compression.ZipFile]::OpenRead($zipPath)
    try { $tooLong = @($zip.Entries | Where-Object { $_.FullName.Length -gt $MaxZipPathLength } | ForEach-Object FullName) }
    finally { $zip.Dispose() }
    if ($tooLong) { throw "Azure Automation cannot import paths of 140 characters or more: $($tooLong -join ', ')" }

    # One package per folder: an older version's .nupkg would be installed or published alongside.
    Get-ChildItem -LiteralPath $output -Filter "$name.*.nupkg" | Remove-Item
    foreach ($file in $nupkgName, $zipName) {
        Move-Item -LiteralPath (Join-Path $packed.FullName $file) -Destination (Join-Path $output $file) -Force
        Get-Item -LiteralPath (Join-Path $output $file)
    }
}
finally {
    Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction Ignore
}
