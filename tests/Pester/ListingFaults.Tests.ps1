# Get-CloudObject when the store misbehaves: the fault proxy (Support/FaultProxy.ps1) sits between the SDK and an
# emulator on 127.0.0.1 and, on command, refuses, stalls or spoils requests halfway through a listing.

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Support/Seeder.ps1')
    . (Join-Path $PSScriptRoot 'Support/FaultProxy.ps1')

    $AzuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
    $Stores = @{
        S3    = @{ Endpoint = $env:ENCORDSPEC_S3_ENDPOINT; Parameters = @{ Provider = 'S3'; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; Region = 'us-east-1' } }
        Azure = @{
            Endpoint = $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT
            Parameters = @{ Provider = 'Azure'; StorageAccountName = 'devstoreaccount1'; StorageAccountKey = (ConvertTo-SecureString $AzuriteKey -AsPlainText -Force) }
        }
        GCS   = @{ Endpoint = $env:ENCORDSPEC_GCS_ENDPOINT; Parameters = @{ Provider = 'GCS' } }
    }
    $Bucket = 'pester-faults'
    $Seeded = @{}
    foreach ($provider in $Stores.Keys) {
        $Seeded[$provider] = @(Invoke-Seeder $provider $Bucket 'bulk:faults/:300' | ForEach-Object Key | Sort-Object -CaseSensitive)
    }

    function New-Proxy([string] $Provider) { [EncordSpec.Tests.Support.FaultProxy]::Forwarding($Provider, $Stores[$Provider].Endpoint) }

    # The keys a listing through the proxy wrote, and the terminating error it ended with (null if none).
    function Invoke-Listing([string] $Provider, $Proxy, [hashtable] $More = @{}) {
        $parameters = $Stores[$Provider].Parameters + @{ Bucket = $Bucket; EndpointUrl = $Proxy.Url; PageSize = 50 } + $More
        $keys = [System.Collections.Generic.List[string]]::new()
        $failure = $null
        try { Get-CloudObject @parameters -ErrorVariable listingErrors | ForEach-Object { $keys.Add($_.Key) } }
        catch { $failure = $_ }
        [pscustomobject]@{ Keys = $keys.ToArray(); Failure = $failure; ErrorCount = @($listingErrors).Count }
    }

    # What the error says: how many objects were emitted, and the -StartAfter value (a single-quoted PowerShell string),
    # or null when the listing must start over (in parallel, the first key range may have had nothing written yet).
    function Get-ResumeAdvice($Failure) {
        $text = $Failure.Exception.Message
        if ($text -match "([\d,]+) objects? (?:was|were) emitted before it; run the command again to list from the start") {
            return [pscustomobject]@{ Emitted = [int]($Matches[1] -replace ',', ''); StartAfter = $null }
        }
        if ($text -notmatch "([\d,]+) objects? (?:was|were) emitted before it; to go on from there, run the same command with -StartAfter '((?:[^']|'')*)'") {
            throw "No resume advice in: $text"
        }
        [pscustomobject]@{ Emitted = [int]($Matches[1] -replace ',', ''); StartAfter = $Matches[2] -replace "''", "'" }
    }
}

