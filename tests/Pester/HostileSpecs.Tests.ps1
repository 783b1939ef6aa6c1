# Specs made to hurt the reader: too many findings, huge values, a stream that never ends. Each gives its findings, or
# stops when asked, in bounded time and output.

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force

    # A runspace with the module loaded; the command is then one statement, not a batch (a batch's worker reads the
    # runspace's variables after a stop, and crashed the process once the runspace was disposed).
    function New-ModuleShell {
        $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
        $state.ImportPSModule($env:ENCORDSPEC_MODULE_PATH)
        [powershell]::Create($state)
    }

    # Runs $Command on $Path in $Shell (New-ModuleShell), asserts it is still running after 1.5 s (waiting or
    # reading), then that Stop() returns within 3 s.
    function Assert-StopsWhenAsked([System.Management.Automation.PowerShell] $Shell, [string] $Command, [string] $Path) {
        $null = $Shell.AddCommand($Command).AddArgument($Path)
        $running = $Shell.BeginInvoke()
        Start-Sleep -Milliseconds 1500
        $running.IsCompleted | Should -BeFalse
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $stopping = $Shell.BeginStop($null, $null)
        $stopping.AsyncWaitHandle.WaitOne(15000) | Should -BeTrue
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        $Shell.InvocationStateInfo.State | Should -Be 'Stopped'
    }

    # A spec of $Count images, each with its title key given twice: $Count DuplicateKey findings.
    function New-DuplicateKeySpec([string] $Path, [int] $Count) {
        $items = foreach ($i in 1..$Count) { "{`"objectUrl`": `"https://b.s3.eu-west-2.amazonaws.com/$i.jpg`", `"title`": `"a`", `"title`": `"b`"}" }
        Set-Content -LiteralPath $Path -Value ("{`"images`": [" + ($items -join ",`n") + "]}")
    }
}

Describe 'Findings are capped per rule' {
    BeforeAll {
        $spec = Join-Path $TestDrive 'duplicates.json'
        New-DuplicateKeySpec $spec 1000
    }

    It 'shows the first 100 findings of a rule, then says how many more there were' {
        $result = Test-EncordSpec $spec -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable notes -WarningAction SilentlyContinue
        $result | Should -BeFalse
        $problems | Should -HaveCount 100
        @($problems.FullyQualifiedErrorId | Sort-Object -Unique) | Should -Be 'DuplicateKey,EncordSpec.Cmdlets.TestEncordSpecCommand'
        $notes | Should -HaveCount 1
        "$notes" | Should -BeLike 'duplicates.json: 900 more DuplicateKey finding(s) not shown (1,000 in all;*-MaxFindings*'
    }

    It 'shows as many as -MaxFindings says, every one with -MaxFindings 0, and caps -Detailed alike' {
        $null = Test-EncordSpec $spec -MaxFindings 5 -ErrorVariable five -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $five | Should -HaveCount 5
        $null = Test-EncordSpec $spec -MaxFindings 0 -ErrorVariable all -ErrorAction SilentlyContinue -WarningVariable none
        $all | Should -HaveCount 1000
        $none | Should -BeNullOrEmpty
        $detailed = Test-EncordSpec $spec -Detailed -MaxFindings 7 -WarningVariable notes -WarningAction SilentlyContinue
        $detailed | Should -HaveCount 7
        "$notes" | Should -BeLike '*993 more DuplicateKey*'
    }

    It 'caps ConvertFrom-EncordSpec''s findings too, and still returns every item' {
        $items = ConvertFrom-EncordSpec $spec -MaxFindings 3 -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $items | Should -HaveCount 1000
        $problems | Should -HaveCount 3
    }
}

Describe 'Findings quote values in short' {
    It 'quotes a 5 MB key and a 5 MB URL as marked excerpts, not whole' {
        $spec = Join-Path $TestDrive 'huge-values.json'
        $huge = 'x' * 5MB
        Set-Content -LiteralPath $spec -Value ('{"images": [{"objectUrl": "https://b.s3.eu-west-2.amazonaws.com/a b' + $huge + '.jpg", "' + $huge + '": 1}]}')
        $null = Test-EncordSpec $spec -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable notes -WarningAction SilentlyContinue
        $problems.FullyQualifiedErrorId | Should -Contain 'ObjectUrlWhitespace,EncordSpec.Cmdlets.TestEncordSpecCommand'
        "$notes" | Should -BeLike 'UnknownItemKey*'
        foreach ($finding in @($problems) + @($notes)) {
            "$finding".Length | Should -BeLessThan 2000
            "$finding" | Should -Match "characters left out|\.\.\.'" # a marked excerpt: cut where it says so
        }
    }
}

