# What ConvertTo-EncordSpec does to the file system at -Path, tried as an attacker (or an unlucky runbook) would: only
# a regular file is ever replaced, a link is written through, a replaced file keeps its mode and owner, every failure
# has a stable ErrorId, and no temporary file outlives a run (a failed run removes its own; a killed run's are removed
# by the next successful write). Run as root in CI, so devices, FIFOs, owners and a full (tmpfs) disk are real.

BeforeDiscovery {
    $IsRoot = (& id -u) -eq '0'
}

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $s3 = 'https://b.s3.eu-west-2.amazonaws.com'

    function Get-Kind([string] $Path) { (& stat -c '%F' $Path) }

    # The one terminating error a write ends with.
    function Get-WriteError([scriptblock] $Command) {
        try { $null = & $Command; $null } catch { $_ }
    }

    # A pwsh like this one (pwsh itself, or `dotnet pwsh.dll` for the repository's local tool) that writes a spec slowly.
    function Start-SlowWriter([string] $Path) {
        $script = "Import-Module '$env:ENCORDSPEC_MODULE_PATH'; 1..1000000 | ForEach-Object { if (`$_ % 1000 -eq 0) { Start-Sleep -Milliseconds 20 }; '$s3/' + `$_ + '.jpg'; '$s3/' + `$_ + '.mp4' } | ConvertTo-EncordSpec -Path '$Path' -Force"
        $start = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        '-NoProfile', '-NonInteractive', '-Command', $script | ForEach-Object { $start.ArgumentList.Add($_) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        [Diagnostics.Process]::Start($start)
    }

    # Waits until the writer has its temporary spec and both section buffers beside the target.
    function Wait-HiddenFiles([string] $Folder, [int] $Count) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        while ($clock.Elapsed.TotalSeconds -lt 60) {
            $hidden = @(Get-ChildItem $Folder -Force -Filter '.*')
            if ($hidden.Count -ge $Count -and ($hidden | Measure-Object Length -Sum).Sum -gt 0) { return $hidden }
            Start-Sleep -Milliseconds 100
        }
        throw "The writer made no $Count hidden files in $Folder within a minute."
    }
}

