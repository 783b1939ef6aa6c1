# Runs a command with everything it writes kept, and searches all of it for secrets. Dot-sourced by the secrets tests.

# The repository's fixed-answer fault server (tests/EncordSpec.Tests/Support/FaultServer.cs), from the unit tests'
# build; built here when the unit suite has not run.
function Import-FaultServer {
    if ('EncordSpec.Tests.Support.FaultServer' -as [type]) { return }
    $project = Join-Path $PSScriptRoot '../../EncordSpec.Tests'
    $assembly = Join-Path $project 'bin/Release/net10.0/EncordSpec.Tests.dll'
    if (-not (Test-Path $assembly)) {
        & dotnet build (Join-Path $project 'EncordSpec.Tests.csproj') -c Release --nologo -v quiet -clp:NoSummary | Out-Host
        if ($LASTEXITCODE -ne 0) { throw 'Building tests/EncordSpec.Tests (for its FaultServer) failed.' }
    }
    Add-Type -Path $assembly
}

# A runspace with the module loaded, in which a command's progress records are kept too (a console host only draws them).
function New-CaptureRunspace {
    Import-FaultServer
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    $null = $ps.AddCommand('Import-Module').AddParameter('Name', $env:ENCORDSPEC_MODULE_PATH).Invoke()
    $ps.Dispose()
    $runspace
}

# A throwaway RSA key as a service-account file holds it (PKCS#8 PEM), so the Google SDK parses it as a real one.
function New-FakePrivateKeyPem {
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    try { $rsa.ExportPkcs8PrivateKeyPem() + "`n" } finally { $rsa.Dispose() }
}

# The base64 lines of a PEM block: each is part of the secret.
function Get-PemBodyLines([string] $Pem) {
    $Pem -split "`n" | ForEach-Object Trim | Where-Object { $_ -and $_ -notlike '-----*' }
}

# Runs $Command (script text, with $Arguments and the other $Variables set) in $Runspace under Start-Transcript,
# with $Environment set for the run only. Returns every place the run wrote to, by name, as text, and the ErrorIds
# of its errors (the terminating one first) and the rule ids of the findings it wrote.
function Invoke-Captured($Runspace, [string] $Command, [hashtable] $Variables, [hashtable] $Environment, [string] $Transcript) {
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    Remove-Item -LiteralPath $Transcript -ErrorAction Ignore
    $ps = [powershell]::Create()
    $ps.Runspace = $Runspace
    try {
        foreach ($name in $Variables.Keys) { $Runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
        # -WarningAction/-ErrorAction Continue: under -Debug a runspace without a host would ask whether to continue.
        $script = "`$Error.Clear(); `$PSDefaultParameterValues = @{ '*:WarningAction' = 'Continue'; '*:ErrorAction' = 'Continue'; '*:InformationAction' = 'Continue' }
            `$null = Start-Transcript -LiteralPath '$Transcript'
            try { $Command } catch { `$_ } finally { `$null = Stop-Transcript }"
        $output = @($ps.AddScript($script).Invoke())
        $errorVariable = @($Runspace.SessionStateProxy.GetVariable('Error'))
    }
    finally {
        $ps.Dispose()
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
    $terminating = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    $errors = @($terminating) + @($ps.Streams.Error) + @($errorVariable)
    $parts = [ordered]@{
        output = ($output | Out-String -Width 1000)
        error = ($errors | ForEach-Object { Get-ErrorRecordText $_ }) -join "`n"
        warning = ($ps.Streams.Warning | ForEach-Object Message) -join "`n"
        verbose = ($ps.Streams.Verbose | ForEach-Object Message) -join "`n"
        debug = ($ps.Streams.Debug | ForEach-Object Message) -join "`n"
        information = ($ps.Streams.Information | ForEach-Object { "$($_.MessageData)"; "$_" }) -join "`n"
        progress = ($ps.Streams.Progress | ForEach-Object { $_.Activity; $_.StatusDescription; $_.CurrentOperation }) -join "`n"
        transcript = (Get-Content -LiteralPath $Transcript -Raw -ErrorAction Ignore)
    }
    if ($Variables.SpecPath -and (Test-Path -LiteralPath $Variables.SpecPath)) { $parts.spec = Get-Content -LiteralPath $Variables.SpecPath -Raw }
    [pscustomobject]@{
        Parts = $parts
        FindingIds = @($output | Where-Object { $_ -is [EncordSpec.SpecFinding] } | ForEach-Object RuleId)
        ErrorIds = @($errors | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
    }
}

# An error record as text: its ToString(), ErrorId, details, target, and every exception in its chain (Message and ToString()).
function Get-ErrorRecordText($Record) {
    if ($Record -isnot [System.Management.Automation.ErrorRecord]) { return "$Record" }
    $Record.ToString(); $Record.FullyQualifiedErrorId; "$($Record.ErrorDetails)"; "$($Record.TargetObject)"; "$($Record.CategoryInfo)"
    for ($e = $Record.Exception; $e; $e = $e.InnerException) {
        $e.Message; $e.ToString()
        if ($e -is [AggregateException]) { $e.InnerExceptions | ForEach-Object { $_.ToString() } }
    }
}

# Where any secret shows: as given, base64-encoded, URL-encoded, or by its first 8 characters.
function Find-Secrets([System.Collections.IDictionary] $Parts, [string[]] $Secrets) {
    foreach ($secret in $Secrets | Where-Object { $_.Length -ge 8 } | Select-Object -Unique) {
        $forms = @($secret, [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($secret)), [uri]::EscapeDataString($secret), $secret.Substring(0, 8)) | Select-Object -Unique
        foreach ($name in $Parts.Keys) {
            foreach ($form in $forms) {
                if ("$($Parts[$name])".Contains($form, [StringComparison]::Ordinal)) { "'$form' (of '$secret') in $name" }
            }
        }
    }
}

# An account SAS for listing blobs, signed with the account key as the Azure Storage service (and Azurite) checks it
# (the string-to-sign of service version 2020-12-06 and later).
function New-AccountSas([string] $Account, [string] $Key) {
    $fields = [ordered]@{ sv = '2024-05-04'; ss = 'b'; srt = 'sco'; sp = 'rl'; se = '2030-01-01T00:00:00Z' }
    $toSign = ($Account, $fields.sp, $fields.ss, $fields.srt, '', $fields.se, '', '', $fields.sv, '', '') -join "`n"
    $hmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($Key))
    try { $signature = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($toSign))) } finally { $hmac.Dispose() }
    (($fields.GetEnumerator() | ForEach-Object { "$($_.Key)=$([uri]::EscapeDataString($_.Value))" }) -join '&') + "&sig=$([uri]::EscapeDataString($signature))"
}
