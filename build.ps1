<#
.SYNOPSIS
    Builds, tests and demonstrates the EncordSpec module.
.DESCRIPTION
    -Task Build  publishes the module into one importable folder, out/EncordSpec (manifest, assemblies,
                 format files, MAML help).
    -Task Test   builds, starts the storage emulators the tests need, runs every suite (xunit, then Pester in
                 a fresh pwsh), stops the emulators and prints one closing line "N passed, N failed".
                 Exits non-zero when a test fails or none ran.
    -Task Demo   builds and runs the main job against a local emulator seeded with sample objects.
    -Task Bench  builds and runs the benchmarks in bench/ (see bench/README.md).
    -Task Package  builds, then packs out/EncordSpec into out/package: EncordSpec.<version>.nupkg for
                 PSResourceGet and EncordSpec.zip for Azure Automation (src/Packaging/New-ModulePackage.ps1).
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Bench -BenchScenario Write -BenchRuns 5
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only these suites (Unit = xunit, Pester = cmdlet tests). Default: all.
    [ValidateSet('Unit', 'Pester')]
    [string[]] $Suite = @('Unit', 'Pester'),

    # Task Bench: which benchmarks (Write, Validate, List, Startup; default all) and how many runs of each side.
    [string[]] $BenchScenario = @(),
    [int] $BenchRuns = 3
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$OutDir = Join-Path $Root 'out'
$ModuleDir = Join-Path $OutDir 'EncordSpec'
$ResultsDir = Join-Path $OutDir 'test-results'

function Invoke-Native {
    # Runs a native command and throws when it fails, since $ErrorActionPreference does not cover exit codes.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-Pwsh {
    # A fresh pwsh from the repository's tool manifest (`dotnet pwsh` resolves it from the current folder).
    param([Parameter(Mandatory)] [string] $File, [Parameter(ValueFromRemainingArguments)] [object[]] $Rest)
    Push-Location $Root
    try { & dotnet pwsh -NoProfile -NonInteractive -File $File @Rest | Out-Host }
    finally { Pop-Location }
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = @(& dotnet nuget locals global-packages --list) | Where-Object { $_ -match 'global-packages:' } | Select-Object -First 1
    return ($line -replace '^.*global-packages:\s*', '').Trim()
}

function Build-Module {
    $publishDir = Join-Path $OutDir 'publish/EncordSpec'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/EncordSpec/EncordSpec.csproj'), '-c', $Configuration, '-o', $publishDir, '--nologo', '-v', 'quiet')

    if (Test-Path $ModuleDir) { Remove-Item $ModuleDir -Recurse -Force }
    $null = New-Item $ModuleDir -ItemType Directory
    Copy-Item (Join-Path $publishDir '*') $ModuleDir -Recurse -Exclude '*.deps.json', '*.xml'
    Copy-Item (Join-Path $Root 'EncordSpec.psd1') $ModuleDir
    Copy-Item (Join-Path $Root 'src/EncordSpec/Formats/*.format.ps1xml') $ModuleDir

    $storageProject = Join-Path $Root 'src/EncordSpec.Storage/EncordSpec.Storage.csproj'
    if (Test-Path $storageProject) {
        # The cloud SDKs live apart in deps/, loaded into their own AssemblyLoadContext on first use.
        Invoke-Native dotnet @('publish', $storageProject, '-c', $Configuration, '-o', (Join-Path $ModuleDir 'deps'), '--nologo', '-v', 'quiet')
        Get-ChildItem (Join-Path $ModuleDir 'deps') -Filter '*.deps.json' | Remove-Item
    }

    $parquetProject = Join-Path $Root 'src/EncordSpec.Storage.Parquet/EncordSpec.Storage.Parquet.csproj'
    if (Test-Path $parquetProject) {
        # Parquet.Net needs .NET 8: published apart, then added to deps/ without replacing what is there.
        $parquetDir = Join-Path $OutDir 'publish/EncordSpec.Storage.Parquet'
        Invoke-Native dotnet @('publish', $parquetProject, '-c', $Configuration, '-o', $parquetDir, '--nologo', '-v', 'quiet')
        Get-ChildItem $parquetDir -Filter '*.dll' | Where-Object { -not (Test-Path (Join-Path $ModuleDir "deps/$($_.Name)")) } |
            Copy-Item -Destination (Join-Path $ModuleDir 'deps')
    }

    $aboutTopics = Join-Path $Root 'src/Help/about_*.help.txt'
    if (Test-Path $aboutTopics) {
        Copy-Item $aboutTopics (New-Item (Join-Path $ModuleDir 'en-US') -ItemType Directory -Force)
    }

    $helpScript = Join-Path $Root 'src/Help/Build-ModuleHelp.ps1'
    if (Test-Path $helpScript) {
        Invoke-Pwsh $helpScript -ModuleDir $ModuleDir -DocXml (Join-Path $publishDir 'EncordSpec.xml')
        if ($LASTEXITCODE -ne 0) { throw "Building the help failed." }
    }
    Write-Host "Built $ModuleDir"
}

