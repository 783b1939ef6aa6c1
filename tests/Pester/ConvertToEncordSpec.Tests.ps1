BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $s3 = 'https://cord-dev.s3.eu-west-2.amazonaws.com'
    function Get-ErrorIds($records) { @($records | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) }
}

Describe 'ConvertTo-EncordSpec' {
    Context 'JSON text' {
        It 'sorts single files into images, videos and audio by type, and returns one string' {
            $json = "$s3/Cooking.mp4", "$s3/Image1.png", "$s3/talk.MP3" | ConvertTo-EncordSpec
            $json | Should -BeOfType [string]
            @($json) | Should -HaveCount 1
            $spec = $json | ConvertFrom-Json
            $spec.images.objectUrl | Should -Be "$s3/Image1.png"
            $spec.videos.objectUrl | Should -Be "$s3/Cooking.mp4"
            $spec.audio.objectUrl | Should -Be "$s3/talk.MP3"
            $spec.PSObject.Properties.Name | Should -Be 'images', 'videos', 'audio'
        }

        It 'warns about each unsupported file, leaves it out and counts them at the end' {
            $json = "$s3/a.jpg", "$s3/notes.txt", "$s3/data.parquet" | ConvertTo-EncordSpec -WarningVariable warnings -WarningAction SilentlyContinue
            ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/a.jpg"
            $warnings | Should -HaveCount 3
            $warnings[0] | Should -BeLike "*$s3/notes.txt*"
            $warnings[2] | Should -BeLike '*Skipped 2 item*'
        }

        It 'sends a lone DICOM file to New-EncordDicomSeries with an error' {
            $null = "$s3/ct/1.dcm" | ConvertTo-EncordSpec -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            Get-ErrorIds $problems | Should -Be 'LoneDicomFile'
            $problems[0].Exception.Message | Should -BeLike '*New-EncordDicomSeries*'
        }

        It 'never writes a URL with whitespace' {
            $json = "$s3/a b.jpg", "$s3/ok.jpg" | ConvertTo-EncordSpec -ErrorVariable problems -ErrorAction SilentlyContinue
            Get-ErrorIds $problems | Should -Be 'ObjectUrlWhitespace'
            $json | Should -Not -BeLike '*a b.jpg*'
            ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/ok.jpg"
        }

        It 'takes objects with ObjectUrl, Title and ClientMetadata properties' {
            $json = [pscustomobject]@{ ObjectUrl = "$s3/v.mp4"; Title = 'my-custom-video-title.mp4'; ClientMetadata = @{ optional = 'metadata' } } |
                ConvertTo-EncordSpec
            $video = ($json | ConvertFrom-Json).videos[0]
            $video.title | Should -Be 'my-custom-video-title.mp4'
            $video.clientMetadata.optional | Should -Be 'metadata'
        }

        It 'takes arrays of URLs as one input: Get-Content -ReadCount and -InputObject' {
            $list = Join-Path $TestDrive 'urls.txt'
            1..250 | ForEach-Object { "gs://b/$_.jpg" } | Set-Content $list
            $fromChunks = Get-Content $list -ReadCount 100 | ConvertTo-EncordSpec | ConvertFrom-Json
            $fromChunks.images | Should -HaveCount 250
            $fromChunks.images[249].objectUrl | Should -Be 'gs://b/250.jpg'
            $fromParameter = ConvertTo-EncordSpec -InputObject (Get-Content $list) | ConvertFrom-Json
            $fromParameter.images.objectUrl | Should -Be $fromChunks.images.objectUrl
        }

        It 'writes skip_duplicate_urls and upsert_metadata when asked' {
            $spec = "$s3/a.jpg" | ConvertTo-EncordSpec -SkipDuplicateUrls -UpsertMetadata | ConvertFrom-Json
            $spec.skip_duplicate_urls | Should -BeTrue
            $spec.upsert_metadata | Should -BeTrue
        }

        It 'serializes hashtables, ordered dictionaries, PSCustomObjects, arrays, numbers, booleans, $null and dates as users expect' {
            $metadata = [ordered]@{
                ordered = [ordered]@{ b = 1; a = 2 }
                custom = [pscustomobject]@{ camera = 'S4'; iso = 400 }
                list = @(1, 'two', $true, $null)
                ratio = 0.5
                when = [datetime]::new(2024, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
                none = $null
            }
            $json = "$s3/a.jpg" | ConvertTo-EncordSpec -ClientMetadata $metadata
            $json | Should -BeLike '*"when": "2024-01-02T03:04:05.0000000Z"*'
            $written = ($json | ConvertFrom-Json -AsHashtable).images[0].clientMetadata
            $written.Keys | Should -Be 'ordered', 'custom', 'list', 'ratio', 'when', 'none'
            $written.ordered.Keys | Should -Be 'b', 'a'
            $written.custom.iso | Should -Be 400
            $written.list | Should -HaveCount 4
            $written.ratio | Should -Be 0.5
            $written.none | Should -BeNullOrEmpty
        }

        It 'runs a -ClientMetadata scriptblock per item with $_' {
            $spec = "$s3/a.jpg", "$s3/b.mp4" | ConvertTo-EncordSpec -ClientMetadata { @{ name = ($_ -split '/')[-1] } } | ConvertFrom-Json
            $spec.images[0].clientMetadata.name | Should -Be 'a.jpg'
            $spec.videos[0].clientMetadata.name | Should -Be 'b.mp4'
        }

        It 'reports metadata that is not an object, or over 10 MB, for that item only' {
            $json = "$s3/a.jpg", "$s3/b.jpg" | ConvertTo-EncordSpec -ClientMetadata {
                if ($_ -like '*a.jpg') { 'just text' } else { @{ big = 'x' * 10.5MB } }
            } -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            Get-ErrorIds $problems | Should -Be 'ClientMetadataNotObject', 'ClientMetadataTooLarge'
            $problems[0].Exception.Message | Should -BeLike "*$s3/a.jpg*"
            ($json | ConvertFrom-Json).PSObject.Properties.Name | Should -BeNullOrEmpty
        }

        It 'gives -ClientMetadata to the spec, not to the items piped in' {
            $image = [EncordSpec.EncordImage]::new("$s3/a.jpg")
            $image.ClientMetadata = [ordered]@{ camera = 'S4' }
            $spec = $image | ConvertTo-EncordSpec -ClientMetadata @{ batch = 7 } | ConvertFrom-Json
            $spec.images[0].clientMetadata.camera | Should -Be 'S4'
            $spec.images[0].clientMetadata.batch | Should -Be 7
            $image.ClientMetadata.Keys | Should -Be 'camera'
        }

        It 'writes groups and series it receives' {
            $group = "$s3/g/1.jpg", "$s3/g/2.jpg" | New-EncordImageGroup -Title g -CreateVideo $false
            $series = 'gs://b/s/1', 'gs://b/s/2' | New-EncordDicomSeries -Title s -ClientMetadata @{ modality = 'CT' }
            $spec = $group, $series | ConvertTo-EncordSpec | ConvertFrom-Json
            $spec.image_groups[0].createVideo | Should -BeFalse
            $spec.image_groups[0].objectUrl_1 | Should -Be "$s3/g/2.jpg"
            $spec.dicom_series[0].clientMetadata.modality | Should -Be 'CT'
        }
    }

    Context 'CSV' {
        It 'writes the three headers and one row per file, readable by Import-Csv' {
            $group = "$s3/g/1.jpg", "$s3/g/2.jpg" | New-EncordImageGroup -Title 'apple, light' -CreateVideo $false
            $csv = "$s3/Cooking.mp4", $group | ConvertTo-EncordSpec -Csv
            ($csv -split "`r`n")[0] | Should -BeExactly 'ObjectUrl,Image group title,Create video'
            $rows = $csv | ConvertFrom-Csv
            $rows | Should -HaveCount 3
            $rows[0].ObjectUrl | Should -Be "$s3/Cooking.mp4"
            $rows[0].'Image group title' | Should -BeNullOrEmpty
            $rows[2].'Image group title' | Should -Be 'apple, light'
            $rows[2].'Create video' | Should -BeExactly 'false'
        }

        It 'refuses <Name> with a terminating error' -ForEach @(
            @{ Name = '-SkipDuplicateUrls'; Run = { "$s3/a.jpg" | ConvertTo-EncordSpec -Csv -SkipDuplicateUrls }; Id = 'CsvCannotSkipDuplicates' }
            @{ Name = '-ClientMetadata'; Run = { "$s3/a.jpg" | ConvertTo-EncordSpec -Csv -ClientMetadata @{ a = 1 } }; Id = 'CsvCannotHoldMetadata' }
            @{ Name = 'audio'; Run = { "$s3/a.jpg", "$s3/b.wav" | ConvertTo-EncordSpec -Csv }; Id = 'CsvCannotExpress'; Names = "$s3/b.wav" }
            @{ Name = 'a DICOM series'; Run = { 'gs://b/1' | New-EncordDicomSeries -Title ct | ConvertTo-EncordSpec -Csv }; Id = 'CsvCannotExpress'; Names = 'ct' }
            @{ Name = 'a single file''s title'; Run = { [pscustomobject]@{ ObjectUrl = "$s3/v.mp4"; Title = 'clip' } | ConvertTo-EncordSpec -Csv }; Id = 'CsvCannotExpress'; Names = "$s3/v.mp4" }
            @{ Name = 'a group''s metadata'; Run = { "$s3/1.jpg" | New-EncordImageGroup -Title g -ClientMetadata @{ a = 1 } | ConvertTo-EncordSpec -Csv }; Id = 'CsvCannotExpress'; Names = 'g' }
        ) {
            $failure = { & $Run } | Should -Throw -ErrorId "$Id,*" -PassThru
            if ($Names) { $failure.Exception.Message | Should -BeLike "*$Names*" }
        }
    }

    Context 'files' {
        It 'writes UTF-8 without BOM and outputs the FileInfo' {
            $path = Join-Path $TestDrive 'spec.json'
            $file = "$s3/café.jpg" | ConvertTo-EncordSpec -Path $path
            $file | Should -BeOfType [System.IO.FileInfo]
            $file.FullName | Should -Be $path
            $bytes = [System.IO.File]::ReadAllBytes($path)
            $bytes[0] | Should -Be ([byte][char]'{')
            [System.Text.Encoding]::UTF8.GetString($bytes) | Should -BeLike '*café.jpg*'
        }

        It 'resolves a relative -Path against the PowerShell location' {
            Push-Location $TestDrive
            try { $file = "$s3/a.jpg" | ConvertTo-EncordSpec -Csv -Path 'relative.csv' }
            finally { Pop-Location }
            $file.FullName | Should -Be (Join-Path $TestDrive 'relative.csv')
        }

        It 'refuses to overwrite without -Force, and overwrites with it' {
            $path = Join-Path $TestDrive 'exists.json'
            Set-Content $path 'old'
            { "$s3/a.jpg" | ConvertTo-EncordSpec -Path $path } | Should -Throw -ErrorId 'SpecFileNotWritable,*'
            Get-Content $path | Should -Be 'old'
            $null = "$s3/a.jpg" | ConvertTo-EncordSpec -Path $path -Force
            (Get-Content $path -Raw | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/a.jpg"
        }

        It 'writes nothing with -WhatIf, but still reports bad items' {
            $path = Join-Path $TestDrive 'whatif.json'
            $output = "$s3/a.jpg", "$s3/b c.jpg" | ConvertTo-EncordSpec -Path $path -WhatIf -ErrorVariable problems -ErrorAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            Test-Path $path | Should -BeFalse
            Get-ErrorIds $problems | Should -Be 'ObjectUrlWhitespace'
        }

        It 'touches no disk with -WhatIf, not even for the hidden section files a spec is written through' {
            # What the folder holds while the spec is being written, seen from the middle of the pipeline.
            function Get-FolderWhileWriting([string] $Folder, [switch] $WhatIf) {
                $null = New-Item $Folder -ItemType Directory
                $script:during = $null
                $null = 1..2000 | ForEach-Object { if ($_ -eq 1500) { $script:during = @(Get-ChildItem $Folder -Force) }; "$s3/$_.jpg"; "$s3/$_.mp4" } |
                    ConvertTo-EncordSpec -Path (Join-Path $Folder 'spec.json') -WhatIf:$WhatIf
                $script:during
            }
            # Written for real, the temporary spec and the images' and videos' sections wait beside the target.
            Get-FolderWhileWriting (Join-Path $TestDrive 'written') | Should -HaveCount 3
            Get-FolderWhileWriting (Join-Path $TestDrive 'whatif') -WhatIf | Should -BeNullOrEmpty
            Get-ChildItem (Join-Path $TestDrive 'whatif') -Force | Should -BeNullOrEmpty
        }

        It 'leaves no file, and no temporary file, when the pipeline fails half way' {
            $folder = Join-Path $TestDrive 'interrupted'
            $null = New-Item $folder -ItemType Directory
            $path = Join-Path $folder 'spec.json'
            { 1..5000 | ForEach-Object { if ($_ -eq 4000) { throw 'upstream failed' }; "$s3/$_.jpg" } | ConvertTo-EncordSpec -Path $path } |
                Should -Throw '*upstream failed*'
            Get-ChildItem $folder -Force | Should -BeNullOrEmpty
        }

        It 'keeps the old file whole when an overwrite is interrupted' {
            $folder = Join-Path $TestDrive 'interrupted-overwrite'
            $null = New-Item $folder -ItemType Directory
            $path = Join-Path $folder 'spec.json'
            $null = "$s3/old.jpg" | ConvertTo-EncordSpec -Path $path
            { 1..100 | ForEach-Object { if ($_ -eq 50) { throw 'stop' }; "$s3/$_.jpg" } | ConvertTo-EncordSpec -Path $path -Force } | Should -Throw
            (Get-Content $path -Raw | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/old.jpg"
            Get-ChildItem $folder -Force | Should -HaveCount 1
        }

        It 'writes a spec over the platform''s 500,000-item limit, then says it must be split' {
            $path = Join-Path $TestDrive 'too-many.json'
            $urls = foreach ($i in 0..500000) { "gs://b/$i.jpg" }
            $file = ConvertTo-EncordSpec -InputObject $urls -Path $path -ErrorVariable problems -ErrorAction SilentlyContinue
            $file.FullName | Should -Be $path
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'TooManyItems,*'
            $problems[0].Exception.Message | Should -BeLike '*500,001 items*'
        }

        It 'streams 20,000 mixed items into one valid file' {
            $path = Join-Path $TestDrive 'many.json'
            $null = 1..20000 | ForEach-Object { if ($_ % 2) { "gs://b/$_.png" } else { "gs://b/$_.mp4" } } | ConvertTo-EncordSpec -Path $path
            $spec = Get-Content $path -Raw | ConvertFrom-Json
            $spec.images | Should -HaveCount 10000
            $spec.videos | Should -HaveCount 10000
            $spec.videos[-1].objectUrl | Should -Be 'gs://b/20000.mp4'
        }
    }
}
