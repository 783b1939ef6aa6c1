<#
.SYNOPSIS
    Starts and stops the storage emulators the integration tests and the demo run against, all on 127.0.0.1.
.DESCRIPTION
    Dot-source this file, then call Start-TestEmulators and (in a finally block) Stop-TestEmulators.

    Start-TestEmulators installs the pinned emulators (package.json, package-lock.json; `npm ci` into the git-ignored
    node_modules beside this file) when needed, builds the test seeder, starts each emulator on a free loopback port
    with its own data folder and TMPDIR under out/emulators, waits until it listens, and exports:
        ENCORDSPEC_S3_ENDPOINT          http://127.0.0.1:<port>                    s3rver 3.7.1 (S3, and OTC through the S3 API)
        ENCORDSPEC_AZURE_BLOB_ENDPOINT  http://127.0.0.1:<port>/devstoreaccount1   Azurite 3.37.0 blob service
        ENCORDSPEC_GCS_ENDPOINT         http://127.0.0.1:<port>                    the Cloud Storage emulator of firebase-tools 15.34.2
        ENCORDSPEC_SEEDER               the seeder command (dotnet <dll> seed PROVIDER BUCKET SETS)
    Telemetry and update checks are off, and the cloud SDKs' metadata-service probes are disabled, so nothing leaves
    127.0.0.1. Stop-TestEmulators stops what Start-TestEmulators started (also processes left by a run that died).
    -DataDirectory keeps the S3 and Azure data in that folder across runs (Azurite on disk instead of in memory), for
    the benchmarks' large seeded buckets.
#>

$script:EmulatorDirectory = $PSScriptRoot
$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:EmulatorWorkDirectory = Join-Path $script:RepositoryRoot 'out/emulators'
$script:StartedEmulators = [System.Collections.Generic.List[object]]::new()

function Install-TestEmulators {
    # npm ci when node_modules is missing or older than the lock file; --ignore-scripts: none of the three needs an
    # install script, and scripts could fetch from outside the registry.
    $marker = Join-Path $script:EmulatorDirectory 'node_modules/.package-lock.json'
    $lock = Join-Path $script:EmulatorDirectory 'package-lock.json'
    if ([IO.File]::Exists($marker) -and [IO.File]::GetLastWriteTimeUtc($marker) -ge [IO.File]::GetLastWriteTimeUtc($lock)) { return }
    Write-Host 'Installing the storage emulators (npm ci)...'
    Push-Location $script:EmulatorDirectory
    try {
        & npm ci --ignore-scripts --no-audit --no-fund --loglevel=error | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "npm ci failed with exit code $LASTEXITCODE." }
    }
    finally { Pop-Location }
}

function Build-TestSeeder {
    $output = Join-Path $script:RepositoryRoot 'out/seeder'
    $project = Join-Path $script:RepositoryRoot 'tests/EncordSpec.TestSeeder/EncordSpec.TestSeeder.csproj'
    & dotnet build $project -c Release -o $output --nologo -v quiet -clp:NoSummary | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building the test seeder failed with exit code $LASTEXITCODE." }
    return (Join-Path $output 'EncordSpec.TestSeeder.dll')
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port }
    finally { $listener.Stop() }
}

function Test-LoopbackPort([int] $Port) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try { return $client.ConnectAsync('127.0.0.1', $Port).Wait(500) -and $client.Connected }
    catch { return $false }
    finally { $client.Dispose() }
}

function Start-OneEmulator {
    param([string] $Name, [string] $Script, [string[]] $Arguments, [hashtable] $Environment, [int] $Port)
    $folder = Join-Path $script:EmulatorWorkDirectory $Name
    if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
    $tmp = New-Item (Join-Path $folder 'tmp') -ItemType Directory -Force
    $null = New-Item (Join-Path $folder 'data') -ItemType Directory -Force
    $environment = @{ TMPDIR = $tmp.FullName; NO_UPDATE_NOTIFIER = '1'; NODE_NO_WARNINGS = '1' } + $Environment
    $process = Start-Process -FilePath 'node' -ArgumentList (@((Join-Path $script:EmulatorDirectory $Script)) + $Arguments) `
        -WorkingDirectory $folder -Environment $environment -NoNewWindow -PassThru `
        -RedirectStandardOutput (Join-Path $folder 'stdout.log') -RedirectStandardError (Join-Path $folder 'stderr.log')
    Set-Content -LiteralPath (Join-Path $folder 'pid') -Value $process.Id
    $script:StartedEmulators.Add([pscustomobject]@{ Name = $Name; Process = $process; Home = $folder })

    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-LoopbackPort $Port)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
            $log = (Get-Content (Join-Path $folder 'stdout.log'), (Join-Path $folder 'stderr.log') -ErrorAction Ignore) -join "`n"
            throw "The $Name emulator did not start listening on 127.0.0.1:$Port. Its output:`n$log"
        }
        Start-Sleep -Milliseconds 200
    }
}

