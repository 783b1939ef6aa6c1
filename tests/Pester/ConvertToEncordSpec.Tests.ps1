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
            # notes.txt is text, which the platform takes but which is written only when asked for: one warning counts it.
            $json = "$s3/a.jpg", "$s3/notes.txt", "$s3/data.parquet", "$s3/anim.gif" | ConvertTo-EncordSpec -WarningVariable warnings -WarningAction SilentlyContinue
            ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/a.jpg"
            $warnings | Should -HaveCount 4
            $warnings[0] | Should -BeLike "*$s3/data.parquet*"
            $warnings[1] | Should -BeLike "*$s3/anim.gif*"
            $warnings[2] | Should -BeLike '*Skipped 2 item*'
            $warnings[3] | Should -BeLike '*Skipped 1 text file*'
        }

        It 'sends a lone DICOM file to New-EncordDicomSeries with an error' {
            $null = "$s3/ct/1.dcm", "$s3/ok.jpg" | ConvertTo-EncordSpec -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
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
            $json = "$s3/a.jpg", "$s3/b.jpg", "$s3/c.jpg" | ConvertTo-EncordSpec -ClientMetadata {
                if ($_ -like '*a.jpg') { 'just text' } elseif ($_ -like '*b.jpg') { @{ big = 'x' * 10.5MB } } else { @{ ok = $true } }
            } -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            Get-ErrorIds $problems | Should -Be 'ClientMetadataNotObject', 'ClientMetadataTooLarge'
            $problems[0].Exception.Message | Should -BeLike "*$s3/a.jpg*"
            ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/c.jpg"
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

        It 'refuses a second image group of a title per item, since CSV rows of one title are one group' {
            $first = "$s3/g/1.jpg" | New-EncordImageGroup -Title 'g' -CreateVideo $false
            $second = "$s3/g/2.jpg" | New-EncordImageGroup -Title 'g'
            $other = "$s3/h/1.jpg" | New-EncordImageGroup -Title 'h'
            $csv = $first, $second, $other | ConvertTo-EncordSpec -Csv -ErrorVariable problems -ErrorAction SilentlyContinue
            Get-ErrorIds $problems | Should -Be 'DuplicateTitle'
            ($csv | ConvertFrom-Csv).ObjectUrl | Should -Be "$s3/g/1.jpg", "$s3/h/1.jpg"
            $spec = Join-Path $TestDrive 'titles.csv'
            Set-Content -LiteralPath $spec -Value $csv -NoNewline
            Test-EncordSpec $spec | Should -BeTrue
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

    Context 'what users bring' {
        It 'turns the rows of an Encord CSV read with Import-Csv -Delimiter '';'' into its image groups, in order' {
            # An Encord CSV saved by Excel with semicolons: three videos, then two image groups.
            $excel = Join-Path $TestDrive 'excel.csv'
            Set-Content $excel -Value @(
                'ObjectUrl;Image group title;Create video'
                "$s3/Cooking.mp4;;"
                "$s3/food/light/1+(33).jpg;apple-light;TRUE"
                "$s3/food/light/1+(32).jpg;apple-light;TRUE"
                "$s3/food/dark/2+(32).jpg;apple-dark;FALSE"
                "$s3/Oranges.mp4;;"
            )
            $path = Join-Path $TestDrive 'fixed.csv'
            $null = Import-Csv $excel -Delimiter ';' | ConvertTo-EncordSpec -Csv -Path $path
            Test-EncordSpec -Path $path | Should -BeTrue
            $groups = @(ConvertFrom-EncordSpec -Path $path | Where-Object { $_ -is [EncordSpec.EncordImageGroup] })
            $groups.Title | Should -Be 'apple-light', 'apple-dark'
            $groups[0].ObjectUrls | Should -Be "$s3/food/light/1+(33).jpg", "$s3/food/light/1+(32).jpg"
            $groups.CreateVideo | Should -Be $true, $false
            (Import-Csv $path).ObjectUrl | Should -Be "$s3/Cooking.mp4", "$s3/food/light/1+(33).jpg", "$s3/food/light/1+(32).jpg", "$s3/food/dark/2+(32).jpg", "$s3/Oranges.mp4"
        }

        It 'passes over blank lines and # comments of a URL list, and names a trailing space as whitespace' {
            $list = Join-Path $TestDrive 'urls.txt'
            Set-Content $list -Value '# images', "$s3/a.jpg", '', "$s3/b.jpg ", '   '
            $json = Get-Content $list | ConvertTo-EncordSpec -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings
            ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/a.jpg"
            $warnings | Should -BeNullOrEmpty
            Get-ErrorIds $problems | Should -Be 'ObjectUrlWhitespace'
            $problems[0].Exception.Message | Should -BeLike "*'$s3/b.jpg '*whitespace*"
        }

        It 'takes the URL from the property -UrlProperty names' {
            $rows = [pscustomobject]@{ object_url = "$s3/a.jpg" }, [pscustomobject]@{ object_url = "$s3/b.mp4" }
            $spec = $rows | ConvertTo-EncordSpec -UrlProperty object_url | ConvertFrom-Json
            $spec.images.objectUrl | Should -Be "$s3/a.jpg"
            $spec.videos.objectUrl | Should -Be "$s3/b.mp4"
            $null = @($rows) + "$s3/c.jpg" | ConvertTo-EncordSpec -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems[0].Exception.Message | Should -BeLike '*-UrlProperty*'
        }

        It 'merges specs with -Unique: duplicate files by URL, duplicate groups by their URL list, groups kept' {
            $a = Join-Path $TestDrive 'a.json'
            $b = Join-Path $TestDrive 'b.json'
            $null = @("$s3/1.jpg", "$s3/v.mp4") + @("$s3/g/1.jpg", "$s3/g/2.jpg" | New-EncordImageGroup -Title g) | ConvertTo-EncordSpec -Path $a
            $null = @("$s3/1.jpg", "$s3/2.jpg") + @("$s3/g/1.jpg", "$s3/g/2.jpg" | New-EncordImageGroup -Title g) +
                @("$s3/g/2.jpg", "$s3/g/1.jpg" | New-EncordImageGroup -Title reordered -NoSort) | ConvertTo-EncordSpec -Path $b
            $merged = Join-Path $TestDrive 'merged.csv'
            $null = ConvertFrom-EncordSpec $a, $b | ConvertTo-EncordSpec -Unique -Csv -Path $merged -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Set-Variable verbose
            $items = ConvertFrom-EncordSpec $merged
            ($items | Where-Object ObjectUrl).ObjectUrl | Sort-Object | Should -Be "$s3/1.jpg", "$s3/2.jpg", "$s3/v.mp4"
            ($items | Where-Object { $_ -is [EncordSpec.EncordImageGroup] }).Title | Should -Be 'g', 'reordered'
            $verbose.Message | Should -Contain '-Unique dropped 2 duplicate item(s).'
        }

        It 'warns when -Unique drops a duplicate that says something else' {
            $first = [EncordSpec.EncordImage]::new("$s3/1.jpg")
            $second = [EncordSpec.EncordImage]::new("$s3/1.jpg"); $second.Title = 'other title'
            $spec = $first, $second | ConvertTo-EncordSpec -Unique -WarningVariable warnings -WarningAction SilentlyContinue | ConvertFrom-Json
            $spec.images | Should -HaveCount 1
            $spec.images[0].PSObject.Properties.Name | Should -Not -Contain 'title'
            $warnings | Should -HaveCount 1
            $warnings[0] | Should -BeLike "*'$s3/1.jpg'*differ*"
        }

        It 'writes no spec and ends with an error when no input makes an item, so a runbook notices' {
            $path = Join-Path $TestDrive 'none.json'
            { @() | ConvertTo-EncordSpec -Path $path } | Should -Throw -ErrorId 'SpecEmpty,*'
            Test-Path $path | Should -BeFalse
            { "$s3/notes.txt", "$s3/a b.jpg" | ConvertTo-EncordSpec -Path $path -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'SpecEmpty,*'
            Test-Path $path | Should -BeFalse
            Get-ChildItem $TestDrive -Filter '*none*' -Force | Should -BeNullOrEmpty
            { '# only a comment' | ConvertTo-EncordSpec } | Should -Throw -ErrorId 'SpecEmpty,*'
        }

        It 'adds to an existing spec with -Append, keeping its items first and its flags' {
            $path = Join-Path $TestDrive 'append.json'
            $null = "$s3/1.jpg", "$s3/g/1.jpg" | ConvertTo-EncordSpec -Path $path -SkipDuplicateUrls -WarningAction SilentlyContinue
            $null = "$s3/2.jpg" | ConvertTo-EncordSpec -Path $path -Append
            $null = "$s3/1.jpg", "$s3/3.mp4" | ConvertTo-EncordSpec -Path $path -Append -Unique
            $spec = Get-Content $path -Raw | ConvertFrom-Json
            $spec.images.objectUrl | Should -Be "$s3/1.jpg", "$s3/g/1.jpg", "$s3/2.jpg"
            $spec.videos.objectUrl | Should -Be "$s3/3.mp4"
            $spec.skip_duplicate_urls | Should -BeTrue
            # A file that does not exist yet is created.
            $new = Join-Path $TestDrive 'append-new.csv'
            $null = "$s3/1.jpg" | ConvertTo-EncordSpec -Path $new -Append -Csv
            (Import-Csv $new).ObjectUrl | Should -Be "$s3/1.jpg"
            $null = "$s3/2.jpg" | ConvertTo-EncordSpec -Path $new -Append
            (Import-Csv $new).ObjectUrl | Should -Be "$s3/1.jpg", "$s3/2.jpg"
        }

        It 'does not add to a spec with errors, and leaves it as it was' {
            $path = Join-Path $TestDrive 'broken.json'
            Set-Content $path '{"images": [{"objectUrl": "gs://b/a b.jpg"}]}'
            { "$s3/2.jpg" | ConvertTo-EncordSpec -Path $path -Append } | Should -Throw -ErrorId 'SpecToAppendInvalid,*'
            Get-Content $path -Raw | Should -BeLike '*a b.jpg*'
            Get-ChildItem $TestDrive -Filter '*broken*' -Force | Should -HaveCount 1
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
            # Written for real, the images' and videos' sections wait beside the target (the spec's own temporary file
            # follows when the input ends and it is known whether one file holds it).
            Get-FolderWhileWriting (Join-Path $TestDrive 'written') | Should -HaveCount 2
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

        It 'streams 20,000 mixed items into one valid file' {
            $path = Join-Path $TestDrive 'many.json'
            $null = 1..20000 | ForEach-Object { if ($_ % 2) { "gs://b/$_.png" } else { "gs://b/$_.mp4" } } | ConvertTo-EncordSpec -Path $path
            $spec = Get-Content $path -Raw | ConvertFrom-Json
            $spec.images | Should -HaveCount 10000
            $spec.videos | Should -HaveCount 10000
            $spec.videos[-1].objectUrl | Should -Be 'gs://b/20000.mp4'
        }
    }

    Context 'split into several files' {
        BeforeAll {
            function New-Folder([string] $Name) { (New-Item (Join-Path $TestDrive $Name) -ItemType Directory).FullName }
            function Get-Names([string] $Folder) { @(Get-ChildItem $Folder -Force | ForEach-Object Name | Sort-Object) }
            # The object URLs of a JSON spec file, in file order (images, then videos, then each group's in key order).
            function Get-SpecUrls([string] $Path) {
                $spec = Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json
                foreach ($section in 'images', 'videos', 'audio') { if ($spec.$section) { $spec.$section.objectUrl } }
                foreach ($group in @($spec.image_groups) + @($spec.dicom_series)) {
                    if ($group) { $group.PSObject.Properties | Where-Object Name -Like 'objectUrl_*' | ForEach-Object Value }
                }
            }
            $urls = foreach ($i in 1..7) { "$s3/$i.jpg" }
        }

        It 'writes numbered files of at most -MaxItemsPerFile items, outputs them in order and says why' {
            $folder = New-Folder 'by-items'
            $files = $urls | ConvertTo-EncordSpec -Path (Join-Path $folder 'spec.json') -MaxItemsPerFile 3 -WarningVariable warnings -WarningAction SilentlyContinue
            $files | Should -HaveCount 3
            $files | ForEach-Object { $_ | Should -BeOfType [System.IO.FileInfo] }
            $files.Name | Should -Be 'spec-0001.json', 'spec-0002.json', 'spec-0003.json'
            Get-Names $folder | Should -Be 'spec-0001.json', 'spec-0002.json', 'spec-0003.json'
            $files | ForEach-Object { @(Get-SpecUrls $_.FullName).Count } | Should -Be 3, 3, 1
            $files | ForEach-Object { Get-SpecUrls $_.FullName } | Should -Be $urls
            $warnings | Should -HaveCount 1
            $warnings[0] | Should -BeLike '*7 items*at most 3 items*wrote 3 specs, spec-0001.json to spec-0003.json*'
        }

        It 'writes files that each pass Test-EncordSpec, with the top-level flags repeated' {
            $folder = New-Folder 'valid'
            $files = $urls | ConvertTo-EncordSpec -Path (Join-Path $folder 'spec.json') -MaxItemsPerFile 2 -SkipDuplicateUrls -UpsertMetadata -WarningAction SilentlyContinue
            $files | Should -HaveCount 4
            Test-EncordSpec -LiteralPath $files.FullName | Should -Be $true, $true, $true, $true
            foreach ($file in $files) {
                $spec = Get-Content $file.FullName -Raw | ConvertFrom-Json
                $spec.skip_duplicate_urls | Should -BeTrue
                $spec.upsert_metadata | Should -BeTrue
            }
        }

        It 'never splits a group, keeps the input order by -MaxUrlsPerFile, and names a group too large for any file' {
            $folder = New-Folder 'by-urls'
            $groups = foreach ($name in 'a', 'b', 'c') { 1..3 | ForEach-Object { "$s3/$name/$_.jpg" } | New-EncordImageGroup -Title $name }
            $big = 1..6 | ForEach-Object { "$s3/big/$_.jpg" } | New-EncordImageGroup -Title 'too-big'
            $files = $groups[0], "$s3/x.jpg", $big, $groups[1], $groups[2] |
                ConvertTo-EncordSpec -Path (Join-Path $folder 'spec.json') -MaxUrlsPerFile 5 -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            Get-ErrorIds $problems | Should -Be 'TooManyUrls'
            $problems[0].Exception.Message | Should -BeLike "*'too-big' holds 6 object URLs*"
            # a (3 URLs) and x.jpg fit in 5; b would make 7, so it opens the second file, and c the third.
            $files | ForEach-Object { ,@(Get-SpecUrls $_.FullName) } | ForEach-Object Count | Should -Be 4, 3, 3
            (Get-Content $files[1].FullName -Raw | ConvertFrom-Json).image_groups.title | Should -Be 'b'
            Test-EncordSpec -LiteralPath $files.FullName | Should -Be $true, $true, $true
        }

        It 'numbers the file when limits are given, even if one file holds everything, and warns of nothing' {
            $folder = New-Folder 'fits'
            $file = $urls | ConvertTo-EncordSpec -Path (Join-Path $folder 'spec.json') -MaxItemsPerFile 10 -WarningVariable warnings -WarningAction SilentlyContinue
            $file.Name | Should -Be 'spec-0001.json'
            Get-Names $folder | Should -Be 'spec-0001.json'
            $warnings | Should -BeNullOrEmpty
        }

        It 'splits CSV specs too, each with its header' {
            $folder = New-Folder 'csv'
            $files = $urls | ConvertTo-EncordSpec -Csv -Path (Join-Path $folder 'spec.csv') -MaxItemsPerFile 4 -WarningAction SilentlyContinue
            $files.Name | Should -Be 'spec-0001.csv', 'spec-0002.csv'
            foreach ($file in $files) { (Get-Content $file.FullName)[0] | Should -BeExactly 'ObjectUrl,Image group title,Create video' }
            ($files | ForEach-Object { Import-Csv $_.FullName }).ObjectUrl | Should -Be $urls
        }

        It 'outputs one string per spec without -Path' {
            $texts = $urls | ConvertTo-EncordSpec -MaxItemsPerFile 5 -WarningVariable warnings -WarningAction SilentlyContinue
            $texts | Should -HaveCount 2
            ($texts | ForEach-Object { ($_ | ConvertFrom-Json).images.objectUrl }) | Should -Be $urls
            $warnings[0] | Should -BeLike '*output 2 specs*'
        }

        It 'refuses limits the platform would not take' -ForEach @(
            @{ Parameter = 'MaxItemsPerFile'; Value = 0 }
            @{ Parameter = 'MaxItemsPerFile'; Value = 500001 }
            @{ Parameter = 'MaxUrlsPerFile'; Value = 1000001 }
        ) {
            $arguments = @{ $Parameter = $Value }
            { "$s3/a.jpg" | ConvertTo-EncordSpec @arguments } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }

        It 'splits at the platform''s 500,000 items without being asked, into two valid files' {
            $folder = New-Folder 'platform'
            $many = (0..500000) -replace '^.*$', 'gs://b/$0.jpg'
            $files = ConvertTo-EncordSpec -InputObject $many -Path (Join-Path $folder 'spec.json') -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable problems
            $problems | Should -BeNullOrEmpty
            $files.Name | Should -Be 'spec-0001.json', 'spec-0002.json'
            $warnings[0] | Should -BeLike '*500,001 items*platform''s limits (at most 500,000 items*'
            Test-EncordSpec -LiteralPath $files.FullName | Should -Be $true, $true
            # Each file's image count and its first and last URL (System.Text.Json: ConvertFrom-Json takes half a minute here).
            $seen = foreach ($file in $files) {
                $document = [System.Text.Json.JsonDocument]::Parse([System.ReadOnlyMemory[byte]][IO.File]::ReadAllBytes($file.FullName), [System.Text.Json.JsonDocumentOptions]::new())
                try {
                    $images = $document.RootElement.GetProperty('images')
                    $count = $images.GetArrayLength()
                    '{0} from {1} to {2}' -f $count, $images[0].GetProperty('objectUrl').GetString(), $images[$count - 1].GetProperty('objectUrl').GetString()
                }
                finally { $document.Dispose() }
            }
            $seen | Should -Be '500000 from gs://b/0.jpg to gs://b/499999.jpg', '1 from gs://b/500000.jpg to gs://b/500000.jpg'
        }

        It 'says with -WhatIf which files would be written, and writes none' {
            $folder = New-Folder 'whatif-split'
            $path = Join-Path $folder 'spec.json'
            $transcript = Join-Path $TestDrive 'whatif-transcript.txt'
            $null = Start-Transcript -LiteralPath $transcript
            try { $output = $urls | ConvertTo-EncordSpec -Path $path -MaxItemsPerFile 3 -WhatIf -WarningAction SilentlyContinue }
            finally { $null = Stop-Transcript }
            $output | Should -BeNullOrEmpty
            Get-Names $folder | Should -BeNullOrEmpty
            $said = @(Get-Content $transcript | Where-Object { $_ -like 'What if: Writing *' })
            $said | Should -HaveCount 4 # the plan, then each file
            $said[1] | Should -Be "What if: Writing $(Join-Path $folder 'spec-0001.json'): 3 images (3 object URLs)."
            $said[3] | Should -Be "What if: Writing $(Join-Path $folder 'spec-0003.json'): 1 images (1 object URLs)."
        }

        It 'refuses, before writing anything, a folder that holds a file of an earlier set, unless -Force' {
            $folder = New-Folder 'earlier'
            $path = Join-Path $folder 'spec.json'
            Set-Content (Join-Path $folder 'spec-0001.json') 'older run'
            $failure = { $urls | ConvertTo-EncordSpec -Path $path } | Should -Throw -ErrorId 'SpecFileNotWritable,*' -PassThru
            $failure.Exception.Message | Should -BeLike '*spec-0001.json*-Force*'
            Get-Names $folder | Should -Be 'spec-0001.json'
            Get-Content (Join-Path $folder 'spec-0001.json') | Should -Be 'older run'
        }

        It 'replaces the whole earlier set with -Force, removing its extra files with a warning' {
            $folder = New-Folder 'replace'
            $path = Join-Path $folder 'spec.json'
            $null = $urls | ConvertTo-EncordSpec -Path $path -MaxItemsPerFile 2 -WarningAction SilentlyContinue
            Get-Names $folder | Should -HaveCount 4
            $files = $urls | ConvertTo-EncordSpec -Path $path -MaxItemsPerFile 5 -Force -WarningVariable warnings -WarningAction SilentlyContinue
            Get-Names $folder | Should -Be 'spec-0001.json', 'spec-0002.json'
            $files | ForEach-Object { Get-SpecUrls $_.FullName } | Should -Be $urls
            $warnings[-1] | Should -BeLike '*Removed 2 file(s)*spec-0003.json, spec-0004.json*'
            # A spec that fits one file again, without limits, replaces the numbered set with spec.json.
            $file = $urls | ConvertTo-EncordSpec -Path $path -Force -WarningAction SilentlyContinue
            $file.Name | Should -Be 'spec.json'
            Get-Names $folder | Should -Be 'spec.json'
        }

        It 'leaves nothing of a run that fails after its first file is full, and the earlier set as it was' -ForEach @(
            @{ Case = 'a bad item under -ErrorAction Stop'; Feed = { 1..9 | ForEach-Object { if ($_ -eq 6) { "$s3/bad url.jpg" } else { "$s3/$_.jpg" } } } }
            @{ Case = 'a failing upstream command'; Feed = { 1..9 | ForEach-Object { if ($_ -eq 6) { throw 'upstream failed' }; "$s3/$_.jpg" } } }
        ) {
            $folder = New-Folder ('failed-' + $Case.Split(' ')[1])
            $path = Join-Path $folder 'spec.json'
            $null = 'a', 'b', 'c' | ForEach-Object { "$s3/old-$_.jpg" } | ConvertTo-EncordSpec -Path $path -MaxItemsPerFile 1 -WarningAction SilentlyContinue
            $before = Get-ChildItem $folder | ForEach-Object { '{0}: {1}' -f $_.Name, (Get-Content $_.FullName -Raw) }
            # Items 1-4 fill two files, sealed and waiting, before item 6 ends the run.
            { & $Feed | ConvertTo-EncordSpec -Path $path -MaxItemsPerFile 2 -Force -ErrorAction Stop } | Should -Throw
            Get-ChildItem $folder -Force | ForEach-Object { '{0}: {1}' -f $_.Name, (Get-Content $_.FullName -Raw) } | Should -Be $before
        }

        It 'fails, leaving nothing of its own, when a file of the set appears while it writes' {
            $folder = New-Folder 'appears'
            $path = Join-Path $folder 'spec.json'
            # Item 4 arrives after the first file is full; the second file's name is taken when item 7 ends it.
            $feed = { 1..9 | ForEach-Object { if ($_ -eq 4) { Set-Content (Join-Path $folder 'spec-0002.json') 'someone else' }; "$s3/$_.jpg" } }
            { & $feed | ConvertTo-EncordSpec -Path $path -MaxItemsPerFile 3 } | Should -Throw -ErrorId 'SpecFileNotWritable,*'
            Get-Names $folder | Should -Be 'spec-0002.json'
            Get-Content (Join-Path $folder 'spec-0002.json') | Should -Be 'someone else'
        }
    }
}
