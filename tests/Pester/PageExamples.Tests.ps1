# The format page's examples, rebuilt from their URLs with the cmdlets, must come out equivalent to the page's own:
# same keys, same values, same order. The page omits createVideo in its Azure and GCS groups; the writer always
# writes it (the platform's SDK and the page disagree on the default), so those groups are compared with the
# page's documented default, createVideo = true, filled in.
BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $examples = Join-Path $PSScriptRoot '../Data/PageExamples'

    function ConvertTo-Canonical([string] $Json, [switch] $DefaultCreateVideo) {
        $spec = $Json | ConvertFrom-Json -AsHashtable
        if ($DefaultCreateVideo) {
            $spec['image_groups'] = @(foreach ($group in $spec['image_groups']) {
                    $withDefault = [ordered]@{ title = $group.title; createVideo = $true }
                    foreach ($key in $group.Keys) { $withDefault[$key] = $group[$key] }
                    $withDefault
                })
        }
        $spec | ConvertTo-Json -Depth 10
    }

    function Get-PageExample([string] $Name) { Get-Content (Join-Path $examples $Name) -Raw }

    function Get-GroupUrls($group) { $group.Keys | Where-Object { $_ -like 'objectUrl_*' } | ForEach-Object { $group[$_] } }
}

Describe 'The format page''s examples rebuilt with the cmdlets' {
    It 'AWS S3: two images, two videos and three image groups' {
        $page = Get-PageExample 's3-example.json' | ConvertFrom-Json -AsHashtable
        $singles = @($page.images.objectUrl) + @($page.videos.objectUrl)
        $groups = foreach ($group in $page.image_groups) {
            Get-GroupUrls $group | New-EncordImageGroup -Title $group.title -CreateVideo $group.createVideo
        }
        $rebuilt = @($singles) + @($groups) | ConvertTo-EncordSpec
        ConvertTo-Canonical $rebuilt | Should -Be (ConvertTo-Canonical (Get-PageExample 's3-example.json'))
    }

    It 'AWS S3 with -GroupBy Folder gives the same groups, titled by folder' {
        $page = Get-PageExample 's3-example.json' | ConvertFrom-Json -AsHashtable
        $groups = $page.image_groups | ForEach-Object { Get-GroupUrls $_ } | New-EncordImageGroup -GroupBy Folder
        $groups.Title | Should -Be '1-Samsung-S4-Light Environment', '2-samsung-S4-Dark Environment', '3-IOS-4-Light Environment'
        for ($i = 0; $i -lt 3; $i++) { $groups[$i].ObjectUrls | Should -Be @(Get-GroupUrls $page.image_groups[$i]) }
    }

    It 'Azure blob: videos (declared by a DataType column) and two image groups' {
        $page = Get-PageExample 'azure-example.json' | ConvertFrom-Json -AsHashtable
        # The page lists a .jpg and an extension-less blob as videos, so the rows say what they are.
        $videos = $page.videos.objectUrl | ForEach-Object { [pscustomobject]@{ ObjectUrl = $_; DataType = 'Video' } }
        $groups = foreach ($group in $page.image_groups) { Get-GroupUrls $group | New-EncordImageGroup -Title $group.title }
        $rebuilt = @($videos) + @($groups) | ConvertTo-EncordSpec
        ConvertTo-Canonical $rebuilt | Should -Be (ConvertTo-Canonical (Get-PageExample 'azure-example.json') -DefaultCreateVideo)
    }

    It 'GCP storage: a gs:// video and two image groups of https URLs' {
        $page = Get-PageExample 'gcs-example.json' | ConvertFrom-Json -AsHashtable
        $groups = foreach ($group in $page.image_groups) { Get-GroupUrls $group | New-EncordImageGroup -Title $group.title }
        $rebuilt = @($page.videos.objectUrl) + @($groups) | ConvertTo-EncordSpec
        ConvertTo-Canonical $rebuilt | Should -Be (ConvertTo-Canonical (Get-PageExample 'gcs-example.json') -DefaultCreateVideo)
    }

    It 'Open Telekom Cloud: one DICOM series of extension-less files' {
        $page = Get-PageExample 'otc-example.json' | ConvertFrom-Json -AsHashtable
        $series = Get-GroupUrls $page.dicom_series[0] | New-EncordDicomSeries -Title $page.dicom_series[0].title
        ConvertTo-Canonical ($series | ConvertTo-EncordSpec) | Should -Be (ConvertTo-Canonical (Get-PageExample 'otc-example.json'))
    }

    It 'AWS S3 as CSV: the page''s rows, in its order, with the mandatory Create video column' {
        $page = Get-PageExample 's3-example.json' | ConvertFrom-Json -AsHashtable
        $groups = foreach ($group in $page.image_groups) {
            Get-GroupUrls $group | New-EncordImageGroup -Title $group.title -CreateVideo $group.createVideo
        }
        $rows = @($page.videos.objectUrl) + @($groups) | ConvertTo-EncordSpec -Csv | ConvertFrom-Csv
        $printed = Import-Csv (Join-Path $examples 's3-example-as-printed.csv')
        $rows.ObjectUrl | Should -Be $printed.ObjectUrl
        $rows.'Image group title' | Should -Be $printed.'Image group title'
        $rows[-1].'Create video' | Should -Be 'false'   # apple-ios-light has createVideo false in the JSON example
    }
}
