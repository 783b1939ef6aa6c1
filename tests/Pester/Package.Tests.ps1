# The packages users install from (src/Packaging/New-ModulePackage.ps1, which build.ps1 -Task Package runs after a
# build), made here from the suite's build and used as users would: every step runs in a fresh pwsh started in a
# temporary folder outside the repository, with an empty home of its own, so that only the package can supply the
# module. The README's installing commands and step 3 of its runbook are read from README.md and run as written.
# Listings go to the S3 emulator build.ps1 starts. Nothing contacts the PowerShell Gallery: every PSResourceGet call
# names a repository registered here on a local folder.

BeforeAll {
    $RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $Readme = Get-Content (Join-Path $RepositoryRoot 'README.md') -Raw
    $ModuleDir = Split-Path $env:ENCORDSPEC_MODULE_PATH
    $ModuleName = Split-Path $ModuleDir -Leaf
    $Manifest = Import-PowerShellDataFile $env:ENCORDSPEC_MODULE_PATH

    # Where the README's commands expect the package: ./out/package under the folder they run in.
    $Packages = @(& (Join-Path $RepositoryRoot 'src/Packaging/New-ModulePackage.ps1') -ModuleDir $ModuleDir -OutputDirectory (Join-Path $TestDrive 'out/package'))
    $Nupkg = $Packages | Where-Object Extension -EQ '.nupkg'
    $Zip = $Packages | Where-Object Extension -EQ '.zip'

    $bucketKeys = 'site-a/cam1/frame_10.jpg', 'site-a/cam1/frame_2.jpg', 'site-a/cam1/frame_1.jpg', 'site-b/front.png', 'site-b/notes.txt'
    $null = & dotnet $env:ENCORDSPEC_SEEDER seed S3 package-test ('names:' + ($bucketKeys -join ';'))
    if ($LASTEXITCODE -ne 0) { throw 'Seeding the S3 bucket package-test failed.' }
    $BucketUrl = 'https://package-test.s3.eu-west-2.amazonaws.com'
    $S3Listing = "@{ Provider = 'S3'; Bucket = 'package-test'; Region = 'eu-west-2'; EndpointUrl = '$env:ENCORDSPEC_S3_ENDPOINT'; AccessKey = 'S3RVER'; SecretKey = 'S3RVER' }"

    # The README's one ```powershell block that contains this text, as written.
    function Get-ReadmeBlock([string] $Containing) {
        $blocks = [regex]::Matches($Readme, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
        $found = @($blocks | Where-Object { $_.Contains($Containing) })
        if ($found.Count -ne 1) { throw "README.md has $($found.Count) powershell blocks with '$Containing'; the test expects one." }
        $found[0]
    }

    # A fresh pwsh (the one running this test) in $WorkingDirectory, with $HomeDirectory as its home: its CurrentUser
    # module folder, its PSResourceGet repositories and settings start empty, and only $ModulePath and
    # $PSHOME/Modules are added to its module path. Returns the exit code, what it printed, and its home.
    function Invoke-FreshPwsh {
        param(
            [Parameter(Mandatory)] [string] $WorkingDirectory,
            [Parameter(Mandatory)] [string] $Command,
            [string] $HomeDirectory = (Join-Path $TestDrive "home-$([guid]::NewGuid().ToString('N'))"),
            [string[]] $ModulePath = @(),
            [hashtable] $Environment = @{}
        )
        $null = New-Item $HomeDirectory -ItemType Directory -Force
        $pwshArguments = @('-NoProfile', '-NonInteractive', '-Command', $Command)
        # Started as this session was: pwsh itself, or `dotnet pwsh.dll` for the repository's local tool.
        $start = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        $pwshArguments | ForEach-Object { $start.ArgumentList.Add($_) }
        $start.WorkingDirectory = $WorkingDirectory
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $settings = @{
            HOME = $HomeDirectory; XDG_DATA_HOME = "$HomeDirectory/.local/share"; XDG_CONFIG_HOME = "$HomeDirectory/.config"
            XDG_CACHE_HOME = "$HomeDirectory/.cache"; POWERSHELL_TELEMETRY_OPTOUT = '1'; POWERSHELL_UPDATECHECK = 'Off'
            PSModulePath = (@($ModulePath) + (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
        } + $Environment
        foreach ($name in $settings.Keys) { $start.Environment[$name] = $settings[$name] }
        $null = $start.Environment.Remove('ENCORDSPEC_MODULE_PATH')
        $process = [Diagnostics.Process]::Start($start)
        $errors = $process.StandardError.ReadToEndAsync()
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $output; Errors = $errors.Result; Home = $HomeDirectory }
    }

    # The object URLs of a spec's image groups, one 'title: url url ...' line per group.
    function Get-GroupLines([string] $SpecPath) {
        $spec = Get-Content -LiteralPath $SpecPath -Raw | ConvertFrom-Json
        foreach ($group in $spec.image_groups) {
            $urls = $group.PSObject.Properties | Where-Object Name -Like 'objectUrl_*' | ForEach-Object Value
            '{0}: {1}' -f $group.title, ($urls -join ' ')
        }
    }
    $ExpectedGroups = "site-a/cam1: $BucketUrl/site-a/cam1/frame_1.jpg $BucketUrl/site-a/cam1/frame_2.jpg $BucketUrl/site-a/cam1/frame_10.jpg",
        "site-b: $BucketUrl/site-b/front.png"
}

Describe 'The .nupkg' {
    It 'installs with the README''s commands into an empty CurrentUser module folder' {
        $installed = Invoke-FreshPwsh -WorkingDirectory $TestDrive -Command (
            '$ErrorActionPreference = "Stop"' + "`n" + (Get-ReadmeBlock 'EncordSpecLocal') + "`n" + '(Get-Module EncordSpec).ModuleBase')
        $installed.ExitCode | Should -Be 0 -Because $installed.Errors
        $moduleBase = Join-Path $installed.Home ".local/share/powershell/Modules/$ModuleName/$($Manifest.ModuleVersion)"
        $installed.Output.Trim() | Should -Be $moduleBase
        Join-Path $moduleBase 'LICENSE' | Should -Exist
        Join-Path $moduleBase 'deps/EncordSpec.Storage.dll' | Should -Exist
        $script:InstalledHome = $installed.Home
    }

    It 'is found by name in a new session, which lists a bucket and writes a spec from it' {
        $command = @"
`$ErrorActionPreference = 'Stop'
Import-Module EncordSpec
`$listing = $S3Listing
Get-CloudObject @listing -DataType Image | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Path ./spec.json | Out-Null
(Get-Module EncordSpec).ModuleBase
Test-EncordSpec -Path ./spec.json
"@
        $work = New-Item (Join-Path $TestDrive 'installed-run') -ItemType Directory
        $run = Invoke-FreshPwsh -WorkingDirectory $work -HomeDirectory $script:InstalledHome -Command $command
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $lines = @($run.Output.Trim() -split '\r?\n')
        $lines[0] | Should -BeLike "$($script:InstalledHome)/.local/share/powershell/Modules/$ModuleName/*"
        $lines[1] | Should -Be 'True'
        Get-GroupLines (Join-Path $work 'spec.json') | Should -Be $ExpectedGroups
    }

    It 'reads a Parquet inventory report, so the Parquet helper and Parquet.Net are in the package' {
        $report = (Resolve-Path (Join-Path $PSScriptRoot '../Data/Inventory/gcs-parquet/reports')).Path
        $command = "`$ErrorActionPreference = 'Stop'; Import-Module EncordSpec; (Get-CloudObject -Provider GCS -InventoryManifest '$report' -UrlStyle Https).Key"
        $run = Invoke-FreshPwsh -WorkingDirectory $TestDrive -HomeDirectory $script:InstalledHome -Command $command
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        @($run.Output.Trim() -split '\r?\n') | Should -Be @('food/Apple/1 (32).jpg', 'food/Apple/1 (33).jpg', 'food/Pear/café 1.png',
            'food/Pear/x+y.png', 'food/clip.mp4')
    }

    It 'publishes to a team repository with the README''s commands and carries the manifest''s Gallery fields' {
        $feed = New-Item (Join-Path $TestDrive 'team-feed') -ItemType Directory
        $publish = (Get-ReadmeBlock 'Publish-PSResource').Replace('\\fileserver\powershell', $feed.FullName)
        $published = Invoke-FreshPwsh -WorkingDirectory $TestDrive -Command (
            '$ErrorActionPreference = "Stop"' + "`n" + $publish + "`n" +
            'Find-PSResource -Name EncordSpec -Repository TeamFeed | Select-Object Name, @{ n = "Version"; e = { "$($_.Version)" } }, Author, Description, LicenseUri, ProjectUri, Tags, ReleaseNotes | ConvertTo-Json -Compress')
        $published.ExitCode | Should -Be 0 -Because $published.Errors
        (Get-ChildItem $feed).Name | Should -Be $Nupkg.Name
        $found = $published.Output | ConvertFrom-Json
        $found.Name | Should -Be $ModuleName
        $found.Version | Should -Be $Manifest.ModuleVersion
        $found.Author | Should -Be $Manifest.Author
        $found.Description | Should -Be $Manifest.Description
        $found.LicenseUri | Should -Be $Manifest.PrivateData.PSData.LicenseUri
        $found.ProjectUri | Should -Be $Manifest.PrivateData.PSData.ProjectUri
        $found.ReleaseNotes | Should -Not -BeNullOrEmpty
        $found.Tags | Should -Contain 'PSEdition_Core'
        $found.Tags | Should -Not -Contain 'PSEdition_Desktop'
        Join-Path $published.Home ".local/share/powershell/Modules/$ModuleName/$($Manifest.ModuleVersion)/$ModuleName.psd1" | Should -Exist
    }
}

Describe 'The Azure Automation .zip' {
    BeforeAll {
        $entries = & {
            $archive = [IO.Compression.ZipFile]::OpenRead($Zip.FullName)
            try { $archive.Entries | Where-Object Name | ForEach-Object FullName }
            finally { $archive.Dispose() }
        }
    }

    It 'is named as the module and holds the module folder, named the same, with the manifest and LICENSE in it' {
        $Zip.Name | Should -Be "$ModuleName.zip"
        $entries | Where-Object { -not $_.StartsWith("$ModuleName/") } | Should -BeNullOrEmpty
        $entries | Should -Contain "$ModuleName/$ModuleName.psd1"
        $entries | Should -Contain "$ModuleName/LICENSE"
    }

    It 'holds every file of the built module, each path under the 140 characters Automation can import' {
        $built = Get-ChildItem $ModuleDir -Recurse -File | ForEach-Object { "$ModuleName/" + [IO.Path]::GetRelativePath($ModuleDir, $_.FullName).Replace('\', '/') }
        @($entries | Where-Object { $_ -ne "$ModuleName/LICENSE" } | Sort-Object) | Should -Be @($built | Sort-Object)
        $entries | Where-Object Length -GE 140 | Should -BeNullOrEmpty
    }

    It 'runs step 3 of the README''s runbook as written, with the module unpacked from it' {
        $modules = New-Item (Join-Path $TestDrive 'automation/Modules') -ItemType Directory
        [IO.Compression.ZipFile]::ExtractToDirectory($Zip.FullName, $modules.FullName)
        $sandboxTemp = New-Item (Join-Path $TestDrive 'automation/temp') -ItemType Directory
        $runbook = Get-ReadmeBlock 'Connect-AzAccount -Identity'
        $step3 = [regex]::Match($runbook, '(?ms)^# 3\..*?(?=^# 4\.)').Value
        $step3 | Should -BeLike '*Get-CloudObject*ConvertTo-EncordSpec*Test-EncordSpec*'
        $command = "`$ErrorActionPreference = 'Stop'`n`$listing = $S3Listing`n`$SpecBlobName = 'spec.json'`n$step3`n(Get-Module EncordSpec).ModuleBase"
        $run = Invoke-FreshPwsh -WorkingDirectory (New-Item (Join-Path $TestDrive 'automation/work') -ItemType Directory) `
            -ModulePath $modules.FullName -Environment @{ TMPDIR = $sandboxTemp.FullName } -Command $command
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output.Trim() | Should -Be (Join-Path $modules.FullName $ModuleName)
        Get-GroupLines (Join-Path $sandboxTemp 'spec.json') | Should -Be $ExpectedGroups
    }
}
