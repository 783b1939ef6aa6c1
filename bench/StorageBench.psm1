# What the listing and start-up benchmarks share: rclone (the peer), the emulators with the 100,000-object bucket
# seeded once into bench/work, the listing store (listing-store/, a stand-in for a cloud endpoint whose own cost per
# page is negligible), rclone's settings for them, and the delaying proxy. Everything listens on 127.0.0.1.
Set-StrictMode -Version 3.0

$script:RepoRoot = Split-Path $PSScriptRoot -Parent
$script:DataDirectory = Join-Path $PSScriptRoot 'work/emulators'
# The delaying proxies and listing stores this module started, stopped by Stop-BenchStorage.
$script:Servers = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
. (Join-Path $script:RepoRoot 'tests/Emulators/Emulators.ps1')

# The bucket (S3) and container (Azure) the benchmarks list: 100 folders of 1,000 objects.
$BenchBucket = 'bench-100k'
$BenchFolders = 100
$BenchPerFolder = 1000
$BenchObjects = $BenchFolders * $BenchPerFolder
$AzuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# The listing store's buckets: a flat prefix (200 pages of 1,000 one after another for a sequential lister), and the
# emulator bucket's layout (the same keys, sizes and MD5s).
$StoreLayouts = @(
    [pscustomobject]@{ Bucket = 'flat-200k'; Layout = 'flat:200000'; Objects = 200000; Label = '200,000 flat' }
    [pscustomobject]@{ Bucket = 'grid-100k'; Layout = "grid:${BenchFolders}:$BenchPerFolder"; Objects = $BenchObjects; Label = '100,000 in 100 folders' }
)

function Install-Rclone {
    # Debian's rclone, as users on these machines would install it.
    if (Get-Command rclone -ErrorAction Ignore) { return }
    Write-Host 'Installing rclone (apt-get)...'
    $env:DEBIAN_FRONTEND = 'noninteractive'
    $apt = if ((& id -u) -eq '0') { { & apt-get @args } } else { { & sudo --preserve-env=DEBIAN_FRONTEND apt-get @args } }
    & $apt update -qq | Out-Host
    & $apt install -y -qq rclone | Out-Host
    if (-not (Get-Command rclone -ErrorAction Ignore)) { throw 'Installing rclone with apt-get failed.' }
}

function Start-BenchStorage {
    <# Starts s3rver and Azurite on their data in bench/work/emulators and seeds the benchmark bucket into each the
       first time (a few minutes), then returns their endpoints. #>
    Start-TestEmulators -Name S3, Azure -DataDirectory $script:DataDirectory
    foreach ($provider in 'S3', 'Azure') {
        $marker = Join-Path $script:DataDirectory "seeded-$provider.txt"
        if (Test-Path $marker) { continue }
        Write-Host "Seeding $BenchObjects objects into the $provider emulator (once; kept in $script:DataDirectory)..."
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        & dotnet $env:ENCORDSPEC_SEEDER seed $provider $BenchBucket "grid:${BenchFolders}:$BenchPerFolder" > $null
        if ($LASTEXITCODE -ne 0) { throw "Seeding the $provider emulator failed." }
        Set-Content $marker -Value $BenchObjects
        Write-Host ("  seeded in {0:N0} s" -f $clock.Elapsed.TotalSeconds)
    }
    [pscustomobject]@{ S3 = $env:ENCORDSPEC_S3_ENDPOINT; Azure = $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT }
}

function Stop-BenchStorage {
    foreach ($server in $script:Servers) {
        if (-not $server.HasExited) { $server.Kill(); $null = $server.WaitForExit(5000) }
    }
    $script:Servers.Clear()
    Stop-TestEmulators
}

function Start-BenchServer {
    <# Starts a Node server of bench/ and waits for its line saying it listens; returns that line. #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string[]] $ArgumentList, [int] $TimeoutSeconds = 20)
    $log = Join-Path $PSScriptRoot "work/$Name.log"
    $process = Start-Process -FilePath node -ArgumentList $ArgumentList -NoNewWindow -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $script:Servers.Add($process)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not ($line = Select-String -Path $log -Pattern 'listening' -ErrorAction Ignore | Select-Object -First 1)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { throw "The $Name did not start: $(Get-Content "$log.err" -Raw -ErrorAction Ignore)" }
        Start-Sleep -Milliseconds 100
    }
    $line.Line
}