function Stop-LeftoverEmulators {
    # A run that was killed cannot stop its emulators; their pid files name them. Only node processes running one
    # of this folder's emulators are stopped.
    foreach ($pidFile in Get-ChildItem $script:EmulatorWorkDirectory -Filter pid -Recurse -ErrorAction Ignore) {
        $process = Get-Process -Id ([int](Get-Content $pidFile.FullName -Raw)) -ErrorAction Ignore
        if ($process -and $process.CommandLine -like "*$script:EmulatorDirectory*") { Stop-EmulatorProcess $process }
        Remove-Item $pidFile.FullName -ErrorAction Ignore
    }
}

function Stop-EmulatorProcess([System.Diagnostics.Process] $Process) {
    if ($Process.HasExited) { return }
    & kill -TERM $Process.Id 2>$null     # lets the GCS emulator remove its blob folder
    if (-not $Process.WaitForExit(5000)) { $Process.Kill(); $null = $Process.WaitForExit(5000) }
}

function Start-TestEmulators {
    [CmdletBinding()]
    param(
        [ValidateSet('S3', 'Azure', 'GCS')] [string[]] $Name = @('S3', 'Azure', 'GCS'),
        # Where S3 and Azure keep their data across runs; default: fresh and empty in out/emulators (Azure in memory).
        [string] $DataDirectory
    )
    $null = New-Item $script:EmulatorWorkDirectory -ItemType Directory -Force
    Stop-LeftoverEmulators
    Install-TestEmulators
    $env:ENCORDSPEC_SEEDER = Build-TestSeeder

    # Keep the SDKs from probing cloud metadata services (169.254.169.254) for credentials or regions.
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    try {
        if ($Name -contains 'S3') {
            $port = Get-FreeLoopbackPort
            # The legacy provider: s3rver builds ListObjectsV2 continuation tokens with DES, which Node 17+ disables.
            $s3Data = if ($DataDirectory) { New-Item (Join-Path $DataDirectory 's3') -ItemType Directory -Force } else { Join-Path $script:EmulatorWorkDirectory 's3/data' }
            Start-OneEmulator -Name s3 -Script 'node_modules/s3rver/bin/s3rver.js' -Port $port `
                -Arguments @('-d', $s3Data, '-a', '127.0.0.1', '-p', $port, '-s') `
                -Environment @{ NODE_OPTIONS = '--openssl-legacy-provider' }
            $env:ENCORDSPEC_S3_ENDPOINT = "http://127.0.0.1:$port"
        }
        if ($Name -contains 'Azure') {
            $port = Get-FreeLoopbackPort
            # --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 speaks a newer service version than Azurite 3.37.0 knows.
            $persistence = if ($DataDirectory) { @('--location', (New-Item (Join-Path $DataDirectory 'azure') -ItemType Directory -Force)) }
                           else { @('--inMemoryPersistence', '--extentMemoryLimit', '256') }
            Start-OneEmulator -Name azure -Script 'node_modules/azurite/dist/src/blob/main.js' -Port $port `
                -Arguments (@('--blobHost', '127.0.0.1', '--blobPort', $port) + $persistence +
                    @('--disableTelemetry', '--skipApiVersionCheck', '--silent')) -Environment @{}
            $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT = "http://127.0.0.1:$port/devstoreaccount1"
        }
        if ($Name -contains 'GCS') {
            $port = Get-FreeLoopbackPort
            Start-OneEmulator -Name gcs -Script 'gcs-emulator.js' -Port $port -Arguments @() `
                -Environment @{ HOST = '127.0.0.1'; PORT = "$port"; PROJECT = 'demo-encordspec' }
            $env:ENCORDSPEC_GCS_ENDPOINT = "http://127.0.0.1:$port"
        }
    }
    catch {
        Stop-TestEmulators
        throw
    }
    Write-Host ("Emulators listening: " + (($script:StartedEmulators | ForEach-Object Name) -join ', '))
}

function Stop-TestEmulators {
    [CmdletBinding()]
    param()
    foreach ($emulator in $script:StartedEmulators) {
        Stop-EmulatorProcess $emulator.Process
        Remove-Item (Join-Path $emulator.Home 'pid') -ErrorAction Ignore
    }
    $script:StartedEmulators.Clear()
    foreach ($variable in 'ENCORDSPEC_S3_ENDPOINT', 'ENCORDSPEC_AZURE_BLOB_ENDPOINT', 'ENCORDSPEC_GCS_ENDPOINT') {
        Remove-Item "env:$variable" -ErrorAction Ignore
    }
}