Describe 'Reading a stream that stalls' {
    It '<Command> on a FIFO nobody writes to stops within seconds when asked' -ForEach @(
        @{ Command = 'Test-EncordSpec' }, @{ Command = 'ConvertFrom-EncordSpec' }
    ) {
        $fifo = Join-Path $TestDrive "stalled-$Command.json"
        & mkfifo $fifo
        $shell = New-ModuleShell
        try {
            Assert-StopsWhenAsked $shell $Command $fifo # it waits for a writer, as it should, until stopped
        }
        finally {
            # Let a worker still blocked in open() go: a writer that opens and closes the FIFO ends it.
            $writer = [IO.File]::Open($fifo, 'Open', 'Write', 'ReadWrite'); $writer.Dispose()
            $shell.Dispose()
        }
    }

    It 'Test-EncordSpec reading whitespace that never ends stops within seconds when asked' {
        $fifo = Join-Path $TestDrive 'endless-whitespace.json'
        & mkfifo $fifo
        $writer = Start-ThreadJob {
            param($Path) # spaces until the reader goes (the write then fails with a broken pipe)
            $stream = [IO.FileStream]::new($Path, 'Open', 'Write')
            $spaces = [byte[]]::new(65536); [Array]::Fill($spaces, [byte] 32)
            try { while ($true) { $stream.Write($spaces, 0, $spaces.Length) } }
            catch { }
            finally { try { $stream.Dispose() } catch { } }
        } -ArgumentList $fifo
        $shell = New-ModuleShell
        try {
            Assert-StopsWhenAsked $shell 'Test-EncordSpec' $fifo # still skipping whitespace until stopped
        }
        finally {
            $shell.Dispose()
            $writer | Wait-Job -Timeout 10 | Remove-Job -Force
        }
    }

    It 'still reads a spec from a FIFO that is written' {
        $fifo = Join-Path $TestDrive 'written.json'
        & mkfifo $fifo
        $writer = Start-ThreadJob {
            param($Path) # FileMode.Open: a FIFO cannot be truncated or sought, as Set-Content would
            $stream = [IO.FileStream]::new($Path, 'Open', 'Write')
            try { $bytes = [Text.Encoding]::UTF8.GetBytes('{"images": [{"objectUrl": "https://b.s3.eu-west-2.amazonaws.com/a.jpg"}]}'); $stream.Write($bytes, 0, $bytes.Length) }
            finally { $stream.Dispose() }
        } -ArgumentList $fifo
        try { (ConvertFrom-EncordSpec -LiteralPath $fifo).ObjectUrl | Should -Be 'https://b.s3.eu-west-2.amazonaws.com/a.jpg' }
        finally { $writer | Wait-Job -Timeout 10 | Remove-Job -Force }
    }
}

Describe 'Characters the platform''s jsonb refuses' {
    BeforeAll {
        $url = 'https://b.s3.eu-west-2.amazonaws.com/a.jpg'
        $nulSpec = Join-Path $TestDrive 'nul.json'
        Set-Content -LiteralPath $nulSpec -Value ('{"images": [{"objectUrl": "' + $url + '", "clientMetadata": {"camera": {"serial": "A\u00001"}}}]}')
        $csvSpec = Join-Path $TestDrive 'control.csv'
        [IO.File]::WriteAllText($csvSpec, "ObjectUrl,Image group title,Create video`r`n$url,,`r`nhttps://b.s3.eu-west-2.amazonaws.com/b`0.jpg,,`r`n")
    }

    It 'Test-EncordSpec reports \u0000 in nested clientMetadata and a NUL in a CSV object URL, naming the place' {
        Test-EncordSpec $nulSpec -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeFalse
        $problems.FullyQualifiedErrorId | Should -Be 'ControlCharacter,EncordSpec.Cmdlets.TestEncordSpecCommand'
        "$problems" | Should -BeLike '*images`[0`].clientMetadata.camera.serial*line 1*'
        Test-EncordSpec $csvSpec -ErrorVariable csvProblems -ErrorAction SilentlyContinue | Should -BeFalse
        $csvProblems.FullyQualifiedErrorId | Should -Be 'ControlCharacter,EncordSpec.Cmdlets.TestEncordSpecCommand'
        "$csvProblems" | Should -BeLike '*row 2*line 3*\u0000*'
    }

    It 'ConvertFrom-EncordSpec reports it as an error and still returns the item' {
        $items = ConvertFrom-EncordSpec $nulSpec -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.FullyQualifiedErrorId | Should -Be 'ControlCharacter,EncordSpec.Cmdlets.ConvertFromEncordSpecCommand'
        $items.ObjectUrl | Should -Be $url
    }

    It 'ConvertTo-EncordSpec refuses the item with the same ErrorId and writes the others' {
        $out = Join-Path $TestDrive 'written.json'
        @(
            [pscustomobject]@{ ObjectUrl = $url; Meta = @{ serial = "A`01" } }
            [pscustomobject]@{ ObjectUrl = 'https://b.s3.eu-west-2.amazonaws.com/c.jpg'; Meta = @{ serial = 'A1' } }
        ) | ConvertTo-EncordSpec -Path $out -ClientMetadata { $_.Meta } -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.FullyQualifiedErrorId | Should -Be 'ControlCharacter,EncordSpec.Cmdlets.ConvertToEncordSpecCommand'
        "$problems" | Should -BeLike '*clientMetadata.serial*'
        (Get-Content -Raw $out | ConvertFrom-Json).images.objectUrl | Should -Be 'https://b.s3.eu-west-2.amazonaws.com/c.jpg'
    }
}
