BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $script:Examples = Join-Path $PSScriptRoot '../Data/PageExamples'
    $script:S3 = Join-Path $Examples 's3-example.json'

    function script:Assert-SameJson([string] $Expected, [string] $Actual) {
        $same = [System.Text.Json.Nodes.JsonNode]::DeepEquals([System.Text.Json.Nodes.JsonNode]::Parse($Expected), [System.Text.Json.Nodes.JsonNode]::Parse($Actual))
        if (-not $same) { throw "The JSON differs:`n$Actual" }
    }
}

Describe 'ConvertFrom-EncordSpec' {
    It 'streams one typed object per item, in file order, each with its source' {
        $items = ConvertFrom-EncordSpec $S3
        $items.ForEach({ $_.GetType().Name }) | Should -Be @('EncordImage', 'EncordImage', 'EncordVideo', 'EncordVideo', 'EncordImageGroup', 'EncordImageGroup', 'EncordImageGroup')
        $items[1].ObjectUrl | Should -Be 'https://cord-dev.s3.eu-west-2.amazonaws.com/Image2.png'
        $items[1].Source.Path | Should -Be (Resolve-Path $S3).ProviderPath
        $items[1].Source.Section | Should -Be 'Images'
        $items[1].Source.Index | Should -Be 1
        $items[1].Source.Line | Should -Be 6
        $items[6].Title | Should -Be 'apple-ios-light'
        $items[6].CreateVideo | Should -BeFalse
        $items[6].ObjectUrls | Should -HaveCount 2
    }

    It 'reproduces an equivalent spec through ConvertTo-EncordSpec' {
        $original = Get-Content $S3 -Raw
        $written = ConvertFrom-EncordSpec $S3 | ConvertTo-EncordSpec
        Assert-SameJson $original $written
    }

    It 'keeps metadata, titles and media metadata through the round trip' {
        $spec = @'
{
    "videos": [
        {
            "objectUrl": "s3://bucket/clips/a.mp4",
            "title": "first clip",
            "clientMetadata": {"camera": {"id": 7, "tags": ["front", null, true]}, "ratio": 0.25},
            "videoMetadata": {"fps": 25, "duration": 12.5, "width": 1920, "height": 1080, "fileSize": 123, "mimeType": "video/mp4"}
        }
    ],
    "dicom_series": [
        {"title": "scan", "objectUrl_0": "s3://bucket/scan/1", "objectUrl_1": "s3://bucket/scan/2", "clientMetadata": {"patient": "x"}}
    ]
}
'@
        $items = ConvertFrom-EncordSpec -Spec $spec
        $items[0].ClientMetadata['camera']['tags'][2] | Should -BeTrue
        $items[0].MediaMetadata.Fps | Should -Be 25
        Assert-SameJson $spec ($items | ConvertTo-EncordSpec)
    }

    It 'merges specs, drops repeated URLs and writes CSV' {
        $a = Join-Path $TestDrive 'a.json'
        $b = Join-Path $TestDrive 'b.json'
        's3://bucket/1.jpg', 's3://bucket/2.jpg' | ConvertTo-EncordSpec -Path $a | Out-Null
        's3://bucket/2.jpg', 's3://bucket/3.mp4' | ConvertTo-EncordSpec -Path $b | Out-Null
        $csv = ConvertFrom-EncordSpec $a, $b | Sort-Object ObjectUrl -Unique | ConvertTo-EncordSpec -Csv
        $csv | Should -Be "ObjectUrl,Image group title,Create video`r`ns3://bucket/1.jpg,,`r`ns3://bucket/2.jpg,,`r`ns3://bucket/3.mp4,,`r`n"
    }

    It 'reads CSV back and writes the same CSV' {
        $csvPath = Join-Path $TestDrive 's3.csv'
        ConvertFrom-EncordSpec $S3 | Where-Object { $_ -isnot [EncordSpec.EncordImage] } | ConvertTo-EncordSpec -Csv -Path $csvPath | Out-Null
        $again = ConvertFrom-EncordSpec $csvPath | ConvertTo-EncordSpec -Csv
        $again | Should -BeExactly ([IO.File]::ReadAllText($csvPath))
        (ConvertFrom-EncordSpec $csvPath | Where-Object Title -eq 'apple-ios-light').CreateVideo | Should -BeFalse
    }

    It 'writes the same findings as Test-EncordSpec as errors, and the good items still come out' {
        $spec = '{"images": [{"objectUrl": "https://b.s3.eu-west-2.amazonaws.com/a b.jpg"}, {"objectUrl": 5}, {"objectUrl": "s3://b/c.jpg"}]}'
        $items = ConvertFrom-EncordSpec -Spec $spec -ErrorVariable problems -ErrorAction SilentlyContinue
        $items.ObjectUrl | Should -Be @('https://b.s3.eu-west-2.amazonaws.com/a b.jpg', 's3://b/c.jpg')
        $problems.FullyQualifiedErrorId | Should -Be @(
            'ObjectUrlWhitespace,EncordSpec.Cmdlets.ConvertFromEncordSpecCommand'
            'ObjectUrlNotString,EncordSpec.Cmdlets.ConvertFromEncordSpecCommand')
        $checked = Test-EncordSpec -Spec $spec -Detailed
        $checked.RuleId | Should -Be @('ObjectUrlWhitespace', 'ObjectUrlNotString')
        $problems[1].Exception.Message | Should -Be $checked[1].ToString()
    }

    It 'returns the items before a syntax error' {
        $items = ConvertFrom-EncordSpec (Join-Path $Examples 'videos-sample.json') -ErrorVariable problems -ErrorAction SilentlyContinue
        $items | Should -HaveCount 2
        $problems[-1].FullyQualifiedErrorId | Should -BeLike 'TrailingComma,*'
    }

    It 'reads a semicolon CSV from Excel with -Delimiter, image groups and all, and writes it back with commas' {
        $excel = Join-Path $TestDrive 'excel.csv'
        Set-Content $excel -Value @(
            'ObjectUrl;Image group title;Create video'
            's3://b/Cooking.mp4;;'
            's3://b/light/1.jpg;apple-light;true'
            's3://b/light/2.jpg;apple-light;true'
            's3://b/a.jpg;;'
        )
        $items = ConvertFrom-EncordSpec $excel -Delimiter ';'
        $items.ForEach({ $_.GetType().Name }) | Should -Be @('EncordVideo', 'EncordImageGroup', 'EncordImage')
        $items[1].Title | Should -Be 'apple-light'
        $items[1].ObjectUrls | Should -Be 's3://b/light/1.jpg', 's3://b/light/2.jpg'
        $fixed = $items | ConvertTo-EncordSpec -Csv
        Test-EncordSpec -Spec $fixed -Format Csv | Should -BeTrue
    }

    It 'names the semicolons once, with the way to read them, when -Delimiter is not given' {
        $null = ConvertFrom-EncordSpec -Spec "ObjectUrl;Image group title;Create video`ns3://b/a.jpg;;" -Format Csv -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CsvHeaderMissing,*'
        $problems[0].Exception.Message | Should -BeLike "*separated by ';'*-Delimiter ';'*"
    }

    It 'carries skip_duplicate_urls and upsert_metadata through ConvertTo-EncordSpec' {
        $spec = '{"images": [{"objectUrl": "s3://b/a.jpg"}], "skip_duplicate_urls": true, "upsert_metadata": true}'
        $written = ConvertFrom-EncordSpec -Spec $spec | ConvertTo-EncordSpec -WarningVariable warnings | ConvertFrom-Json
        $written.skip_duplicate_urls | Should -BeTrue
        $written.upsert_metadata | Should -BeTrue
        $warnings | Should -BeNullOrEmpty
        # The parameters still decide when given.
        $off = ConvertFrom-EncordSpec -Spec $spec | ConvertTo-EncordSpec -SkipDuplicateUrls:$false -UpsertMetadata:$false | ConvertFrom-Json
        $off.PSObject.Properties.Name | Should -Be 'images'
    }

    It 'carries a flag into no file of a split, with a warning naming the switch, rather than into the last file alone' {
        $spec = '{"images": [{"objectUrl": "s3://b/1.jpg"}, {"objectUrl": "s3://b/2.jpg"}, {"objectUrl": "s3://b/3.jpg"}], "skip_duplicate_urls": true}'
        $target = Join-Path $TestDrive 'carried.json'
        $files = ConvertFrom-EncordSpec -Spec $spec | ConvertTo-EncordSpec -Path $target -MaxItemsPerFile 2 -WarningVariable warnings -WarningAction SilentlyContinue
        $files.Name | Should -Be 'carried-0001.json', 'carried-0002.json'
        foreach ($file in $files) {
            (Get-Content $file -Raw | ConvertFrom-Json).PSObject.Properties.Name | Should -Be 'images'
        }
        "$warnings" | Should -BeLike '*skip_duplicate_urls*split into several files*-SkipDuplicateUrls*'
        # Given explicitly, every file sets it.
        $files = ConvertFrom-EncordSpec -Spec $spec | ConvertTo-EncordSpec -Path $target -MaxItemsPerFile 2 -SkipDuplicateUrls -Force
        foreach ($file in $files) { (Get-Content $file -Raw | ConvertFrom-Json).skip_duplicate_urls | Should -BeTrue }
    }

    It 'warns, naming the specs, when merged specs disagree on a flag, and when CSV cannot hold it' {
        $a = Join-Path $TestDrive 'flag-a.json'
        $b = Join-Path $TestDrive 'flag-b.json'
        Set-Content $a -Value '{"images": [{"objectUrl": "s3://b/a.jpg"}], "skip_duplicate_urls": true}'
        Set-Content $b -Value '{"images": [{"objectUrl": "s3://b/b.jpg"}]}'
        $merged = ConvertFrom-EncordSpec $a, $b | ConvertTo-EncordSpec -WarningVariable warnings -WarningAction SilentlyContinue | ConvertFrom-Json
        $merged.PSObject.Properties.Name | Should -Be 'images'
        $warnings | Should -HaveCount 1
        "$warnings" | Should -BeLike '*flag-a.json sets skip_duplicate_urls, flag-b.json not*-SkipDuplicateUrls*'

        $null = ConvertFrom-EncordSpec $a | ConvertTo-EncordSpec -Csv -WarningVariable csvWarnings -WarningAction SilentlyContinue
        "$csvWarnings" | Should -BeLike '*skip_duplicate_urls*CSV spec cannot hold*'
    }

    It 'lets a pipeline repair what the check found' {
        $spec = '{"images": [{"objectUrl": "https://b.s3.eu-west-2.amazonaws.com/my frame.jpg"}]}'
        $fixed = ConvertFrom-EncordSpec -Spec $spec -ErrorAction SilentlyContinue |
            ForEach-Object { $_.ObjectUrl = $_.ObjectUrl -replace ' ', '+'; $_ } | ConvertTo-EncordSpec
        Test-EncordSpec -Spec $fixed | Should -BeTrue
    }

    It 'takes files from Get-ChildItem and several paths' {
        $folder = Join-Path $TestDrive 'many'
        $null = New-Item $folder -ItemType Directory
        Copy-Item $S3, (Join-Path $Examples 'gcs-example.json') $folder
        $items = Get-ChildItem $folder -Filter *.json | ConvertFrom-EncordSpec
        $items | Should -HaveCount 10
        ($items | Group-Object { Split-Path $_.Source.Path -Leaf }).Name | Should -Be @('gcs-example.json', 's3-example.json')
    }

    It 'shows items in their table views' {
        $text = ConvertFrom-EncordSpec (Join-Path $Examples 'gcs-example.json') | Select-Object -Skip 1 | Out-String -Width 200
        $text | Should -Match 'Title\s+CreateVideo\s+Count\s+FirstObjectUrl'
        $text | Should -Match 'image_group_1\s+True\s+2\s+https://storage.cloud.google.com/example-image-bucket/object_1.jpg'
    }
}

