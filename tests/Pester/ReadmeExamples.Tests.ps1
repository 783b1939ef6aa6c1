# The README's pipelines, read from README.md and run as written, in a folder that holds the files they name, with
# listings sent to the emulators build.ps1 starts. The installing commands and the runbook run in Package.Tests.ps1.
# Only where the listing goes (-EndpointUrl, through $PSDefaultParameterValues) and the emulator's keys (the AWS
# environment variables) are added, as a user's profile or environment would supply them; the commands are not
# changed.

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $Readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw

    # Each example of the README's ```powershell blocks: the lines from a comment or command after a blank line to
    # the next blank line. The one that contains $Containing, as written.
    function Get-ReadmeExample([string] $Containing) {
        $blocks = [regex]::Matches($Readme, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
        $examples = $blocks | ForEach-Object { $_ -split '(?m)^\s*\r?\n' } | Where-Object { $_.Trim() }
        $found = @($examples | Where-Object { $_.Contains($Containing) })
        if ($found.Count -ne 1) { throw "README.md has $($found.Count) examples with '$Containing'; the test expects one." }
        $found[0]
    }

    # Runs an example in $Folder as a user would type it, and returns what it output.
    function Invoke-ReadmeExample {
        [CmdletBinding()]
        param([string] $Example, [string] $Folder)
        Push-Location $Folder
        try { & ([scriptblock]::Create($Example)) }
        finally { Pop-Location }
    }

    function New-ExampleFolder {
        New-Item (Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))) -ItemType Directory
    }

    function Invoke-Seeder([string] $Provider, [string] $Bucket, [string] $Sets) {
        $null = & dotnet $env:ENCORDSPEC_SEEDER seed $Provider $Bucket $Sets
        if ($LASTEXITCODE -ne 0) { throw "Seeding the $Provider bucket '$Bucket' failed." }
    }

    # The emulator, as a profile would set the endpoint (S3 and OTC: s3rver; the GCS example sets its own); the keys
    # and region as the AWS environment variables would.
    $PSDefaultParameterValues['Get-CloudObject:EndpointUrl'] = $env:ENCORDSPEC_S3_ENDPOINT
    $script:SavedAws = $env:AWS_REGION, $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY
    $env:AWS_REGION = 'us-east-1'   # s3rver reports every bucket there, and the lister asks the bucket
    $env:AWS_ACCESS_KEY_ID = 'S3RVER'
    $env:AWS_SECRET_ACCESS_KEY = 'S3RVER'

    $Bucket = 'https://my-bucket.s3.us-east-1.amazonaws.com'
}

AfterAll {
    $PSDefaultParameterValues.Remove('Get-CloudObject:EndpointUrl')
    $env:AWS_REGION, $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY = $script:SavedAws
}