function Get-FreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $port
}

function Start-LatencyProxy {
    <# A delaying proxy in front of an endpoint (http://127.0.0.1:PORT[/path]); returns the endpoint through it. #>
    param([Parameter(Mandatory)] [string] $Endpoint, [int] $RoundTripMilliseconds = 50)
    $uri = [uri]$Endpoint
    $port = Get-FreePort
    $null = Start-BenchServer "latency-proxy-$port" @((Join-Path $PSScriptRoot 'latency-proxy.js'), $port, $uri.Port, $RoundTripMilliseconds)
    "http://127.0.0.1:$port$($uri.AbsolutePath.TrimEnd('/'))"
}

function Start-ListingStore {
    <# Starts the listing store with the $StoreLayouts buckets (a few seconds to make 300,000 objects), or those given
       as NAME=LAYOUT (listing-store/buckets.js); returns its endpoint, http://127.0.0.1:PORT, where it serves S3 (path
       style), Azure (/devstoreaccount1) and GCS (/storage/v1). #>
    param([string[]] $Bucket = @(foreach ($layout in $StoreLayouts) { "$($layout.Bucket)=$($layout.Layout)" }))
    $buckets = foreach ($one in $Bucket) { '--bucket', $one }
    $line = Start-BenchServer 'listing-store' (@((Join-Path $PSScriptRoot 'listing-store/listing-store.js'), '--port', (Get-FreePort)) + $buckets) -TimeoutSeconds 120
    if ($line -notmatch '(http://127\.0\.0\.1:\d+)') { throw "The listing store said: $line" }
    $Matches[1]
}

function Get-ListingStoreTarget {
    <# The listing store as each provider's client reaches it, on loopback and through a proxy that adds 50 ms per
       round trip: the endpoint to list and an rclone remote for it, written into a fresh $RcloneConfig. #>
    param([Parameter(Mandatory)] [string] $Endpoint, [Parameter(Mandatory)] [string] $RcloneConfig)
    Set-Content -LiteralPath $RcloneConfig -Value '# written by bench/StorageBench.psm1'
    foreach ($roundTrip in 0, 50) {
        $root = if ($roundTrip) { Start-LatencyProxy $Endpoint -RoundTripMilliseconds $roundTrip } else { $Endpoint }
        foreach ($provider in 'S3', 'Azure', 'GCS') {
            $providerEndpoint = switch ($provider) { 'S3' { $root } 'Azure' { "$root/devstoreaccount1" } 'GCS' { "$root/storage/v1" } }
            New-BenchTarget $provider $roundTrip $providerEndpoint $RcloneConfig -RemotePrefix 'store'
        }
    }
}

function Get-BenchStore {
    <# The stores a storage benchmark runs against, in order: S3 and Azure on loopback, then both through a proxy that
       adds 50 ms per round trip. Each comes with the endpoint to list and an rclone remote for it, written into a fresh
       $RcloneConfig. #>
    param([Parameter(Mandatory)] $Storage, [Parameter(Mandatory)] [string] $RcloneConfig)
    Set-Content -LiteralPath $RcloneConfig -Value '# written by bench/StorageBench.psm1'
    foreach ($roundTrip in 0, 50) {
        foreach ($provider in 'S3', 'Azure') {
            $endpoint = if ($roundTrip) { Start-LatencyProxy $Storage.$provider -RoundTripMilliseconds $roundTrip } else { $Storage.$provider }
            New-BenchTarget $provider $roundTrip $endpoint $RcloneConfig
        }
    }
}

function New-BenchTarget([string] $Provider, [int] $RoundTrip, [string] $Endpoint, [string] $RcloneConfig, [string] $RemotePrefix = '') {
    <# One endpoint to list, described for the result rows, with an rclone remote for it. #>
    [pscustomobject]@{
        Provider  = $Provider
        RoundTrip = $RoundTrip
        Where     = if ($RoundTrip) { "$RoundTrip ms round trips" } else { 'loopback' }
        Endpoint  = $Endpoint
        Remote    = New-RcloneRemote -ConfigPath $RcloneConfig -Name ("{0}{1}{2}" -f $RemotePrefix, $Provider.ToLowerInvariant(), $RoundTrip) -Provider $Provider -Endpoint $Endpoint
    }
}