Describe 'Numbers through ConvertFrom-EncordSpec | ConvertTo-EncordSpec' {
    BeforeAll {
        $numbers = '1e-29', '5e-324', '-1e-300', '-0', '12345678901234567890123456789012345678', '0.123456789012345678901234567890123456789', '1E2', '2.50'
        $pairs = for ($i = 0; $i -lt $numbers.Count; $i++) { "`"k$i`": $($numbers[$i])" }
        $source = Join-Path $TestDrive 'numbers.json'
        Set-Content -LiteralPath $source -Value ('{"images": [{"objectUrl": "https://b.s3.eu-west-2.amazonaws.com/a.jpg", "clientMetadata": {' + ($pairs -join ', ') + '}}]}')
    }

    It 'writes every number exactly as it was written, and a second round trip gives the same bytes' {
        $first = Join-Path $TestDrive 'first.json'
        ConvertFrom-EncordSpec $source | ConvertTo-EncordSpec -Path $first
        $text = Get-Content -Raw $first
        for ($i = 0; $i -lt $numbers.Count; $i++) {
            $text | Should -Match ('"k{0}": {1}[,\s]' -f $i, [regex]::Escape($numbers[$i]))
        }
        $second = Join-Path $TestDrive 'second.json'
        ConvertFrom-EncordSpec $first | ConvertTo-EncordSpec -Path $second
        (Get-FileHash $second).Hash | Should -Be (Get-FileHash $first).Hash
    }

    It 'gives numbers a user computes, compares and sorts with as usual' {
        $metadata = (ConvertFrom-EncordSpec $source).ClientMetadata
        $metadata.k0 -gt 0 | Should -BeTrue              # 1e-29 is not 0
        $metadata.k0 * 1e29 | Should -BeGreaterThan 0.99
        $metadata.k6 + 1 | Should -Be 101                # 1E2
        $metadata.k3 + 1 | Should -Be 1                  # -0
        @($metadata.k6, $metadata.k0, $metadata.k2) | Sort-Object | Should -Be @(-1e-300, 1e-29, 100)
        ([ordered]@{ n = $metadata.k6; t = $metadata.k0 } | ConvertTo-Json -Compress) | Should -Match '^\{"n":100(\.0)?,"t":1E-29\}$' # numbers, not objects
    }

    It 'writes a value the user replaced as the new value' {
        $item = ConvertFrom-EncordSpec $source
        $item.ClientMetadata.k6 = $item.ClientMetadata.k6 + 1
        $out = Join-Path $TestDrive 'changed.json'
        $item | ConvertTo-EncordSpec -Path $out
        (Get-Content -Raw $out) | Should -Match '"k6": 101[,\s]'
    }
}
