# Measuring helpers for the benchmarks: every figure is the wall time, the CPU time (user + system) and the peak RSS
# of a whole process, as /usr/bin/time reports them, and each pair of commands runs alternately so that machine noise
# hits both alike.
Set-StrictMode -Version 3.0

function Invoke-Measured {
    <# Runs one command line (argv) under /usr/bin/time; returns seconds, CPU seconds, peak MB and exit code. #>
    param(
        [Parameter(Mandatory)] [string[]] $Command,
        [string] $WorkingDirectory = (Get-Location).Path,
        [hashtable] $Environment = @{}
    )
    $timeFile = [System.IO.Path]::GetTempFileName()
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    Push-Location $WorkingDirectory
    try {
        $output = & /usr/bin/time -f '%e %M %U %S' -o $timeFile @Command 2>&1
        $exitCode = $LASTEXITCODE
    }
    finally {
        Pop-Location
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
    $fields = (Get-Content $timeFile | Select-Object -Last 1) -split ' '
    Remove-Item $timeFile
    [pscustomobject]@{
        Seconds    = [double]$fields[0]
        PeakMB     = [math]::Round([double]$fields[1] / 1024, 1)
        CpuSeconds = [double]$fields[2] + [double]$fields[3]
        ExitCode = $exitCode
        Output   = ($output | Out-String).Trim()
    }
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Measure-Pair {
    <#
    Runs our command and the peer's alternately -Runs times each and returns one row with the medians and ratios.
    A run that exits non-zero stops the benchmark: a figure from a failed run means nothing.
    #>
    param(
        [Parameter(Mandatory)] [string] $Scenario,
        [Parameter(Mandatory)] [string[]] $Ours,
        [Parameter(Mandatory)] [string] $PeerName,
        [Parameter(Mandatory)] [string[]] $Peer,
        [int] $Runs = 3,
        [string] $WorkingDirectory = (Get-Location).Path,
        [hashtable] $Environment = @{},
        [scriptblock] $BeforeEach = {},
        [string] $Target = '',
        # Decides whether the target is met, given the row: $true/$false, or a text that starts with 'yes' or 'NO'
        # and says by how much; $null when the row states no target.
        [scriptblock] $IsMet = $null,
        # Objects our command lists, for its rate per CPU-second; 0 when it lists none.
        [long] $Objects = 0
    )
    $oursRuns = @(); $peerRuns = @()
    for ($run = 1; $run -le $Runs; $run++) {
        foreach ($side in 'ours', 'peer') {
            & $BeforeEach
            $command = if ($side -eq 'ours') { $Ours } else { $Peer }
            $result = Invoke-Measured -Command $command -WorkingDirectory $WorkingDirectory -Environment $Environment
            if ($result.ExitCode -ne 0) {
                throw "$Scenario ($side, run $run) failed with exit code $($result.ExitCode):`n$($result.Output)"
            }
            Write-Host ("  {0,-46} {1,-5} run {2}: {3,7:N2} s {4,7:N2} CPU-s {5,8:N1} MB" -f $Scenario, $side, $run, $result.Seconds, $result.CpuSeconds, $result.PeakMB)
            if ($side -eq 'ours') { $oursRuns += $result } else { $peerRuns += $result }
        }
    }
    New-ResultRow -Scenario $Scenario -PeerName $PeerName -Target $Target -IsMet $IsMet -Objects $Objects `
        -OursSeconds (Get-Median $oursRuns.Seconds) -OursMB (Get-Median $oursRuns.PeakMB) -OursCpuSeconds (Get-Median $oursRuns.CpuSeconds) `
        -PeerSeconds (Get-Median $peerRuns.Seconds) -PeerMB (Get-Median $peerRuns.PeakMB)
}

function Measure-Reference {
    <#
    Runs one command -Runs times and returns a row with its medians and no peer: a reference point that explains
    other rows (bare pwsh start-up, PowerShell's own cost of a pipeline without EncordSpec).
    #>
    param(
        [Parameter(Mandatory)] [string] $Scenario,
        [Parameter(Mandatory)] [string[]] $Command,
        [int] $Runs = 3,
        [string] $WorkingDirectory = (Get-Location).Path,
        [hashtable] $Environment = @{},
        # Objects the command lists, for its rate per CPU-second; 0 when it lists none.
        [long] $Objects = 0
    )
    $results = for ($run = 1; $run -le $Runs; $run++) {
        $result = Invoke-Measured -Command $Command -WorkingDirectory $WorkingDirectory -Environment $Environment
        if ($result.ExitCode -ne 0) { throw "$Scenario (run $run) failed with exit code $($result.ExitCode):`n$($result.Output)" }
        Write-Host ("  {0,-46} ref   run {1}: {2,7:N2} s {3,7:N2} CPU-s {4,8:N1} MB" -f $Scenario, $run, $result.Seconds, $result.CpuSeconds, $result.PeakMB)
        $result
    }
    New-ResultRow -Scenario $Scenario -PeerName '(reference)' -OursSeconds (Get-Median $results.Seconds) -OursMB (Get-Median $results.PeakMB) `
        -OursCpuSeconds (Get-Median $results.CpuSeconds) -PeerSeconds 0 -PeerMB 0 -Target '' -IsMet $null -Objects $Objects
}

function New-ResultRow {
    param([string] $Scenario, [string] $PeerName, [double] $OursSeconds, [double] $OursMB, [double] $PeerSeconds,
        [double] $PeerMB, [string] $Target, [scriptblock] $IsMet, [double] $OursCpuSeconds = 0, [long] $Objects = 0)
    $row = [pscustomobject]@{
        Scenario            = $Scenario
        OursSeconds         = $OursSeconds
        OursMB              = $OursMB
        OursCpuSeconds      = $OursCpuSeconds
        # Objects listed per CPU-second of our whole process, pwsh start-up included: what one core sustains.
        ObjectsPerCpuSecond = if ($Objects -gt 0 -and $OursCpuSeconds -gt 0) { $Objects / $OursCpuSeconds } else { $null }
        # Objects per second of wall time, pwsh start-up included.
        ObjectsPerSecond    = if ($Objects -gt 0 -and $OursSeconds -gt 0) { $Objects / $OursSeconds } else { $null }
        Peer                = $PeerName
        PeerSeconds         = $PeerSeconds
        PeerMB              = $PeerMB
        # Above 1 means we are faster / leaner than the peer.
        SpeedRatio          = if ($OursSeconds -gt 0 -and $PeerSeconds -gt 0) { [math]::Round($PeerSeconds / $OursSeconds, 2) } else { $null }
        MemoryRatio         = if ($OursMB -gt 0 -and $PeerMB -gt 0) { [math]::Round($PeerMB / $OursMB, 2) } else { $null }
        Target              = $Target
        Met                 = ''
    }
    if ($IsMet) {
        $verdict = & $IsMet $row
        $row.Met = if ($verdict -is [string]) { $verdict } elseif ($verdict) { 'yes' } else { 'NO' }
    }
    $row
}

function Format-ResultTable {
    param([Parameter(ValueFromPipeline)] $Row)
    begin { $rows = @() }
    process { $rows += $Row }
    end {
        $rows | Format-Table -AutoSize -Wrap @(
            'Scenario'
            @{ Label = 'Ours s'; Expression = { '{0:N2}' -f $_.OursSeconds }; Align = 'Right' }
            @{ Label = 'Ours MB'; Expression = { '{0:N0}' -f $_.OursMB }; Align = 'Right' }
            @{ Label = 'CPU s'; Expression = { if ($_.OursCpuSeconds) { '{0:N2}' -f $_.OursCpuSeconds } }; Align = 'Right' }
            @{ Label = 'Cores'; Expression = { if ($_.OursCpuSeconds -and $_.OursSeconds) { '{0:N1}' -f ($_.OursCpuSeconds / $_.OursSeconds) } }; Align = 'Right' }
            @{ Label = 'k obj/CPU-s'; Expression = { if ($_.ObjectsPerCpuSecond) { '{0:N1}' -f ($_.ObjectsPerCpuSecond / 1000) } }; Align = 'Right' }
            @{ Label = 'obj/s'; Expression = { if ($_.ObjectsPerSecond) { '{0:N0}' -f $_.ObjectsPerSecond } }; Align = 'Right' }
            'Peer'
            @{ Label = 'Peer s'; Expression = { if ($_.PeerSeconds) { '{0:N2}' -f $_.PeerSeconds } }; Align = 'Right' }
            @{ Label = 'Peer MB'; Expression = { if ($_.PeerMB) { '{0:N0}' -f $_.PeerMB } }; Align = 'Right' }
            @{ Label = 'Speed x'; Expression = { $_.SpeedRatio }; Align = 'Right' }
            @{ Label = 'Mem x'; Expression = { $_.MemoryRatio }; Align = 'Right' }
            'Target'
            'Met'
        ) | Out-String -Width 250
    }
}

Export-ModuleMember -Function Invoke-Measured, Get-Median, Measure-Pair, Measure-Reference, New-ResultRow, Format-ResultTable