function Get-AzuriteSasUrl([string] $Endpoint) {
    # An account SAS for Azurite's well-known development key, signed as the service signs it (list and read only):
    # rclone 1.60 reaches Azurite only through a SAS URL.
    $sv = '2019-12-12'; $ss = 'b'; $srt = 'sco'; $sp = 'rl'; $se = '2030-01-01T00:00:00Z'; $spr = 'http,https'
    $hmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($AzuriteKey))
    $signature = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes("devstoreaccount1`n$sp`n$ss`n$srt`n`n$se`n`n$spr`n$sv`n")))
    "${Endpoint}?sv=$sv&ss=$ss&srt=$srt&sp=$sp&se=$([uri]::EscapeDataString($se))&spr=$([uri]::EscapeDataString($spr))&sig=$([uri]::EscapeDataString($signature))"
}

function New-RcloneRemote {
    <# Writes one rclone remote for an emulator's or the listing store's endpoint into the config file; returns the
       remote's name. (The store checks no signature; the Azurite SAS serves for it too.) #>
    param([Parameter(Mandatory)] [string] $ConfigPath, [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [ValidateSet('S3', 'Azure', 'GCS')] [string] $Provider, [Parameter(Mandatory)] [string] $Endpoint)
    $lines = switch ($Provider) {
        'S3' {
            "[$Name]", 'type = s3', 'provider = Other', "endpoint = $Endpoint", 'access_key_id = S3RVER', 'secret_access_key = S3RVER',
            'region = us-east-1', 'force_path_style = true', ''
        }
        'Azure' { "[$Name]", 'type = azureblob', "sas_url = $(Get-AzuriteSasUrl $Endpoint)", '' }
        # The JSON API's base path, as the service's own is https://storage.googleapis.com/storage/v1/.
        'GCS' { "[$Name]", 'type = google cloud storage', 'anonymous = true', "endpoint = $Endpoint/", '' }
    }
    Add-Content -LiteralPath $ConfigPath -Value $lines
    $Name
}

function Get-RcloneCommand {
    <# rclone lsjson as the issue names it: recursive, no per-object HEAD (--no-modtime --no-mimetype). rclone's S3
       backend fails when AWS_CA_BUNDLE is set, as it is on these machines. #>
    param([string] $ConfigPath, [string] $Remote, [string] $Tail = '> /dev/null', [string] $Bucket = $BenchBucket)
    @('sh', '-c', "env -u AWS_CA_BUNDLE RCLONE_CONFIG='$ConfigPath' rclone lsjson -R --no-modtime --no-mimetype ${Remote}:$Bucket $Tail")
}

function Get-GetCloudObjectArguments {
    <# Get-CloudObject's parameters for a bucket (by default the benchmark's) at an endpoint, as PowerShell source text. #>
    param([ValidateSet('S3', 'Azure', 'GCS')] [string] $Provider, [string] $Endpoint, [string] $Bucket = $BenchBucket)
    switch ($Provider) {
        'S3' { "-Provider S3 -Bucket $Bucket -Region us-east-1 -EndpointUrl '$Endpoint' -AccessKey S3RVER -SecretKey S3RVER" }
        'Azure' { "-Provider Azure -Bucket $Bucket -EndpointUrl '$Endpoint' -StorageAccountName devstoreaccount1 -StorageAccountKey '$AzuriteKey'" }
        'GCS' { "-Provider GCS -Bucket $Bucket -EndpointUrl '$Endpoint'" }
    }
}

Export-ModuleMember -Function Install-Rclone, Start-BenchStorage, Stop-BenchStorage, Start-LatencyProxy, Get-BenchStore, New-RcloneRemote, Get-RcloneCommand,
    Get-GetCloudObjectArguments, Start-ListingStore, Get-ListingStoreTarget -Variable BenchBucket, BenchObjects, StoreLayouts
