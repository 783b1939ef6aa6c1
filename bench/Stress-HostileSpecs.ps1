<#
.SYNOPSIS
    Hostile specs for Test-EncordSpec, run by hand (not in CI): each must give its findings in bounded time and memory.

.DESCRIPTION
    Writes each hostile file into -WorkDirectory (streamed, so the generator stays small), then runs Test-EncordSpec on
    it in a fresh pwsh under /usr/bin/time and reports the wall time, the CPU time (user + system, the fair figure on a
    shared machine), the peak resident memory of that process, the
    findings shown (errors and warnings) and the characters they printed. -Scale shrinks every size alike (1 = the
    sizes of issue 14: a 2 GB single-line JSON, a 100 MB string, nesting 100,000 deep, a 50 MB CSV line, a million
    duplicate keys, one group of 10 million URLs). -Cmdlet ConvertFrom-EncordSpec reads each file into items instead
    (counted and dropped as they come), which is where a group's URLs are held. Linux only (/usr/bin/time).

.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Stress-HostileSpecs.ps1 -Scale 0.05

.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Stress-HostileSpecs.ps1 -Scale 1 -Case 'group of many URLs' -Cmdlet ConvertFrom-EncordSpec
#>
param(
    [double] $Scale = 0.05,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/EncordSpec/EncordSpec.psd1'),
    [string] $WorkDirectory = (Join-Path ([IO.Path]::GetTempPath()) 'encordspec-stress'),
    [string[]] $Case,
    [ValidateSet('Test-EncordSpec', 'ConvertFrom-EncordSpec')]
    [string] $Cmdlet = 'Test-EncordSpec'
)
$ErrorActionPreference = 'Stop'
$null = New-Item $WorkDirectory -ItemType Directory -Force
$ModulePath = (Resolve-Path $ModulePath).Path

function Write-SpecFile([string] $Path, [scriptblock] $Body) {
    $writer = [IO.StreamWriter]::new($Path, $false, [Text.UTF8Encoding]::new($false), 1MB)
    try { & $Body $writer } finally { $writer.Dispose() }
}

$url = 'https://b.s3.eu-west-2.amazonaws.com/'
$cases = [ordered]@{
    'single-line JSON' = {
        param($w) $count = [long](2GB * $Scale / 70)
        $w.Write('{"images": [')
        for ($i = 0; $i -lt $count; $i++) { if ($i) { $w.Write(',') }; $w.Write("{`"objectUrl`": `"$url$i.jpg`"}") }
        $w.Write(']}')
    }
    'huge string' = {
        param($w) $w.Write("{`"images`": [{`"objectUrl`": `"$url"); $chunk = 'x' * 1MB
        for ($i = 0; $i -lt [int](100 * $Scale); $i++) { $w.Write($chunk) }
        $w.Write('.jpg"}]}')
    }
    'deep nesting' = {
        param($w) $depth = [int](100000 * $Scale)
        $w.Write("{`"images`": [{`"objectUrl`": `"${url}a.jpg`", `"clientMetadata`": "); $w.Write('{"a": ' * $depth); $w.Write('1'); $w.Write('}' * $depth); $w.Write('}]}')
    }
    'long CSV line' = {
        param($w) $w.Write("ObjectUrl,Image group title,Create video`r`n$url"); $chunk = 'y' * 1MB
        for ($i = 0; $i -lt [int](50 * $Scale); $i++) { $w.Write($chunk) }
        $w.Write(".jpg,,`r`n")
    }
    'duplicate keys' = {
        param($w) $count = [int](1000000 * $Scale)
        $w.Write("{`"images`": [{`"objectUrl`": `"${url}a.jpg`"")
        for ($i = 0; $i -lt $count; $i++) { $w.Write(', "title": "t"') }
        $w.Write('}]}')
    }
    'group of many URLs' = {
        param($w) $count = [int](10000000 * $Scale)
        $w.Write('{"image_groups": [{"title": "g", "createVideo": false')
        for ($i = 0; $i -lt $count; $i++) { $w.Write(", `"objectUrl_$i`": `"$url$i.jpg`"") }
        $w.Write('}]}')
    }
}

$probe = @'
param($Module, $File, $Cmdlet)
Import-Module $Module
$errors = @(); $warnings = @()
& $Cmdlet -LiteralPath $File -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null # streamed: nothing is collected
$text = (@($errors) + @($warnings) | ForEach-Object { "$_" }) -join "`n"
[pscustomobject]@{ Errors = $errors.Count; Warnings = $warnings.Count; Characters = $text.Length; Rules = (@($errors.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Sort-Object -Unique) -join ' ') } | ConvertTo-Json -Compress
'@
$probeFile = Join-Path $WorkDirectory 'probe.ps1'
Set-Content $probeFile $probe
$pwsh = [Environment]::ProcessPath
[string[]] $pwshArguments = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { @((Join-Path $PSHOME 'pwsh.dll')) } else { @() }

foreach ($name in $cases.Keys) {
    if ($Case -and $name -notin $Case) { continue }
    $file = Join-Path $WorkDirectory (($name -replace ' ', '-') + $(if ($name -like '*CSV*') { '.csv' } else { '.json' }))
    Write-SpecFile $file $cases[$name]
    $timeFile = Join-Path $WorkDirectory 'time.txt'
    $json = & /usr/bin/time -f '%e %U %S %M' -o $timeFile $pwsh @pwshArguments -NoProfile -NonInteractive -File $probeFile $ModulePath $file $Cmdlet
    $seconds, $user, $system, $peakKb = (Get-Content $timeFile -Tail 1) -split ' '
    $result = $json | Select-Object -Last 1 | ConvertFrom-Json
    [pscustomobject]@{
        Case = $name; 'File MB' = [math]::Round((Get-Item $file).Length / 1MB, 1); Seconds = [double]$seconds
        'CPU s' = [math]::Round([double]$user + [double]$system, 1)
        'Peak MB' = [math]::Round([double]$peakKb / 1024); Errors = $result.Errors; Warnings = $result.Warnings
        'Chars printed' = $result.Characters; Rules = $result.Rules
    }
    Remove-Item $file
}
Remove-Item $WorkDirectory -Recurse -Force