Describe 'A refusal, or throttling past the retries, halfway through a listing' {
    It '<Fault>, <Provider>, -ThrottleLimit <ThrottleLimit>, -Sort:<Sort>, -MediaMetadata:<Media>: one terminating error names the objects emitted and -StartAfter; resumed there, the union is the clean listing' -ForEach @(
        @{ Fault = 'Deny'; Provider = 'S3'; ThrottleLimit = 1; Sort = $false; Media = $false }
        @{ Fault = 'Deny'; Provider = 'Azure'; ThrottleLimit = 1; Sort = $false; Media = $false }
        @{ Fault = 'Deny'; Provider = 'GCS'; ThrottleLimit = 1; Sort = $false; Media = $false }
        @{ Fault = 'Deny'; Provider = 'S3'; ThrottleLimit = 4; Sort = $true; Media = $false }
        @{ Fault = 'Deny'; Provider = 'Azure'; ThrottleLimit = 4; Sort = $false; Media = $false }
        @{ Fault = 'Deny'; Provider = 'S3'; ThrottleLimit = 4; Sort = $false; Media = $false }
        # Objects wait in -MediaMetadata's window while their headers are read (the refusal reaches those reads too).
        @{ Fault = 'Deny'; Provider = 'S3'; ThrottleLimit = 4; Sort = $false; Media = $true }
        # Throttling (S3 503 SlowDown, Azure 503 ServerBusy, GCS 429) on every request from the fourth on, with
        # -MaximumRetryCount 1: each SDK tries once more after its back-off, the listing sends the request once more
        # (twice again), then it ends.
        @{ Fault = 'Throttle'; Provider = 'S3'; ThrottleLimit = 1; Sort = $false; Media = $false }
        @{ Fault = 'Throttle'; Provider = 'Azure'; ThrottleLimit = 1; Sort = $false; Media = $false }
        @{ Fault = 'Throttle'; Provider = 'GCS'; ThrottleLimit = 1; Sort = $false; Media = $false }
        @{ Fault = 'Throttle'; Provider = 'Azure'; ThrottleLimit = 4; Sort = $false; Media = $false }
        @{ Fault = 'Throttle'; Provider = 'GCS'; ThrottleLimit = 4; Sort = $true; Media = $false }
    ) {
        $proxy = New-Proxy $Provider
        try {
            $proxy.Inject($Fault, [int]::MaxValue, 3)
            $options = @{ ThrottleLimit = $ThrottleLimit; Sort = $Sort }
            if ($Fault -eq 'Throttle') { $options.MaximumRetryCount = 1 }
            if ($Media) { $options.MediaMetadata = $true; $options.ErrorAction = 'SilentlyContinue' } # the seeder's bytes are no image: an error per object
            $first = Invoke-Listing $Provider $proxy $options

            $first.Failure | Should -Not -BeNullOrEmpty
            $first.Failure.FullyQualifiedErrorId | Should -BeLike $(if ($Fault -eq 'Deny') { 'CloudAccessDenied*' } else { 'CloudListingFailed*' })
            if ($Fault -eq 'Throttle') {
                $first.Failure.Exception.Message | Should -Match $(if ($Provider -eq 'GCS') { 'HTTP 429' } else { 'HTTP 503' })
                $first.Failure.Exception.Message | Should -Match '\(2 times in a row\)'
                # One request, tried 2 x 2 times, ends a sequential listing; side by side each request in flight may be.
                if ($ThrottleLimit -eq 1) { $proxy.InjectedOf('Throttle') | Should -Be 4 }
            }
            if (-not $Media) { $first.ErrorCount | Should -Be 1 }
            $advice = Get-ResumeAdvice $first.Failure
            $advice.Emitted | Should -Be $first.Keys.Count
            if ($null -ne $advice.StartAfter) {
                $first.Failure.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("-StartAfter '$($advice.StartAfter -replace "'", "''")'"))
            }
            if ($ThrottleLimit -eq 1) { $first.Keys.Count | Should -BeGreaterThan 0 } # in parallel the refusal may come first
            $first.Keys.Count | Should -BeLessThan $Seeded[$Provider].Count

            $proxy.Heal()
            $resume = $options.Clone()
            if ($null -ne $advice.StartAfter) { $resume.StartAfter = $advice.StartAfter }
            $second = Invoke-Listing $Provider $proxy $resume

            $second.Failure | Should -BeNullOrEmpty
            if ($null -ne $advice.StartAfter) { @($second.Keys | Where-Object { [string]::CompareOrdinal($_, $advice.StartAfter) -le 0 }) | Should -BeNullOrEmpty }
            @(@($first.Keys) + @($second.Keys) | Sort-Object -CaseSensitive -Unique) | Should -Be $Seeded[$Provider]
            # In key order nothing comes twice; side by side, objects of later key ranges may.
            if ($ThrottleLimit -eq 1 -or $Sort -or $Media) { $first.Keys.Count + $second.Keys.Count | Should -Be $Seeded[$Provider].Count }
        }
        finally { $proxy.Dispose() }
    }
}

Describe 'Transient faults through the cmdlet' {
    It '<Fault> halfway: retried, every object exactly once' -ForEach @(
        @{ Fault = 'MalformedBody' }
        @{ Fault = 'TruncatedBody' }
        @{ Fault = 'ResetMidBody' }
    ) {
        $proxy = New-Proxy 'S3'
        try {
            $proxy.Inject($Fault, 1, 2)
            $listing = Invoke-Listing 'S3' $proxy @{ ThrottleLimit = 1 }
            $listing.Failure | Should -BeNullOrEmpty
            $listing.Keys | Should -Be $Seeded['S3']
            $proxy.InjectedOf($Fault) | Should -Be 1
        }
        finally { $proxy.Dispose() }
    }
}

Describe '-TimeoutSec' {
    It 'a store that stops answering: each request is cut at -TimeoutSec and tried again, then one error says where to resume' {
        $proxy = New-Proxy 'GCS'
        try {
            $proxy.Inject('StallSilent', [int]::MaxValue, 2)
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $listing = Invoke-Listing 'GCS' $proxy @{ ThrottleLimit = 1; TimeoutSec = 1 }
            $clock.Stop()

            $listing.Failure.FullyQualifiedErrorId | Should -BeLike 'CloudEndpointUnreachable*'
            $listing.Failure.Exception.Message | Should -Match 'did not answer a list request within 1 s \(-TimeoutSec\), 4 times in a row'
            (Get-ResumeAdvice $listing.Failure).Emitted | Should -Be 100
            $proxy.InjectedOf('StallSilent') | Should -Be 4
            # 4 time-outs of 1 s and waits of 1, 2 and 4 s between them: not the 100 to 600 s the SDKs waited alone.
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 40
        }
        finally { $proxy.Dispose() }
    }

    It 'with -MaximumRetryCount 1 a request that times out is tried once more, not 3 times' {
        $proxy = New-Proxy 'GCS'
        try {
            $proxy.Inject('StallSilent', [int]::MaxValue, 2)
            $listing = Invoke-Listing 'GCS' $proxy @{ ThrottleLimit = 1; TimeoutSec = 1; MaximumRetryCount = 1 }

            $listing.Failure.FullyQualifiedErrorId | Should -BeLike 'CloudEndpointUnreachable*'
            $listing.Failure.Exception.Message | Should -Match 'within 1 s \(-TimeoutSec\), 2 times in a row'
            (Get-ResumeAdvice $listing.Failure).Emitted | Should -Be 100
            $proxy.InjectedOf('StallSilent') | Should -Be 2
        }
        finally { $proxy.Dispose() }
    }

    It 'is documented with its default' {
        (Get-Help Get-CloudObject -Parameter TimeoutSec).description.Text | Should -Match 'default 30'
    }
}

Describe 'Stopping a listing while a request is stalled' {
    It 'PowerShell.Stop() (what Ctrl+C does), -ThrottleLimit <ThrottleLimit>, returns within a second' -ForEach @(
        @{ ThrottleLimit = 1 }
        @{ ThrottleLimit = 8 }
    ) {
        $proxy = New-Proxy 'S3'
        # The module loaded by the runspace's InitialSessionState and one statement, not a batch: after Stop(), a
        # batch's worker reads the runspace's variables, and once the runspace is disposed that crashes the process.
        $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
        $state.ImportPSModule($env:ENCORDSPEC_MODULE_PATH)
        $shell = [powershell]::Create($state)
        try {
            $proxy.Inject('StallAfterHeaders', [int]::MaxValue, 1)
            $parameters = $Stores.S3.Parameters + @{ Bucket = $Bucket; EndpointUrl = $proxy.Url; PageSize = 50; ThrottleLimit = $ThrottleLimit }
            $null = $shell.AddCommand('Get-CloudObject').AddParameters($parameters)
            $running = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ($proxy.InjectedOf('StallAfterHeaders') -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $proxy.InjectedOf('StallAfterHeaders') | Should -BeGreaterOrEqual 1
            Start-Sleep -Milliseconds 300 # well into the stall

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Stop()

            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
        }
        finally { $shell.Dispose(); $proxy.Dispose() }
    }

    It 'Stop-Job returns within a second' {
        $proxy = New-Proxy 'S3'
        try {
            $proxy.Inject('StallSilent', [int]::MaxValue, 1)
            $job = Start-Job -ScriptBlock {
                param($ModulePath, $Url, $Bucket)
                Import-Module $ModulePath
                Get-CloudObject -Provider S3 -Bucket $Bucket -EndpointUrl $Url -AccessKey S3RVER -SecretKey S3RVER -Region us-east-1 -PageSize 50 -ThrottleLimit 1
            } -ArgumentList $env:ENCORDSPEC_MODULE_PATH, $proxy.Url, $Bucket
            $deadline = [DateTime]::UtcNow.AddSeconds(90)
            while ($proxy.InjectedOf('StallSilent') -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $proxy.InjectedOf('StallSilent') | Should -BeGreaterOrEqual 1
            Start-Sleep -Milliseconds 300

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $job | Stop-Job
            $clock.Stop()

            $job.State | Should -Be 'Stopped'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            @($job | Receive-Job -ErrorAction SilentlyContinue).Count | Should -Be 50
        }
        finally { $job | Remove-Job -Force -ErrorAction SilentlyContinue; $proxy.Dispose() }
    }
}