function Get-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content -LiteralPath $Path -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Invoke-UnitSuite {
    $trx = Join-Path $ResultsDir 'unit.trx'
    Remove-Item $trx -ErrorAction Ignore
    & dotnet test (Join-Path $Root 'tests/EncordSpec.Tests/EncordSpec.Tests.csproj') -c $Configuration --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $ResultsDir | Out-Host
    if (-not (Test-Path $trx)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } } # build failure: count it
    Get-TrxCounts $trx
}

function Get-PesterVersion {
    # The tests project downloads Pester (PackageDownload); the version it names there is the one used.
    [xml] $project = Get-Content -LiteralPath (Join-Path $Root 'tests/EncordSpec.Tests/EncordSpec.Tests.csproj') -Raw
    $download = $project.SelectSingleNode('//PackageDownload[@Include="Pester"]')
    if (-not $download) { throw 'tests/EncordSpec.Tests/EncordSpec.Tests.csproj has no PackageDownload of Pester.' }
    return $download.GetAttribute('Version').Trim('[', ']')
}

function Invoke-PesterSuite {
    $pester = Join-Path (Get-NuGetPackageRoot) "pester/$(Get-PesterVersion)/tools/Pester.psd1"
    if (-not (Test-Path $pester)) {
        Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/EncordSpec.Tests/EncordSpec.Tests.csproj'), '--nologo', '-v', 'quiet')
    }
    $resultFile = Join-Path $ResultsDir 'pester.json'
    Remove-Item $resultFile -ErrorAction Ignore
    # A fresh pwsh, as users load the module: nothing from this build session leaks in.
    Invoke-Pwsh (Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1') `
        -PesterPath $pester -ModulePath (Join-Path $ModuleDir 'EncordSpec.psd1') -ResultFile $resultFile
    if (-not (Test-Path $resultFile)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }
    Get-Content $resultFile -Raw | ConvertFrom-Json
}

function Invoke-TestTask {
    Build-Module
    $null = New-Item $ResultsDir -ItemType Directory -Force
    $emulatorScript = Join-Path $Root 'tests/Emulators/Emulators.ps1'
    $hasEmulators = Test-Path $emulatorScript
    if ($hasEmulators) { . $emulatorScript; Start-TestEmulators }
    $totals = [ordered]@{ Passed = 0; Failed = 0 }
    try {
        foreach ($name in $Suite) {
            $counts = if ($name -eq 'Unit') { Invoke-UnitSuite } else { Invoke-PesterSuite }
            Write-Host ("{0}: {1} passed, {2} failed" -f $name, $counts.Passed, $counts.Failed)
            $totals.Passed += $counts.Passed
            $totals.Failed += $counts.Failed
        }
    }
    finally {
        if ($hasEmulators) { Stop-TestEmulators }
    }
    Write-Host ("{0} passed, {1} failed" -f $totals.Passed, $totals.Failed)
    if ($totals.Failed -gt 0 -or $totals.Passed -eq 0) { exit 1 }
    exit 0
}

function Invoke-DemoTask {
    Build-Module
    . (Join-Path $Root 'tests/Emulators/Emulators.ps1')
    Start-TestEmulators -Name S3
    try {
        Invoke-Pwsh (Join-Path $Root 'tests/Demo/Invoke-Demo.ps1') -ModulePath (Join-Path $ModuleDir 'EncordSpec.psd1')
        $demoExitCode = $LASTEXITCODE
    }
    finally { Stop-TestEmulators }
    exit $demoExitCode
}

function Invoke-BenchTask {
    Build-Module
    $scenarioArgs = if ($BenchScenario) { @('-Scenario', ($BenchScenario -join ',')) } else { @() }
    Invoke-Pwsh (Join-Path $Root 'bench/Invoke-Benchmarks.ps1') -ModuleDir $ModuleDir -Runs $BenchRuns @scenarioArgs
    exit $LASTEXITCODE
}

function Invoke-PackageTask {
    # Always from a fresh build, so a package never holds a stale module left in out/.
    Build-Module
    $packages = & (Join-Path $Root 'src/Packaging/New-ModulePackage.ps1') -ModuleDir $ModuleDir -OutputDirectory (Join-Path $OutDir 'package')
    $packages | ForEach-Object { Write-Host "Packed $($_.FullName)" }
}

$env:NO_COLOR = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
switch ($Task) {
    'Build' { Build-Module }
    'Test' { Invoke-TestTask }
    'Demo' { Invoke-DemoTask }
    'Bench' { Invoke-BenchTask }
    'Package' { Invoke-PackageTask }
}