Describe 'The README''s examples' {
    It 'lists a bucket into image groups per folder, writes spec.json and checks it' {
        Invoke-Seeder S3 my-bucket 'names:food/apples/2.jpg;food/apples/10.jpg;food/apples/1.jpg;food/pears/a.png;food/notes.txt;other/x.jpg'
        $folder = New-ExampleFolder
        $output = Invoke-ReadmeExample (Get-ReadmeExample 'Prefix food/') $folder -WarningAction SilentlyContinue
        $output[-1] | Should -BeTrue
        $spec = Get-Content (Join-Path $folder 'spec.json') -Raw | ConvertFrom-Json
        $spec.image_groups.title | Should -Be 'apples', 'pears'
        @($spec.image_groups[0].PSObject.Properties | Where-Object Name -Like 'objectUrl_*').Value |
            Should -Be "$Bucket/food/apples/1.jpg", "$Bucket/food/apples/2.jpg", "$Bucket/food/apples/10.jpg"
    }

    It 'writes single images and videos from a URL list, duplicates once' {
        $folder = New-ExampleFolder
        Set-Content (Join-Path $folder 'urls.txt') -Value "$Bucket/a.jpg", "$Bucket/clip.mp4", "$Bucket/a.jpg", "$Bucket/anim.gif"
        $null = Invoke-ReadmeExample (Get-ReadmeExample 'Get-Content urls.txt') $folder -WarningVariable warnings -WarningAction SilentlyContinue
        $spec = Get-Content (Join-Path $folder 'spec.json') -Raw | ConvertFrom-Json
        $spec.images.objectUrl | Should -Be "$Bucket/a.jpg", "$Bucket/a.jpg"
        $spec.videos.objectUrl | Should -Be "$Bucket/clip.mp4"
        $spec.skip_duplicate_urls | Should -BeTrue
        "$warnings" | Should -BeLike "*UnsupportedFileType: skipped *anim.gif*"
    }

    It 'groups the rows of a CSV per camera, kept as original images' {
        $folder = New-ExampleFolder
        @(
            [pscustomobject]@{ Url = "$Bucket/cam1/f2.jpg"; Camera = 'cam1' }
            [pscustomobject]@{ Url = "$Bucket/cam2/f1.jpg"; Camera = 'cam2' }
            [pscustomobject]@{ Url = "$Bucket/cam1/f1.jpg"; Camera = 'cam1' }
        ) | Export-Csv (Join-Path $folder 'frames.csv')
        $null = Invoke-ReadmeExample (Get-ReadmeExample 'Import-Csv frames.csv') $folder
        $rows = Import-Csv (Join-Path $folder 'spec.csv')
        $rows.'Image group title' | Should -Be 'cam1', 'cam1', 'cam2'
        $rows.ObjectUrl | Should -Be "$Bucket/cam1/f1.jpg", "$Bucket/cam1/f2.jpg", "$Bucket/cam2/f1.jpg"
        $rows.'Create video' | Select-Object -Unique | Should -Be 'false'
    }

    It 'writes a DICOM series per folder of extension-less files, with metadata' {
        Invoke-Seeder OTC scans 'names:patient1/ct/0001;patient1/ct/0002;patient2/ct/0001'
        $folder = New-ExampleFolder
        $null = Invoke-ReadmeExample (Get-ReadmeExample 'New-EncordDicomSeries') $folder
        $spec = Get-Content (Join-Path $folder 'series.json') -Raw | ConvertFrom-Json
        $spec.dicom_series | Should -HaveCount 2
        $spec.dicom_series.title | Should -Be 'patient1/ct', 'patient2/ct'
        $spec.dicom_series[0].objectUrl_0 | Should -Be 'https://scans.obs.eu-de.otc.t-systems.com/patient1/ct/0001'
        $spec.dicom_series.clientMetadata.modality | Should -Be 'CT', 'CT'
    }

    It 'merges two specs into one CSV, keeping their image groups and each item once' {
        $folder = New-ExampleFolder
        $group = { param($title, $urls) $urls | New-EncordImageGroup -Title $title }
        @("$Bucket/a.jpg", (& $group 'g1' "$Bucket/g/1.jpg", "$Bucket/g/2.jpg")) | ConvertTo-EncordSpec -Path (Join-Path $folder 'a.json') | Out-Null
        @("$Bucket/a.jpg", "$Bucket/b.jpg", (& $group 'g1' "$Bucket/g/1.jpg", "$Bucket/g/2.jpg"), (& $group 'g2' "$Bucket/h/1.jpg")) |
            ConvertTo-EncordSpec -Path (Join-Path $folder 'b.json') | Out-Null
        $null = Invoke-ReadmeExample (Get-ReadmeExample 'ConvertFrom-EncordSpec a.json, b.json') $folder
        $rows = Import-Csv (Join-Path $folder 'merged.csv')
        $rows.ObjectUrl | Should -Be "$Bucket/a.jpg", "$Bucket/g/1.jpg", "$Bucket/g/2.jpg", "$Bucket/b.jpg", "$Bucket/h/1.jpg"
        $rows.'Image group title' | Should -Be '', 'g1', 'g1', '', 'g2'
    }

    It 'summarises each spec in a folder, one row per file' {
        $folder = New-ExampleFolder
        @("$Bucket/a.jpg", "$Bucket/b.mp4") | ConvertTo-EncordSpec -Path (Join-Path $folder 'good.json') | Out-Null
        Set-Content (Join-Path $folder 'bad.json') -Value '{"images": [{"objectUrl": "s3://b/a b.jpg"}]}'
        $rows = Invoke-ReadmeExample (Get-ReadmeExample '-Summary') $folder -ErrorAction SilentlyContinue
        $rows | ForEach-Object { Split-Path $_.Path -Leaf } | Should -Be 'bad.json', 'good.json'
        $rows.Passed | Should -Be $false, $true
        $rows[1].Images, $rows[1].Videos | Should -Be 1, 1
    }

    It 'counts the rules a spec breaks, most frequent first' {
        $folder = New-ExampleFolder
        Set-Content (Join-Path $folder 'spec.json') -Value '{"images": [{"objectUrl": "s3://b/a.txt"}, {"objectUrl": "s3://b/b b.jpg"}, {"objectUrl": "s3://b/c.doc"}]}'
        $counts = Invoke-ReadmeExample (Get-ReadmeExample 'Group-Object RuleId') $folder
        $counts[0].Name | Should -Be 'UnsupportedFileType'
        $counts[0].Count | Should -Be 2
        $counts.Name | Should -Contain 'ObjectUrlWhitespace'
    }

    It 'writes text and PDF documents from a GCS listing that asks for them' {
        Invoke-Seeder GCS papers 'names:a.txt;b.pdf;c.jpg;meta.json'
        $folder = New-ExampleFolder
        $PSDefaultParameterValues['Get-CloudObject:EndpointUrl'] = $env:ENCORDSPEC_GCS_ENDPOINT
        try { $null = Invoke-ReadmeExample (Get-ReadmeExample '-DataType Text, Pdf') $folder }
        finally { $PSDefaultParameterValues['Get-CloudObject:EndpointUrl'] = $env:ENCORDSPEC_S3_ENDPOINT }
        $spec = Get-Content (Join-Path $folder 'documents.json') -Raw | ConvertFrom-Json
        $spec.text.objectUrl | Should -Be 'gs://papers/a.txt', 'gs://papers/meta.json'
        $spec.pdf.objectUrl | Should -Be 'gs://papers/b.pdf'
        $spec.PSObject.Properties.Name | Should -Not -Contain 'images'
    }

    It 'reads media metadata from the objects for a strict client-only integration, and the spec passes its check' {
        $media = (Resolve-Path (Join-Path $PSScriptRoot '../Data/Media')).Path
        Invoke-Seeder S3 cord-dev "files:clips/:$media"
        $folder = New-ExampleFolder
        $output = Invoke-ReadmeExample (Get-ReadmeExample 'Integration StrictClientOnly -Path clips.json') $folder -WarningAction SilentlyContinue
        $output[0].Name | Should -Be 'clips.json'
        $output[-1] | Should -BeTrue
        $spec = Get-Content (Join-Path $folder 'clips.json') -Raw | ConvertFrom-Json
        $spec.videos.objectUrl | Should -HaveCount 3
        $spec.videos.videoMetadata.width | Should -Contain 176
        $spec.images.imageMetadata.height | Should -Contain 48
        $spec.audio.audioMetadata.sample_rate | Should -Contain 22050
    }

    It 'writes pre-signed URLs of a CSV for a Direct Access integration' {
        $folder = New-ExampleFolder
        $signed = 'https://b.s3.eu-west-2.amazonaws.com/a.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Feu-west-2%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef'
        [pscustomobject]@{ ObjectUrl = $signed } | Export-Csv (Join-Path $folder 'presigned.csv')
        $null = Invoke-ReadmeExample (Get-ReadmeExample 'presigned.csv') $folder
        (Get-Content (Join-Path $folder 'direct.json') -Raw | ConvertFrom-Json).images.objectUrl | Should -Be $signed
    }

    It 'writes a listing into one spec, and into numbered files of at most -MaxItemsPerFile, each checked' {
        Invoke-Seeder S3 cord-dev 'food'
        $folder = New-ExampleFolder
        $null = New-Item (Join-Path $folder 'uploads') -ItemType Directory
        $null = Invoke-ReadmeExample (Get-ReadmeExample 'A million images') $folder
        $spec = Get-Content (Join-Path $folder 'uploads/spec.json') -Raw | ConvertFrom-Json
        $spec.images.objectUrl | Should -HaveCount @(Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -DataType Image).Count
        $checked = Invoke-ReadmeExample (Get-ReadmeExample 'MaxItemsPerFile 10000') $folder
        $checked | Should -Be $true
        (Get-Content (Join-Path $folder 'uploads/spec-0001.json') -Raw | ConvertFrom-Json).skip_duplicate_urls | Should -BeTrue
    }
}