Describe 'Only a regular file is ever replaced' {
    It 'refuses the device /dev/null with -Force, and leaves it a device' {
        $error = Get-WriteError { "$s3/a.jpg" | ConvertTo-EncordSpec -Path /dev/null -Force }
        $error.FullyQualifiedErrorId | Should -BeLike 'SpecPathNotRegularFile,*'
        $error.Exception.Message | Should -BeLike "*'/dev/null' is a character device*"
        Get-Kind /dev/null | Should -Be 'character special file'
        @(Get-ChildItem /dev -Force -Filter '.null.*') | Should -BeNullOrEmpty
    }

    It 'refuses a FIFO, and leaves it a FIFO' {
        $fifo = Join-Path $TestDrive 'spec.fifo'
        & mkfifo $fifo
        $error = Get-WriteError { "$s3/a.jpg" | ConvertTo-EncordSpec -Path $fifo -Force }
        $error.FullyQualifiedErrorId | Should -BeLike 'SpecPathNotRegularFile,*'
        Get-Kind $fifo | Should -Be 'fifo'
    }

    It 'refuses a folder by name with a hint, never with a raw IOException' {
        $folder = New-Item (Join-Path $TestDrive 'a-folder') -ItemType Directory
        $error = Get-WriteError { "$s3/a.jpg" | ConvertTo-EncordSpec -Path $folder.FullName -Force }
        $error.FullyQualifiedErrorId | Should -BeLike 'SpecPathNotRegularFile,*'
        $error.Exception.Message | Should -BeLike '*is a folder*spec.json*'
        @(Get-ChildItem $folder -Force) | Should -BeNullOrEmpty
        @(Get-ChildItem $TestDrive -Force -Filter '.a-folder.*') | Should -BeNullOrEmpty
    }

    It 'writes through a symbolic link to its target, and the link stays a link' {
        $folder = New-Item (Join-Path $TestDrive 'linked') -ItemType Directory
        $target = Join-Path $folder 'real.json'
        Set-Content $target 'old'
        $link = New-Item (Join-Path $folder 'spec.json') -ItemType SymbolicLink -Value $target
        $written = "$s3/a.jpg" | ConvertTo-EncordSpec -Path $link.FullName -Force
        $written.FullName | Should -Be $target
        Get-Kind $link.FullName | Should -Be 'symbolic link'
        (Get-Content $target -Raw | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/a.jpg"
        @(Get-ChildItem $folder -Force) | Should -HaveCount 2
    }

    It 'keeps the mode and owner of the file it replaces (600 nobody stays 600 nobody)' -Skip:(-not $IsRoot) {
        $path = Join-Path $TestDrive 'owned.json'
        Set-Content $path 'old'
        & chmod 600 $path
        & chown nobody:nogroup $path
        $null = "$s3/a.jpg" | ConvertTo-EncordSpec -Path $path -Force
        & stat -c '%a %U %G' $path | Should -Be '600 nobody nogroup'
        (Get-Content $path -Raw | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/a.jpg"
    }
}

Describe 'Names, folders and -WhatIf' {
    It 'writes a target name of <Length> characters (its temporary name is shortened, never the user''s)' -ForEach @(
        @{ Length = 232 }, @{ Length = 255 }
    ) {
        $folder = New-Item (Join-Path $TestDrive "long-$Length") -ItemType Directory
        $name = ('n' * ($Length - 5)) + '.json'
        $written = "$s3/a.jpg" | ConvertTo-EncordSpec -Path (Join-Path $folder $name) -ErrorAction SilentlyContinue
        $written.Name | Should -Be $name
        @(Get-ChildItem $folder -Force).Name | Should -Be $name
    }

    It 'says which folder is missing (SpecFolderNotFound)' {
        $error = Get-WriteError { "$s3/a.jpg" | ConvertTo-EncordSpec -Path (Join-Path $TestDrive 'missing/spec.json') }
        $error.FullyQualifiedErrorId | Should -BeLike 'SpecFolderNotFound,*'
        $error.Exception.Message | Should -BeLike '*missing*'
    }

    It 'under -WhatIf into a missing folder, fails nothing and creates nothing' {
        $path = Join-Path $TestDrive 'missing-whatif/spec.json'
        $output = "$s3/a.jpg" | ConvertTo-EncordSpec -Path $path -WhatIf -ErrorVariable problems
        $output | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
        Test-Path (Join-Path $TestDrive 'missing-whatif') | Should -BeFalse
    }
}

Describe 'No temporary file outlives a run' {
    It 'on a full disk, ends with SpecFileDiskFull and leaves nothing behind (<Format>)' -Skip:(-not $IsRoot) -ForEach @(
        @{ Format = 'Csv' }, @{ Format = 'Json' }
    ) {
        $disk = New-Item (Join-Path $TestDrive "full-$Format") -ItemType Directory
        & mount -t tmpfs -o size=256k tmpfs $disk.FullName
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'this machine cannot mount a small tmpfs'; return }
        try {
            $format = @{ $Format = $true }
            $error = Get-WriteError { 1..20000 | ForEach-Object { "$s3/a-long-enough-key-name/$_.jpg" } | ConvertTo-EncordSpec -Path (Join-Path $disk 'spec.json') @format }
            $error.FullyQualifiedErrorId | Should -BeLike 'SpecFileDiskFull,*'
            $error.Exception.Message | Should -BeLike '*spec.json*full*'
            @(Get-ChildItem $disk -Force) | Should -BeNullOrEmpty
        }
        finally { & umount --lazy $disk.FullName }
    }

    It 'writes a <Format> spec of one data type that takes 70 % of the free space (its size is needed once, not twice)' -Skip:(-not $IsRoot) -ForEach @(
        @{ Format = 'Json'; Count = 6500 }, @{ Format = 'Csv'; Count = 10500 }
    ) {
        $disk = New-Item (Join-Path $TestDrive "seventy-percent-$Format") -ItemType Directory
        & mount -t tmpfs -o size=1m tmpfs $disk.FullName
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'this machine cannot mount a small tmpfs'; return }
        try {
            $free = [IO.DriveInfo]::new($disk.FullName).AvailableFreeSpace
            $formatSwitch = @{ $Format = $true }
            $urls = 1..$Count | ForEach-Object { "$s3/a-long-enough-key-name/$_.jpg" }
            $expected = $urls | ConvertTo-EncordSpec @formatSwitch # the same spec as text: how large it is
            $size = [Text.Encoding]::UTF8.GetByteCount($expected)
            $size / $free | Should -BeGreaterThan 0.65
            $size / $free | Should -BeLessThan 0.8
            $name = "spec.$($Format.ToLower())"
            $file = $urls | ConvertTo-EncordSpec -Path (Join-Path $disk $name) @formatSwitch
            $file.Length | Should -Be $size
            [IO.File]::ReadAllText($file.FullName) | Should -BeExactly $expected
            @(Get-ChildItem $disk -Force).Name | Should -Be @($name) # no buffer or temporary file left
        }
        finally { & umount --lazy $disk.FullName }
    }

    It 'the losing writer of two leaves no temporary file' {
        $folder = New-Item (Join-Path $TestDrive 'race') -ItemType Directory
        $path = Join-Path $folder 'spec.json'
        # The second writer starts while the first is still writing; the first one's file is in place when it ends.
        $error = Get-WriteError {
            & { "$s3/first.jpg"; $null = "$s3/second.jpg" | ConvertTo-EncordSpec -Path $path } | ConvertTo-EncordSpec -Path $path
        }
        $error.FullyQualifiedErrorId | Should -BeLike 'SpecFileNotWritable,*'
        (Get-Content $path -Raw | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/second.jpg"
        @(Get-ChildItem $folder -Force).Name | Should -Be 'spec.json'
    }

    It 'SIGTERM: the writer removes its temporary files as it ends' {
        $folder = New-Item (Join-Path $TestDrive 'sigterm') -ItemType Directory
        $writer = Start-SlowWriter (Join-Path $folder 'spec.json')
        try {
            $null = Wait-HiddenFiles $folder 3
            & kill -TERM $writer.Id
            $writer.WaitForExit(30000) | Should -BeTrue
        }
        finally { if (-not $writer.HasExited) { $writer.Kill() } }
        @(Get-ChildItem $folder -Force) | Should -BeNullOrEmpty
    }

    It 'a hard kill leaves its files, and the next successful write to that target removes them' {
        $folder = New-Item (Join-Path $TestDrive 'killed') -ItemType Directory
        $path = Join-Path $folder 'spec.json'
        $writer = Start-SlowWriter $path
        try {
            $left = Wait-HiddenFiles $folder 3
            & kill -KILL $writer.Id
            $writer.WaitForExit(30000) | Should -BeTrue
        }
        finally { if (-not $writer.HasExited) { $writer.Kill() } }
        @(Get-ChildItem $folder -Force).Count | Should -BeGreaterOrEqual 3 # the temporary spec and both sections
        $null = "$s3/a.jpg" | ConvertTo-EncordSpec -Path $path
        @(Get-ChildItem $folder -Force).Name | Should -Be 'spec.json'
    }
}
