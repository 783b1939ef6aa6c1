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

    It 'titles same-named folders apart by their path, and -TitlePrefix prefixes every title' {
        $groups = 'gs://scans/patient1/series1/a.png', 'gs://scans/patient2/series1/a.png' |
            New-EncordImageGroup -GroupBy Folder -TitlePrefix 'ct-'
        $groups.Title | Should -Be 'ct-series1', 'ct-patient2/series1'
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

    It 'leaves out a non-image with an error naming it, and keeps the rest' {
        $group = 'gs://b/a.jpg', 'gs://b/clip.mp4', 'gs://b/b.jpg' |
            New-EncordImageGroup -Title t -ErrorVariable problems -ErrorAction SilentlyContinue
        $group.ObjectUrls | Should -Be 'gs://b/a.jpg', 'gs://b/b.jpg'
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotAnImage,*'
        $problems[0].Exception.Message | Should -BeLike '*gs://b/clip.mp4*'
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

    It 'gives every group its own -ClientMetadata, and leaves the caller''s hashtable as it was' {
        $metadata = @{ site = 'lab'; tags = @{ shift = 'night' } }
        $groups = 'gs://b/a/1.jpg', 'gs://b/b/1.jpg' | New-EncordImageGroup -GroupBy Folder -ClientMetadata $metadata
        $groups | Should -HaveCount 2
        $groups[0].ClientMetadata['site'] = 'changed'
        $groups[0].ClientMetadata['tags']['shift'] = 'day'
        $groups[1].ClientMetadata['site'] | Should -Be 'lab'
        $groups[1].ClientMetadata['tags']['shift'] | Should -Be 'night'
        $metadata.site | Should -Be 'lab'
        $metadata.tags.shift | Should -Be 'night'
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

    It 'leaves out images with an error' {
        $series = 'gs://b/s/1.dcm', 'gs://b/s/preview.png' | New-EncordDicomSeries -GroupBy Folder -ErrorVariable problems -ErrorAction SilentlyContinue
        $series.ObjectUrls | Should -Be 'gs://b/s/1.dcm'
        $series.Title | Should -Be 's'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotDicom,*'
    }
}
