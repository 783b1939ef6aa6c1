BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $apple = 'https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple'
}

Describe 'New-EncordImageGroup' {
    It 'puts all input into one group with -Title, in natural order of the paths' {
        $urls = 35, 100, 32, 4 | ForEach-Object { "$apple/1-Samsung-S4-Light+Environment/1+($_).jpg" }
        $group = $urls | New-EncordImageGroup -Title 'apple-samsung-light'
        $group | Should -HaveCount 1
        $group.GetType().FullName | Should -Be 'EncordSpec.EncordImageGroup'
        $group.Title | Should -Be 'apple-samsung-light'
        $group.CreateVideo | Should -BeTrue
        $group.ObjectUrls | ForEach-Object { ($_ -split '/')[-1] } | Should -Be '1+(4).jpg', '1+(32).jpg', '1+(35).jpg', '1+(100).jpg'
    }

    It 'takes arrays of URLs as one input, as Get-Content -ReadCount sends them' {
        $group = , @('gs://b/f2.png', 'gs://b/f1.png') | New-EncordImageGroup -Title t
        $group.ObjectUrls | Should -Be 'gs://b/f1.png', 'gs://b/f2.png'
    }

    It 'keeps pipeline order with -NoSort' {
        $urls = 'gs://b/f10.png', 'gs://b/f2.png', 'gs://b/f1.png'
        ($urls | New-EncordImageGroup -Title t -NoSort).ObjectUrls | Should -Be $urls
    }

    It 'makes one group per folder titled by the folder''s own decoded name, in order of first arrival' {
        $urls = @(
            "$apple/3-IOS-4-Light+Environment/3+(33).jpg"
            "$apple/1-Samsung-S4-Light+Environment/1+(32).jpg"
            "$apple/3-IOS-4-Light+Environment/3+(32).jpg"
        )
        $groups = $urls | New-EncordImageGroup -GroupBy Folder
        $groups.Title | Should -Be '3-IOS-4-Light Environment', '1-Samsung-S4-Light Environment'
        $groups[0].ObjectUrls | Should -Be "$apple/3-IOS-4-Light+Environment/3+(32).jpg", "$apple/3-IOS-4-Light+Environment/3+(33).jpg"
    }

    It 'titles every same-named folder by its path, the same whatever order the URLs come in, and -TitlePrefix prefixes every title' {
        $urls = 'gs://scans/patient1/series1/a.png', 'gs://scans/patient2/series1/a.png', 'gs://scans/patient2/other/a.png'
        $groups = $urls | New-EncordImageGroup -GroupBy Folder -TitlePrefix 'ct-'
        $groups.Title | Should -Be 'ct-patient1/series1', 'ct-patient2/series1', 'ct-other'
        $reversed = $urls[2, 1, 0] | New-EncordImageGroup -GroupBy Folder -TitlePrefix 'ct-'
        $reversed.Title | Should -Be 'ct-other', 'ct-patient2/series1', 'ct-patient1/series1'
    }

    It 'groups by a property name, as Group-Object -Property does' {
        $rows = @(
            [pscustomobject]@{ Url = 'gs://b/cam1/f2.jpg'; Camera = 'left' }
            [pscustomobject]@{ Url = 'gs://b/cam2/f1.jpg'; Camera = 'right' }
            [pscustomobject]@{ Url = 'gs://b/cam1/f1.jpg'; Camera = 'left' }
            [pscustomobject]@{ Url = 'gs://b/cam3/f1.jpg' }
        )
        $groups = $rows | New-EncordImageGroup -GroupBy Camera -ErrorVariable problems -ErrorAction SilentlyContinue
        $groups.Title | Should -Be 'left', 'right'
        $groups[0].ObjectUrls | Should -Be 'gs://b/cam1/f1.jpg', 'gs://b/cam1/f2.jpg'
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'GroupByKeyEmpty,*'
        $problems[0].Exception.Message | Should -BeLike "*gs://b/cam3/f1.jpg*property 'Camera'*"
    }

    It 'takes the URL from the property -UrlProperty names, or from a scriptblock' {
        $rows = [pscustomobject]@{ object_url = 'gs://b/s/2.jpg' }, [pscustomobject]@{ object_url = 'gs://b/s/1.jpg' }
        ($rows | New-EncordImageGroup -Title t -UrlProperty object_url).ObjectUrls | Should -Be 'gs://b/s/1.jpg', 'gs://b/s/2.jpg'
        # Get-S3Object (AWS.Tools) gives BucketName and Key but no URL.
        $s3Objects = [pscustomobject]@{ BucketName = 'cord-dev'; Key = 'food/1.jpg' }, [pscustomobject]@{ BucketName = 'cord-dev'; Key = 'food/2.jpg' }
        $group = $s3Objects | New-EncordImageGroup -Title food -UrlProperty { "s3://$($_.BucketName)/$($_.Key)" }
        $group.ObjectUrls | Should -Be 's3://cord-dev/food/1.jpg', 's3://cord-dev/food/2.jpg'
    }

    It 'makes per-group metadata from a scriptblock that sees the group as $_' {
        $groups = 'gs://b/cam1/1.jpg', 'gs://b/cam1/2.jpg', 'gs://b/cam2/1.jpg' |
            New-EncordImageGroup -GroupBy Folder -ClientMetadata { @{ folder = $_.Title; frames = $_.Count } }
        $groups[0].ClientMetadata.folder | Should -Be 'cam1'
        $groups[0].ClientMetadata.frames | Should -Be 2
        $groups[1].ClientMetadata.folder | Should -Be 'cam2'
        ($groups | ConvertTo-EncordSpec | ConvertFrom-Json).image_groups[1].clientMetadata.frames | Should -Be 1
    }

    It 'says what to use when a -ClientMetadata scriptblock puts the whole group in ({ @{ folder = $_ } })' {
        $groups = 'gs://b/cam1/1.jpg', 'gs://b/cam2/1.jpg' |
            New-EncordImageGroup -GroupBy Folder -ClientMetadata { @{ folder = $_ } } -ErrorVariable problems -ErrorAction SilentlyContinue
        $groups | Should -BeNullOrEmpty
        $problems | Should -HaveCount 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ClientMetadataNotObject,*'
        $problems[0].Exception.Message | Should -BeLike "*image group 'cam1'*`$.folder*EncordImageGroup*`$_.Title*"
        $problems[0].Exception.Message | Should -Not -BeLike '*nested*'
    }

    It 'groups by a scriptblock key computed from $_, on rows of Import-Csv' {
        $csv = Join-Path $TestDrive 'frames.csv'
        @(
            [pscustomobject]@{ Url = 'gs://b/cam1/f2.jpg'; Camera = 'left' }
            [pscustomobject]@{ Url = 'gs://b/cam2/f1.jpg'; Camera = 'right' }
            [pscustomobject]@{ Url = 'gs://b/cam1/f10.jpg'; Camera = 'left' }
        ) | Export-Csv -Path $csv
        $groups = Import-Csv $csv | New-EncordImageGroup -GroupBy { $_.Camera } -CreateVideo $false
        $groups.Title | Should -Be 'left', 'right'
        $groups[0].ObjectUrls | Should -Be 'gs://b/cam1/f2.jpg', 'gs://b/cam1/f10.jpg'
        $groups.CreateVideo | Should -Be $false, $false
    }

    It 'skips a non-image with a warning naming it, keeps the rest and counts them at the end' {
        $group = 'gs://b/a.jpg', 'gs://b/clip.mp4', 'gs://b/b.jpg' |
            New-EncordImageGroup -Title t -ErrorVariable problems -WarningVariable warnings -WarningAction SilentlyContinue
        $group.ObjectUrls | Should -Be 'gs://b/a.jpg', 'gs://b/b.jpg'
        $problems | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 2
        $warnings[0] | Should -BeLike "Skipped 'gs://b/clip.mp4': it is not an image*"
        $warnings[1] | Should -BeLike 'Skipped 1 file(s) that are not images*'
    }

    It 'goes on past a Thumbs.db under $ErrorActionPreference = ''Stop'', as a runbook sets it' {
        $ErrorActionPreference = 'Stop'
        $group = 'gs://b/cam1/1.jpg', 'gs://b/cam1/Thumbs.db', 'gs://b/cam1/2.jpg' | New-EncordImageGroup -GroupBy Folder -WarningAction SilentlyContinue
        $group.ObjectUrls | Should -Be 'gs://b/cam1/1.jpg', 'gs://b/cam1/2.jpg'
    }

    It 'passes over blank lines and # comments of a URL list without a word, and names a trailing space as whitespace' {
        $list = Join-Path $TestDrive 'urls.txt'
        Set-Content $list -Value '# camera 1', 'gs://b/cam1/1.jpg', '', '   ', 'gs://b/cam1/2.jpg ', 'gs://b/cam1/3.jpg'
        $group = Get-Content $list | New-EncordImageGroup -Title cam1 -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings
        $group.ObjectUrls | Should -Be 'gs://b/cam1/1.jpg', 'gs://b/cam1/3.jpg'
        $warnings | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ObjectUrlWhitespace,*'
        $problems[0].Exception.Message | Should -BeLike "*'gs://b/cam1/2.jpg '*whitespace*"
    }

    It 'reports a URL that appears twice in one group, and adds it once' {
        $group = 'gs://b/a.jpg', 'gs://b/a.jpg' | New-EncordImageGroup -Title t -ErrorVariable problems -ErrorAction SilentlyContinue
        $group.ObjectUrls | Should -Be 'gs://b/a.jpg'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'DuplicateUrlInGroup,*'
    }

    It 'reports a URL with whitespace and an input without a URL' {
        $null = 'gs://b/a b.jpg', [pscustomobject]@{ Name = 'x' } |
            New-EncordImageGroup -Title t -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -BeLike "*no group 't'*"
        $problems.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Should -Be 'ObjectUrlWhitespace', 'ObjectUrlMissing'
    }

    It 'attaches -ClientMetadata to the group' {
        $group = 'gs://b/a.jpg' | New-EncordImageGroup -Title t -ClientMetadata ([ordered]@{ site = 'lab'; n = 3 })
        $group.ClientMetadata['site'] | Should -Be 'lab'
        $group.ClientMetadata['n'] | Should -Be 3
    }

    It 'refuses metadata that is not a JSON object' {
        { 'gs://b/a.jpg' | New-EncordImageGroup -Title t -ClientMetadata 'text' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClientMetadataNotObject,*'
    }

    It 'refuses -ClientMetadata over the platform''s 10 MB limit before grouping anything' {
        { 'gs://b/a.jpg' | New-EncordImageGroup -Title t -ClientMetadata @{ big = 'x' * 10.5MB } -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClientMetadataTooLarge,*'
    }

    It 'completes Folder for -GroupBy' {
        $line = 'New-EncordImageGroup -GroupBy Fo'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'Folder'
    }

    It 'rejects an unknown -GroupBy word with a hint' {
        { 'gs://b/a.jpg' | New-EncordImageGroup -GroupBy Fodler } | Should -Throw '*Folder*'
    }

    It 'shows groups in a table with title, flag, count and first URL' {
        $text = 'gs://b/a.jpg', 'gs://b/b.jpg' | New-EncordImageGroup -Title 'my group' | Out-String -Width 200
        $text | Should -Match 'Title\s+CreateVideo\s+Count\s+FirstObjectUrl'
        $text | Should -Match 'my group\s+True\s+2 gs://b/a.jpg'
    }

    It 'has the table''s FirstObjectUrl column as a property, to sort and select by' {
        $groups = 'gs://b/z/1.jpg', 'gs://b/a/1.jpg', 'gs://b/a/2.jpg' | New-EncordImageGroup -GroupBy Folder
        ($groups | Sort-Object FirstObjectUrl).Title | Should -Be 'a', 'z'
        ($groups | Select-Object -First 1 Title, FirstObjectUrl).FirstObjectUrl | Should -Be 'gs://b/z/1.jpg'
    }
}

Describe 'New-EncordDicomSeries' {
    It 'accepts files without extension and UID names, orders them naturally' {
        $urls = 'https://bucket-name.obs.eu-de.otc.t-systems.com/dicom-file-10', 'https://bucket-name.obs.eu-de.otc.t-systems.com/dicom-file-2',
            'https://bucket-name.obs.eu-de.otc.t-systems.com/1.2.840.10008.5.1.4.1.1.2'
        $series = $urls | New-EncordDicomSeries -Title 'OPEN_TELEKOM_DICOM_SERIES'
        $series.GetType().FullName | Should -Be 'EncordSpec.EncordDicomSeries'
        $series.ObjectUrls | ForEach-Object { ($_ -split '/')[-1] } | Should -Be '1.2.840.10008.5.1.4.1.1.2', 'dicom-file-2', 'dicom-file-10'
    }

    It 'has no -CreateVideo' {
        (Get-Command New-EncordDicomSeries).Parameters.Keys | Should -Not -Contain 'CreateVideo'
    }

    It 'skips images with a warning, as every cmdlet skips a file that cannot go where it is sent' {
        $series = 'gs://b/s/1.dcm', 'gs://b/s/preview.png' | New-EncordDicomSeries -GroupBy Folder -ErrorVariable problems -WarningVariable warnings -WarningAction SilentlyContinue
        $series.ObjectUrls | Should -Be 'gs://b/s/1.dcm'
        $series.Title | Should -Be 's'
        $problems | Should -BeNullOrEmpty
        $warnings[0] | Should -BeLike "Skipped 'gs://b/s/preview.png': it is not a DICOM file*"
        $warnings[1] | Should -BeLike 'Skipped 1 file(s) that are not DICOM files*'
    }
}
