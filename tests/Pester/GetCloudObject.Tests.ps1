# Get-CloudObject against the emulators build.ps1 starts (tests/Emulators/Emulators.ps1) on 127.0.0.1: S3 and OTC on
# s3rver, Azure on Azurite, GCS on the Storage emulator of firebase-tools. Every bucket is seeded here, through the
# official SDKs (tests/EncordSpec.TestSeeder).

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force

    . (Join-Path $PSScriptRoot 'Support/Seeder.ps1')

    # What a listing must return: the seeded objects but folder placeholders, as 'key|size', in ordinal order.
    function Get-ExpectedListing($Seeded, [string] $Prefix = '') {
        @($Seeded | Where-Object { $_.Key.StartsWith($Prefix, [StringComparison]::Ordinal) -and -not ($_.Size -eq 0 -and $_.Key.EndsWith('/')) } |
                ForEach-Object { '{0}|{1}' -f $_.Key, $_.Size }) | Sort-Object -CaseSensitive
    }

    # The module's URL parser is internal: reached by reflection, to check that each URL names its key exactly.
    $script:ObjectUrlParser = [EncordSpec.CloudObject].Assembly.GetType('EncordSpec.Urls.ObjectUrlParser', $true)
    function ConvertFrom-ObjectUrl([string] $Url) { $script:ObjectUrlParser.GetMethod('Parse').Invoke($null, @($Url)) }

    function Get-PageExampleUrls([string] $Name) {
        $example = Get-Content (Join-Path $PSScriptRoot "../Data/PageExamples/$Name") -Raw | ConvertFrom-Json
        foreach ($section in $example.PSObject.Properties) {
            foreach ($item in @($section.Value)) {
                if ($item -isnot [pscustomobject]) { continue }
                $item.PSObject.Properties | Where-Object Name -like 'objectUrl*' | ForEach-Object Value
            }
        }
    }

    # Everything a command wrote to any stream, and what a caught terminating error says, as one text.
    function Get-AllStreamText([scriptblock] $Command) {
        $records = @(& { try { & $Command *>&1 } catch { $_ } })
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $details = foreach ($record in $errors) {
            $record.Exception.ToString(); $record.FullyQualifiedErrorId; "$($record.ErrorDetails)"; "$($record.TargetObject)"
        }
        [pscustomobject]@{ Records = $records; Errors = $errors; Text = (($records | Out-String -Width 1000) + ($details -join "`n")) }
    }

    $AzuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
    $S3 = @{ Provider = 'S3'; EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER' }
    $Otc = @{ Provider = 'OTC'; EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; Region = 'eu-de' }
    $Azure = @{
        Provider = 'Azure'; EndpointUrl = $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT; StorageAccountName = 'devstoreaccount1'
        StorageAccountKey = (ConvertTo-SecureString $AzuriteKey -AsPlainText -Force)
    }
    $Gcs = @{ Provider = 'GCS'; EndpointUrl = $env:ENCORDSPEC_GCS_ENDPOINT }

    # The format page's S3 example, file for file, in the page's bucket and region; and awkward keys.
    $S3Seeded = Invoke-Seeder S3 cord-dev 'food,special'
    $S3BulkSeeded = Invoke-Seeder S3 pester-bulk 'bulk:bulk/:1100'
    $null = Invoke-Seeder S3 my.dotted.bucket 'names:photo 1.jpg'
    $OtcSeeded = Invoke-Seeder OTC bucket-name 'names:dicom-file-0;dicom-file-1;dicom-file-2;dicom-file-3'
    $AzureSeeded = Invoke-Seeder Azure mycontainer 'food,special,names:myblob1.jpg;myblob2.jpg;myblob3.jpg;myblob4.jpg'
    $GcsSeeded = Invoke-Seeder GCS example-image-bucket 'food,special,names:object_1.jpg;object_2.jpg;object_3.jpg;object_4.jpg'
    $null = Invoke-Seeder GCS example-url 'names:object.mp4'
}

Describe 'Get-CloudObject lists exactly what was seeded' {
    It 'lists an S3 bucket: count, keys and sizes' {
        $listed = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2
        @($listed | ForEach-Object { '{0}|{1}' -f $_.Key, $_.Size } | Sort-Object -CaseSensitive) | Should -Be (Get-ExpectedListing $S3Seeded)
        $listed | ForEach-Object { $_ | Should -BeOfType EncordSpec.CloudObject }
    }

    It 'lists an OTC bucket through the S3 API' {
        $listed = Get-CloudObject @Otc -Bucket bucket-name
        @($listed | ForEach-Object { '{0}|{1}' -f $_.Key, $_.Size }) | Should -Be (Get-ExpectedListing $OtcSeeded)
        $listed.Provider | Sort-Object -Unique | Should -Be 'OTC'
    }

    It 'lists an Azure container: count, keys and sizes' {
        $listed = Get-CloudObject @Azure -Bucket mycontainer
        @($listed | ForEach-Object { '{0}|{1}' -f $_.Key, $_.Size } | Sort-Object -CaseSensitive) | Should -Be (Get-ExpectedListing $AzureSeeded)
    }

    It 'lists a GCS bucket: count, keys and sizes' {
        $listed = Get-CloudObject @Gcs -Bucket example-image-bucket -UrlStyle Https
        @($listed | ForEach-Object { '{0}|{1}' -f $_.Key, $_.Size } | Sort-Object -CaseSensitive) | Should -Be (Get-ExpectedListing $GcsSeeded)
    }

    It 'pages through more than 1,000 objects under one prefix' {
        $listed = Get-CloudObject @S3 -Bucket pester-bulk -Region eu-west-2 -Prefix bulk/ -PageSize 1000
        $listed.Count | Should -Be 1100
        @($listed.Key | Sort-Object -Unique).Count | Should -Be 1100
        @($listed | ForEach-Object { '{0}|{1}' -f $_.Key, $_.Size } | Sort-Object -CaseSensitive) | Should -Be (Get-ExpectedListing $S3BulkSeeded 'bulk/') -Because 'without -Sort, pages of key ranges listed side by side come in the order they arrive'
    }

    It 'fills every property eagerly, with LastModified in UTC and the ETag unquoted' {
        $object = Get-CloudObject @Azure -Bucket mycontainer -Prefix 'special/scan-0001'
        $object.Name | Should -Be 'scan-0001'
        $object.Bucket | Should -Be 'mycontainer'
        $object.Provider | Should -Be 'Azure'
        $object.LastModified.Kind | Should -Be 'Utc'
        $object.ETag | Should -Not -BeNullOrEmpty
        $object.ETag | Should -Not -Match '"'
        $object.ContentType | Should -Be 'application/dicom'
        $object.DataType | Should -Be 'Dicom' -Because 'a name without extension is classified by its content type'
        ($object | ConvertTo-Json | ConvertFrom-Json).ObjectUrl | Should -Be $object.ObjectUrl
    }

    It 'skips folder placeholders (keys ending in / with no content)' {
        $S3Seeded.Key | Should -Contain 'special/empty-folder/'
        (Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix special/).Key | Should -Not -Contain 'special/empty-folder/'
    }
}

Describe 'Object URLs' {
    It 'are the S3 URLs of the format page, including its + example' {
        $urls = (Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 | Where-Object Key -notlike 'special/*').ObjectUrl
        $urls | Sort-Object | Should -Be (Get-PageExampleUrls s3-example.json | Sort-Object)
        $urls | Should -Contain 'https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/1-Samsung-S4-Light+Environment/1+(32).jpg'
    }

    It 'encode awkward S3 keys as the S3 console does' {
        $byKey = @{}
        Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix special/ | ForEach-Object { $byKey[$_.Key] = $_.ObjectUrl }
        $base = 'https://cord-dev.s3.eu-west-2.amazonaws.com/special/'
        $byKey['special/plus+sign+.png'] | Should -BeExactly "${base}plus%2Bsign%2B.png"
        $byKey['special/a file with spaces.jpg'] | Should -BeExactly "${base}a+file+with+spaces.jpg"
        $byKey['special/percent%20literal%2F%.jpg'] | Should -BeExactly "${base}percent%2520literal%252F%25.jpg"
        $byKey['special/hash#frag.jpg'] | Should -BeExactly "${base}hash%23frag.jpg"
        $byKey['special/paren(1) (2).jpg'] | Should -BeExactly "${base}paren(1)+(2).jpg"
        $byKey['special/café-é.jpg'] | Should -BeExactly "${base}caf%C3%A9-%C3%A9.jpg"
        $byKey['special/日本/日本語 ファイル.png'] | Should -BeExactly "${base}%E6%97%A5%E6%9C%AC/%E6%97%A5%E6%9C%AC%E8%AA%9E+%E3%83%95%E3%82%A1%E3%82%A4%E3%83%AB.png"
        foreach ($pair in $byKey.GetEnumerator()) {
            $parsed = ConvertFrom-ObjectUrl $pair.Value
            $parsed.Bucket | Should -BeExactly 'cord-dev'
            $parsed.Key | Should -BeExactly $pair.Key
        }
    }

    It 'are path-style or s3:// on request, and s3:// refuses whitespace naming the key and the style that works' {
        (Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix Image1).ObjectUrl |
            Should -Be 'https://cord-dev.s3.eu-west-2.amazonaws.com/Image1.png'
        (Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix Image1 -UrlStyle Path).ObjectUrl |
            Should -Be 'https://s3.eu-west-2.amazonaws.com/cord-dev/Image1.png'
        $objects = Get-CloudObject @S3 -Bucket cord-dev -UrlStyle S3Uri -Prefix special/ -ErrorVariable refused -ErrorAction SilentlyContinue
        $objects.ObjectUrl | Should -Contain 's3://cord-dev/special/plus+sign+.png'
        $refused.Count | Should -Be 5 -Because 'five special keys hold spaces'
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'KeyHasNoObjectUrl*'
        ($refused.Exception.Message -join "`n") | Should -BeLike "*'special/a file with spaces.jpg'*s3://*-UrlStyle VirtualHosted*"
        $refused.TargetObject.Key | Should -Contain 'special/a file with spaces.jpg'
    }

    It 'fall back to path style with a warning for bucket names with dots' {
        $object = Get-CloudObject @S3 -Bucket my.dotted.bucket -Region eu-west-2 -Prefix photo -WarningVariable warned -WarningAction SilentlyContinue
        $object.ObjectUrl | Should -Be 'https://s3.eu-west-2.amazonaws.com/my.dotted.bucket/photo+1.jpg'
        $warned.Count | Should -Be 1
        "$warned" | Should -BeLike "*'my.dotted.bucket'*dots*path style*"
    }

    It 'take the region from the bucket''s location when -Region is not given' {
        # s3rver, like S3 for buckets made without a location constraint, answers us-east-1.
        (Get-CloudObject @S3 -Bucket cord-dev -Prefix Image1).ObjectUrl | Should -Be 'https://cord-dev.s3.us-east-1.amazonaws.com/Image1.png'
    }

    It 'are the OTC URLs of the format page' {
        (Get-CloudObject @Otc -Bucket bucket-name).ObjectUrl | Should -Be (Get-PageExampleUrls otc-example.json)
    }

    It 'are Azure URLs percent-encoded per segment on the account host, with no SAS token' {
        $objects = Get-CloudObject @Azure -Bucket mycontainer
        $expected = Get-PageExampleUrls azure-example.json | Where-Object { $_ -like '*/mycontainer/myblob?.jpg' } |
            ForEach-Object { $_.Replace('//myaccount.', '//devstoreaccount1.') }
        ($objects | Where-Object Key -like 'myblob?.jpg').ObjectUrl | Should -Be $expected
        ($objects | Where-Object Key -eq 'special/sub dir/nested + file.jpg').ObjectUrl |
            Should -BeExactly 'https://devstoreaccount1.blob.core.windows.net/mycontainer/special/sub%20dir/nested%20%2B%20file.jpg'
        $objects.ObjectUrl | Should -Not -Match '\?'
    }

    It 'are never signed, also when listing with a SAS token' {
        # An account SAS for Azurite's well-known key, signed here as the service would sign it.
        $sv = '2019-12-12'; $ss = 'b'; $srt = 'sco'; $sp = 'rl'; $se = '2030-01-01T00:00:00Z'; $spr = 'http,https'
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($AzuriteKey))
        $signature = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes("devstoreaccount1`n$sp`n$ss`n$srt`n`n$se`n`n$spr`n$sv`n")))
        $sas = "sv=$sv&ss=$ss&srt=$srt&sp=$sp&se=$([uri]::EscapeDataString($se))&spr=$([uri]::EscapeDataString($spr))&sig=$([uri]::EscapeDataString($signature))"
        $result = Get-AllStreamText { Get-CloudObject -Provider Azure -Bucket mycontainer -EndpointUrl $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT -StorageAccountName devstoreaccount1 -SasToken $sas -Verbose }
        $objects = @($result.Records | Where-Object { $_ -is [EncordSpec.CloudObject] })
        $objects.Count | Should -Be (Get-ExpectedListing $AzureSeeded).Count
        $objects.ObjectUrl | Should -Not -Match '[?]|sig='
        $result.Text | Should -Not -Match ([regex]::Escape($signature))
        $result.Text | Should -Not -Match ([regex]::Escape([uri]::EscapeDataString($signature)))
    }

    It 'are gs:// by default for GCS, or https://storage.cloud.google.com as the page shows' {
        (Get-CloudObject @Gcs -Bucket example-url).ObjectUrl | Should -Be 'gs://example-url/object.mp4'
        (Get-CloudObject @Gcs -Bucket example-image-bucket -Prefix object_ -UrlStyle Https).ObjectUrl |
            Should -Be (Get-PageExampleUrls gcs-example.json | Where-Object { $_ -like 'https://*' })
    }

    It 'are built under -ObjectUrlBase for other S3-compatible stores' {
        (Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix 'special/paren' -ObjectUrlBase https://minio.example.com/cord-dev).ObjectUrl |
            Should -BeExactly 'https://minio.example.com/cord-dev/special/paren%281%29%20%282%29.jpg'
    }

    It 'are the same string every time the same object is listed' {
        $first = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -PageSize 3 -Sort # many pages, listed in parallel: -Sort keeps the store's order
        $second = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -PageSize 1000 -UrlStyle VirtualHosted
        $folder = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix 'food-dataset/Apple/1-Samsung-S4-Light Environment/'
        $first.ObjectUrl | Should -Be $second.ObjectUrl
        $folder.ObjectUrl | ForEach-Object { $first.ObjectUrl | Should -Contain $_ }
    }

    It 'cannot be built in a style the provider has not' {
        { Get-CloudObject @Azure -Bucket mycontainer -UrlStyle GsUri } | Should -Throw -ErrorId 'ObjectUrlNotPossible*'
        { Get-CloudObject @Otc -Bucket bucket-name -UrlStyle S3Uri } | Should -Throw -ErrorId 'ObjectUrlNotPossible*'
    }
}

Describe 'The design''s pipeline, from each provider' {
    BeforeAll {
        function Test-SpecIsAccepted([string] $Path) {
            # The project's own validation, when this branch has it (issue 4).
            if (Get-Command Test-EncordSpec -ErrorAction Ignore) { Test-EncordSpec -Path $Path | Should -BeTrue }
            $spec = Get-Content $Path -Raw | ConvertFrom-Json
            foreach ($group in $spec.image_groups) {
                $group.title | Should -Not -BeNullOrEmpty
                @($group.PSObject.Properties | Where-Object Name -like 'objectUrl_*').Value | ForEach-Object { $_ | Should -Not -Match '\s' }
            }
            $spec
        }
        # Titled by the folder's path below -Prefix food-dataset/.
        $ExpectedGroups = @{
            'Apple/1-Samsung-S4-Light Environment' = 1..4 | ForEach-Object { "food-dataset/Apple/1-Samsung-S4-Light Environment/1 ($(31 + $_)).jpg" }
            'Apple/2-samsung-S4-Dark Environment'  = 1..4 | ForEach-Object { "food-dataset/Apple/2-samsung-S4-Dark Environment/2 ($(31 + $_)).jpg" }
            'Apple/3-IOS-4-Light Environment'      = 1..2 | ForEach-Object { "food-dataset/Apple/3-IOS-4-Light Environment/3 ($(31 + $_)).jpg" }
        }
        function Get-GroupKeys($Spec, [string] $Provider) {
            $result = @{}
            foreach ($group in $Spec.image_groups) {
                $result[$group.title] = @($group.PSObject.Properties | Where-Object Name -like 'objectUrl_*' | ForEach-Object {
                        $parsed = ConvertFrom-ObjectUrl $_.Value
                        $parsed.Provider | Should -Be $Provider
                        $parsed.Key
                    })
            }
            $result
        }
    }

    It 'writes the page''s S3 image groups from an S3 bucket' {
        $path = Join-Path $TestDrive 's3.json'
        Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/ -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -AccessKey S3RVER -SecretKey S3RVER |
            New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path $path
        $spec = Test-SpecIsAccepted $path
        $page = Get-Content (Join-Path $PSScriptRoot '../Data/PageExamples/s3-example.json') -Raw | ConvertFrom-Json
        foreach ($index in 0..2) {
            $urls = @($spec.image_groups[$index].PSObject.Properties | Where-Object Name -like 'objectUrl_*').Value
            $urls | Should -Be @($page.image_groups[$index].PSObject.Properties | Where-Object Name -like 'objectUrl_*').Value
        }
    }

    It 'writes the page''s single images and videos from CloudObjects straight into ConvertTo-EncordSpec' {
        $json = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Delimiter / | Where-Object { $_ -is [EncordSpec.CloudObject] } |
            ConvertTo-EncordSpec -Json
        $spec = $json | ConvertFrom-Json
        $page = Get-Content (Join-Path $PSScriptRoot '../Data/PageExamples/s3-example.json') -Raw | ConvertFrom-Json
        $spec.images.objectUrl | Should -Be $page.images.objectUrl
        $spec.videos.objectUrl | Should -Be $page.videos.objectUrl
    }

    It 'writes image groups from an Azure container' {
        $path = Join-Path $TestDrive 'azure.json'
        Get-CloudObject @Azure -Bucket mycontainer -Prefix food-dataset/ | New-EncordImageGroup -GroupBy Folder | ConvertTo-EncordSpec -Json -Path $path
        $groups = Get-GroupKeys (Test-SpecIsAccepted $path) 'Azure'
        $groups.Keys | Sort-Object | Should -Be ($ExpectedGroups.Keys | Sort-Object)
        foreach ($title in $ExpectedGroups.Keys) { $groups[$title] | Should -Be $ExpectedGroups[$title] }
    }

    It 'writes image groups from a GCS bucket' {
        $path = Join-Path $TestDrive 'gcs.json'
        Get-CloudObject @Gcs -Bucket example-image-bucket -Prefix food-dataset/ -UrlStyle Https | New-EncordImageGroup -GroupBy Folder |
            ConvertTo-EncordSpec -Json -Path $path
        $groups = Get-GroupKeys (Test-SpecIsAccepted $path) 'GCS'
        foreach ($title in $ExpectedGroups.Keys) { $groups[$title] | Should -Be $ExpectedGroups[$title] }
    }

    It 'writes the page''s OTC DICOM series from an OTC bucket' {
        $path = Join-Path $TestDrive 'otc.json'
        Get-CloudObject @Otc -Bucket bucket-name | New-EncordDicomSeries -Title OPEN_TELEKOM_DICOM_SERIES | ConvertTo-EncordSpec -Json -Path $path
        $null = Test-SpecIsAccepted $path
        (Get-Content $path -Raw | ConvertFrom-Json | ConvertTo-Json -Depth 5) |
            Should -Be (Get-Content (Join-Path $PSScriptRoot '../Data/PageExamples/otc-example.json') -Raw | ConvertFrom-Json | ConvertTo-Json -Depth 5)
    }

    It 'puts a GCS object that is DICOM by its content type into a series' {
        $series = Get-CloudObject @Gcs -Bucket example-image-bucket -DataType Dicom | New-EncordDicomSeries -Title scans
        $series.ObjectUrls | Should -Be @('gs://example-image-bucket/special/scan-0001')
    }
}

Describe 'Filtering, paging and folders' {
    It 'keeps keys matching -Include and not -Exclude, case-insensitively' {
        (Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Include '*.MP4').Key | Sort-Object |
            Should -Be @('Cooking.mp4', 'Oranges.mp4', 'special/mix +%#()é日本 end.mp4')
        (Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Include '*.mp4' -Exclude 'special/*').Key | Should -Be @('Cooking.mp4', 'Oranges.mp4')
    }

    It 'matches -Include and -Exclude against the file name in every folder, as Get-ChildItem does' {
        $null = Invoke-Seeder S3 filter-names 'names:Thumbs.db;camera1/Thumbs.db;camera1/1.jpg;camera1/old/2.jpg;thumbs.db.jpg/3.png'
        (Get-CloudObject @S3 -Bucket filter-names -Region eu-west-2 -Exclude Thumbs.db).Key |
            Should -Be 'camera1/1.jpg', 'camera1/old/2.jpg', 'thumbs.db.jpg/3.png'
        (Get-CloudObject @S3 -Bucket filter-names -Region eu-west-2 -Include *.jpg).Key | Should -Be 'camera1/1.jpg', 'camera1/old/2.jpg'
        (Get-CloudObject @S3 -Bucket filter-names -Region eu-west-2 -Include *.jpg -Exclude 'camera1/old/*').Key | Should -Be 'camera1/1.jpg'
    }

    It 'says why a -Prefix that starts with / finds nothing' {
        $found = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix /food-dataset/ -WarningVariable warnings -WarningAction SilentlyContinue
        $found | Should -BeNullOrEmpty
        "$warnings" | Should -BeLike "*starts with '/food-dataset/'*-Prefix 'food-dataset/'*"
    }

    It 'keeps only the data types asked for' {
        $videos = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -DataType Video, Audio
        $videos.DataType | Sort-Object -Unique | Should -Be 'Video'
        $videos.Count | Should -Be 3
    }

    It 'finds extension-less DICOM files by their DICM marker with -DataType Dicom, as the help''s example does' {
        $null = Invoke-Seeder OTC dicom-scans 'dicom:study1/0001;study1/0002;study2/1.2.840.10008.5.1.4.1.1.2;scan.dcm,names:study1/notes;study1/preview.jpg'
        $dicom = Get-CloudObject @Otc -Bucket dicom-scans -DataType Dicom
        $dicom.Key | Should -Be 'scan.dcm', 'study1/0001', 'study1/0002', 'study2/1.2.840.10008.5.1.4.1.1.2'
        $dicom.DataType | Select-Object -Unique | Should -Be 'Dicom'
        # The help's example, on these files: one series of the four.
        $series = Get-CloudObject @Otc -Bucket dicom-scans -DataType Dicom | New-EncordDicomSeries -Title scan-1
        $series.Count | Should -Be 4
        # Asked for with Unsupported, the file without the marker stays, as Unsupported.
        $both = Get-CloudObject @Otc -Bucket dicom-scans -DataType Dicom, Unsupported
        ($both | Where-Object Key -EQ 'study1/notes').DataType | Should -Be 'Unsupported'
        ($both | Where-Object Key -EQ 'study1/0001').DataType | Should -Be 'Dicom'
    }

    It 'supports -First, -Skip and -IncludeTotalCount' {
        $all = Get-CloudObject @S3 -Bucket pester-bulk -Region eu-west-2 -Sort
        (Get-CloudObject @S3 -Bucket pester-bulk -Region eu-west-2 -First 5).Key | Should -Be $all[0..4].Key
        (Get-CloudObject @S3 -Bucket pester-bulk -Region eu-west-2 -Skip 1098).Key | Should -Be $all[1098..1099].Key
        $counted = @(Get-CloudObject @S3 -Bucket pester-bulk -Region eu-west-2 -First 2 -IncludeTotalCount)
        $counted.Count | Should -Be 3
        $counted[-1].ToString() | Should -BeLike '*1100*' -Because 'the total is known once the listing ends'
    }

    It 'lists one level with -Delimiter: folders come out as CloudPrefix, in key order with the objects' {
        $level = Get-CloudObject @Azure -Bucket mycontainer -Delimiter /
        $level | ForEach-Object { if ($_ -is [EncordSpec.CloudPrefix]) { $_.Prefix } else { $_.Key } } |
            Should -Be @('Cooking.mp4', 'Image1.png', 'Image2.png', 'Oranges.mp4', 'food-dataset/', 'myblob1.jpg', 'myblob2.jpg', 'myblob3.jpg', 'myblob4.jpg', 'special/')
        $folder = $level | Where-Object { $_ -is [EncordSpec.CloudPrefix] } | Select-Object -First 1
        $folder.Name | Should -Be 'food-dataset'
        $folder.Bucket | Should -Be 'mycontainer'
    }

    It 'lists inside a CloudPrefix piped back with nothing else, as the listing that found it did' {
        $folders = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/Apple/ -Delimiter / -UrlStyle Path
        $inside = $folders[2] | Get-CloudObject
        $inside.ObjectUrl | Should -Be @(
            'https://s3.eu-west-2.amazonaws.com/cord-dev/food-dataset/Apple/3-IOS-4-Light+Environment/3+(32).jpg'
            'https://s3.eu-west-2.amazonaws.com/cord-dev/food-dataset/Apple/3-IOS-4-Light+Environment/3+(33).jpg')
        # What is given still counts, and what it carries is in no output.
        @($folders[2] | Get-CloudObject -UrlStyle VirtualHosted)[0].ObjectUrl | Should -Be 'https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/Apple/3-IOS-4-Light+Environment/3+(32).jpg'
        ($folders[2] | ConvertTo-Json) + ($folders[2] | Format-List * | Out-String) | Should -Not -Match 'S3RVER|127\.0\.0\.1'
    }

    It 'lists inside a CloudPrefix piped back into it' {
        $folders = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix food-dataset/Apple/ -Delimiter /
        $folders.Name | Should -Be @('1-Samsung-S4-Light Environment', '2-samsung-S4-Dark Environment', '3-IOS-4-Light Environment')
        $inside = $folders[2] | Get-CloudObject -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -AccessKey S3RVER -SecretKey S3RVER -Region eu-west-2
        $inside.Key | Should -Be @('food-dataset/Apple/3-IOS-4-Light Environment/3 (32).jpg', 'food-dataset/Apple/3-IOS-4-Light Environment/3 (33).jpg')
    }
}

Describe 'Streaming and stopping' {
    It 'emits the first page''s objects before the next page is read' {
        $records = @(Get-CloudObject @S3 -Bucket pester-bulk -Region eu-west-2 -PageSize 100 -ThrottleLimit 1 -Verbose 4>&1)
        $pageMessages = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Page *' })
        $pageMessages.Count | Should -Be 11
        $firstObject = [array]::FindIndex($records, [Predicate[object]] { param($r) $r -is [EncordSpec.CloudObject] })
        $secondPage = [array]::IndexOf($records, $pageMessages[1])
        $firstObject | Should -BeLessThan $secondPage
        $secondPage | Should -Be 102 -Because 'the listing start, page 1 and its 100 objects come first'
    }

    It 'stops listing when Select-Object -First has enough' {
        $pages = [System.Collections.Generic.List[string]]::new()
        $firstFive = Get-CloudObject @S3 -Bucket pester-bulk -Region eu-west-2 -PageSize 100 -ThrottleLimit 1 -Verbose 4>&1 |
            ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { if ($_.Message -like 'Page *') { $pages.Add($_.Message) } } else { $_ } } |
            Select-Object -First 5
        $firstFive.Count | Should -Be 5
        $pages.Count | Should -Be 1
    }

    It 'stops at once on Ctrl+C, even while the store does not answer' {
        # A socket that accepts connections (the kernel does, up to its backlog) and never answers.
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddParameter('Name', $env:ENCORDSPEC_MODULE_PATH).AddStatement().
                AddCommand('Get-CloudObject').AddParameters(@{
                    Provider = 'S3'; Bucket = 'cord-dev'; Region = 'eu-west-2'; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'
                    EndpointUrl = "http://127.0.0.1:$($silent.LocalEndpoint.Port)"
                })
            $running = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (-not $silent.Pending() -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $silent.Pending() | Should -BeTrue -Because 'the listing request should be waiting for an answer'
            Start-Sleep -Milliseconds 300
            $running.IsCompleted | Should -BeFalse
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # Stop() can return before the batch has recorded the stop in its error stream; disposing then would
            # make that write fail on a thread-pool thread and end the process. EndInvoke waits for the batch.
            # (A stopped batch records the stop there rather than throwing it.)
            $null = $ps.EndInvoke($running)
            "$($ps.Streams.Error)" | Should -Be 'The pipeline has been stopped.'
        }
        finally {
            $ps.Dispose()
            $silent.Stop()
        }
    }

    It 'writes progress only in interactive sessions' {
        $interactive = [Environment]::UserInteractive -and -not [Console]::IsInputRedirected
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddParameter('Name', $env:ENCORDSPEC_MODULE_PATH).AddStatement().
                AddCommand('Get-CloudObject').AddParameters(@{
                    Provider = 'S3'; Bucket = 'pester-bulk'; Region = 'eu-west-2'; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'
                    EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT
                })
            $objects = $ps.Invoke()
            $objects.Count | Should -Be 1100
            if ($interactive) { $ps.Streams.Progress.Count | Should -BeGreaterThan 0 }
            else { $ps.Streams.Progress.Count | Should -Be 0 }
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Parallel listing (-ThrottleLimit, default 8)' {
    BeforeAll {
        # A folder tree, one folder holding most objects, and a bucket without any '/', in S3 and Azure.
        $Layouts = @{ tree = 'tree'; skewed = 'skewed'; flat = 'bulk::300' }
        $ParallelSeeded = @{}
        foreach ($provider in 'S3', 'Azure') {
            foreach ($layout in $Layouts.Keys) {
                $ParallelSeeded["$provider-$layout"] = Invoke-Seeder $provider "pester-par-$layout" $Layouts[$layout]
            }
        }
        $Connections = @{ S3 = $S3 + @{ Region = 'us-east-1' }; Azure = $Azure }
        $PartitionOf = [EncordSpec.CloudObject].GetProperty('Partition', [Reflection.BindingFlags]'Instance,NonPublic')
        $SequenceOf = [EncordSpec.CloudObject].GetProperty('PartitionSequence', [Reflection.BindingFlags]'Instance,NonPublic')
    }

    It 'lists the <Layout> bucket of <Provider> exactly as one request after another does, and with -Sort in the same order' -ForEach @(
        foreach ($provider in 'S3', 'Azure') { foreach ($layout in 'tree', 'skewed', 'flat') { @{ Provider = $provider; Layout = $layout } } }
    ) {
        $connection = $Connections[$Provider]
        $bucket = "pester-par-$Layout"
        $sequential = @((Get-CloudObject @connection -Bucket $bucket -PageSize 10 -ThrottleLimit 1).Key)
        $records = @(Get-CloudObject @connection -Bucket $bucket -PageSize 10 -Verbose 4>&1)
        $parallel = @(($records | Where-Object { $_ -is [EncordSpec.CloudObject] }).Key)
        $sorted = @((Get-CloudObject @connection -Bucket $bucket -PageSize 10 -ThrottleLimit 4 -Sort).Key)

        $sequential.Count | Should -Be $ParallelSeeded["$Provider-$Layout"].Count
        @($parallel | Sort-Object -CaseSensitive) | Should -Be @($sequential | Sort-Object -CaseSensitive)
        @($parallel | Sort-Object -CaseSensitive -Unique).Count | Should -Be $sequential.Count -Because 'every object comes out once'
        $sorted | Should -Be $sequential
        $summary = $records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Listed with *' }
        # Key ranges split a flat bucket as well as a tree.
        "$summary" | Should -Match 'Listed with \d+ requests, up to 8 at a time; [1-9]\d* key ranges split in two'
    }

    It 'marks each partition complete after its last object, never before, with key order within it and every folder''s own objects in one (<Provider> <Layout>)' -ForEach @(
        @{ Provider = 'S3'; Layout = 'tree' }, @{ Provider = 'Azure'; Layout = 'skewed' }
    ) {
        # A partition is marked complete as soon as the listing knows it ends: right after its last object when that
        # object's page ended the part, else when the part's next page (with no objects of it) arrives.
        $connection = $Connections[$Provider]
        $arrivals = [System.Collections.Generic.List[object]]::new()
        Get-CloudObject @connection -Bucket "pester-par-$Layout" -PageSize 7 | ForEach-Object {
            $partition = $PartitionOf.GetValue($_)
            $arrivals.Add([pscustomobject]@{
                    Key = $_.Key; Partition = $partition; Sequence = $SequenceOf.GetValue($_); CompleteOnArrival = $null -ne $partition.FinalCount
                })
        }
        $arrivals.Count | Should -Be $ParallelSeeded["$Provider-$Layout"].Count
        $folderPartition = @{}
        $lastKey = @{}
        $counted = @{}
        foreach ($arrival in $arrivals) {
            $arrival.CompleteOnArrival | Should -BeFalse -Because "'$($arrival.Key)' came after its partition was marked complete"
            $folder = $arrival.Key.Substring(0, $arrival.Key.LastIndexOf('/') + 1)
            if ($folderPartition.ContainsKey($folder)) { $folderPartition[$folder] | Should -Be $arrival.Partition -Because "folder '$folder' is in one partition, or in none" }
            else { $folderPartition[$folder] = $arrival.Partition }
            if ($null -eq $arrival.Partition) { continue } # a folder two key ranges share: no partition can prove it complete
            if ($lastKey.ContainsKey($arrival.Partition)) {
                [string]::CompareOrdinal($lastKey[$arrival.Partition], $arrival.Key) | Should -BeLessThan 0 -Because "'$($arrival.Key)' comes after '$($lastKey[$arrival.Partition])' in its partition"
            }
            $lastKey[$arrival.Partition] = $arrival.Key
            $counted[$arrival.Partition] = 1 + $counted[$arrival.Partition]
            $arrival.Sequence | Should -Be $counted[$arrival.Partition] -Because 'objects are numbered 1, 2, 3... in their partition'
        }
        foreach ($partition in $lastKey.Keys) { $partition.FinalCount | Should -Be $counted[$partition] }
    }

    It 'gives -First and -Skip the objects a sequential listing gives, in key order' {
        $sequential = @((Get-CloudObject @S3 -Bucket pester-par-tree -Region us-east-1 -PageSize 10 -ThrottleLimit 1).Key)
        (Get-CloudObject @S3 -Bucket pester-par-tree -Region us-east-1 -PageSize 10 -First 60).Key | Should -Be $sequential[0..59]
        (Get-CloudObject @S3 -Bucket pester-par-tree -Region us-east-1 -PageSize 10 -Skip 300).Key | Should -Be $sequential[300..($sequential.Count - 1)]
    }

    It 'stops all its requests when Select-Object -First has enough' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        @(Get-CloudObject @Azure -Bucket pester-par-skewed -PageSize 10 | Select-Object -First 5).Count | Should -Be 5
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
    }
}

Describe 'Failures end the command with one clear error and no secret' {
    It 'names provider and bucket when S3 refuses the credentials' {
        $secret = 'Wr0ng-Secret-Key/Value+Zz9'
        $result = Get-AllStreamText { Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -AccessKey AKIAWRONGKEYID000000 -SecretKey $secret -Verbose }
        $errors = $result.Errors
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CloudAccessDenied*'
        $errors[0].Exception.Message | Should -BeLike "*S3 bucket 'cord-dev'*"
        $result.Text | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'names provider and bucket when Azure refuses the key, given as SecureString' {
        $secret = 'V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3Jvbmc='
        $key = ConvertTo-SecureString $secret -AsPlainText -Force
        $result = Get-AllStreamText { Get-CloudObject -Provider Azure -Bucket mycontainer -EndpointUrl $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT -StorageAccountName devstoreaccount1 -StorageAccountKey $key -Verbose }
        $errors = $result.Errors
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CloudAccessDenied*'
        $errors[0].Exception.Message | Should -BeLike "*Azure container 'mycontainer'*"
        $result.Text | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'names provider and bucket when a connection string''s key is refused' {
        $secret = 'V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3Jvbmc='
        $connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$secret;BlobEndpoint=$env:ENCORDSPEC_AZURE_BLOB_ENDPOINT;"
        $result = Get-AllStreamText { Get-CloudObject -Provider Azure -Bucket mycontainer -ConnectionString $connection -Verbose }
        $result.Errors.FullyQualifiedErrorId | Should -BeLike 'CloudAccessDenied*'
        $result.Text | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'says when the bucket does not exist' {
        $result = Get-AllStreamText { Get-CloudObject @S3 -Bucket no-such-bucket -Region eu-west-2 }
        $errors = $result.Errors
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CloudBucketNotFound*'
        $errors[0].Exception.Message | Should -BeLike "S3 bucket 'no-such-bucket' does not exist*"
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Get-CloudObject @Azure -Bucket no-such-container } | Should -Throw -ErrorId 'CloudBucketNotFound*'
    }

    It 'says when the endpoint cannot be reached (<Provider>), without minutes of retries' -ForEach @(
        @{ Provider = 'S3'; Noun = 'bucket'; Extra = { param($url) @{ EndpointUrl = $url; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; Region = 'eu-west-2' } } }
        @{ Provider = 'GCS'; Noun = 'bucket'; Extra = { param($url) @{ EndpointUrl = $url } } }
        # The endpoint comes from the connection string here, and the message still names it.
        @{ Provider = 'Azure'; Noun = 'container'; Extra = { param($url) @{ ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AzuriteKey;BlobEndpoint=$url/devstoreaccount1;" } } }
    ) {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $parameters = & $Extra "http://127.0.0.1:$port"
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $result = Get-AllStreamText { Get-CloudObject -Provider $Provider -Bucket cord-dev @parameters }
        # The SDKs retry a refused connection a little (it may be a restart), not for minutes as for throttling.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30
        $errors = $result.Errors
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CloudEndpointUnreachable*'
        $errors[0].Exception.Message | Should -BeLike "*$Provider $Noun 'cord-dev'*http://127.0.0.1:$port*"
        $result.Text | Should -Not -Match ([regex]::Escape($AzuriteKey))
    }

    It 'asks for the secret key that goes with an access key' {
        { Get-CloudObject -Provider S3 -Bucket cord-dev -AccessKey S3RVER } | Should -Throw -ErrorId 'SecretKeyMissing*'
    }

    It 'uses a shared-config profile (-ProfileName), here one whose keys come from credential_process' {
        $helper = Join-Path $TestDrive 'credentials.sh'
        Set-Content $helper -Value "#!/bin/sh`necho '{`"Version`": 1, `"AccessKeyId`": `"S3RVER`", `"SecretAccessKey`": `"S3RVER`"}'"
        & chmod +x $helper
        # In the credentials file: the SDK resolves the config file's path once per process (an earlier region-less
        # listing here already did), while Get-CloudObject reads AWS_SHARED_CREDENTIALS_FILE at each call.
        $awsDirectory = New-Item (Join-Path $TestDrive 'aws') -ItemType Directory -Force
        Set-Content (Join-Path $awsDirectory 'credentials') -Value "[emulator]`ncredential_process = $helper"
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsDirectory 'credentials'
        try {
            # No -Region: the bucket's own location (us-east-1 on s3rver) decides the URL.
            (Get-CloudObject -Provider S3 -Bucket cord-dev -ProfileName emulator -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -Prefix Image1).ObjectUrl |
                Should -Be 'https://cord-dev.s3.us-east-1.amazonaws.com/Image1.png'
            { Get-CloudObject -Provider S3 -Bucket cord-dev -ProfileName nobody -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT } |
                Should -Throw -ErrorId 'CloudCredentialsMissing*' -ExpectedMessage "*profile 'nobody'*"
        }
        finally { Remove-Item env:AWS_SHARED_CREDENTIALS_FILE }
    }

    It 'uses the AWS SDK''s own chain: keys from the environment' {
        $env:AWS_ACCESS_KEY_ID = 'S3RVER'; $env:AWS_SECRET_ACCESS_KEY = 'S3RVER'
        try { (Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -Prefix Image1).Key | Should -Be 'Image1.png' }
        finally { Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY }
    }

    It 'takes secrets as SecureString as well as plain strings' {
        $secure = ConvertTo-SecureString 'S3RVER' -AsPlainText -Force
        (Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -AccessKey S3RVER -SecretKey $secure -Prefix Image1).Key |
            Should -Be 'Image1.png'
        (Get-Command Get-CloudObject).Parameters['SecretKey'].ParameterType | Should -Be ([securestring])
    }
}

Describe 'Get-CloudObject in the shell' {
    It 'shows CloudObjects as a table of Key, Size, LastModified and DataType' {
        $text = Get-CloudObject @S3 -Bucket cord-dev -Region eu-west-2 -Prefix Image | Out-String -Width 200
        $text | Should -Match 'Key\s+Size\s+LastModified\s+DataType'
        $text | Should -Match 'Image1\.png\s+101\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+Image'
    }

    It 'completes -<Parameter> values' -ForEach @(
        @{ Parameter = 'Provider'; Line = 'Get-CloudObject -Provider '; Expected = @('S3', 'Azure', 'GCS', 'OTC') }
        @{ Parameter = 'DataType'; Line = 'Get-CloudObject -DataType '; Expected = @('Image', 'Video', 'Audio', 'Dicom') }
        # Only the styles of the provider typed: GsUri is not offered for S3.
        @{ Parameter = 'UrlStyle'; Line = 'Get-CloudObject -Provider GCS -UrlStyle '; Expected = @('GsUri', 'Https') }
        @{ Parameter = 'UrlStyle'; Line = 'Get-CloudObject -Provider S3 -UrlStyle '; Expected = @('VirtualHosted', 'Path', 'S3Uri') }
        @{ Parameter = 'Region'; Line = 'Get-CloudObject -Provider OTC -Region '; Expected = @('eu-de', 'eu-nl', 'eu-ch2') }
        @{ Parameter = 'Region'; Line = 'Get-CloudObject -Provider S3 -Region eu-west-'; Expected = @('eu-west-1', 'eu-west-2', 'eu-west-3') }
    ) {
        $completions = (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
        foreach ($value in $Expected) { $completions | Should -Contain $value }
        if ($Parameter -in 'UrlStyle', 'Region') { $completions.Count | Should -Be $Expected.Count }
    }

    It 'completes -ProfileName with the profiles of the AWS config and credentials files, not file names' {
        $config = Join-Path $TestDrive 'aws-config'
        $credentials = Join-Path $TestDrive 'aws-credentials'
        Set-Content $config -Value '[default]', 'region = eu-west-2', '[profile minio]', '[sso-session corp]', '[profile data team]'
        Set-Content $credentials -Value '[default]', 'aws_access_key_id = x', '[backup]'
        $saved = $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE
        try {
            $env:AWS_CONFIG_FILE = $config; $env:AWS_SHARED_CREDENTIALS_FILE = $credentials
            $line = 'Get-CloudObject -Provider S3 -ProfileName '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
                Should -Be 'default', 'minio', "'data team'", 'backup'
            $line = 'Get-CloudObject -Provider S3 -ProfileName mi'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'minio'
        }
        finally { $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE = $saved }
    }

    It 'takes a PSCredential as -Credential, and stops at a parameter of another provider instead of ignoring it' {
        $keys = [pscredential]::new('S3RVER', (ConvertTo-SecureString 'S3RVER' -AsPlainText -Force))
        (Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -Prefix Image1 -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -Credential $keys).Key |
            Should -Be 'Image1.png'
        # s3rver knows one access key (S3RVER) and refuses others.
        $wrong = [pscredential]::new('NOT-A-KEY', (ConvertTo-SecureString 'S3RVER' -AsPlainText -Force))
        { Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -Credential $wrong } |
            Should -Throw -ErrorId 'CloudAccessDenied,*' -Because 'the credential is used, not the default chain'
        $sas = { Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -AccessKey S3RVER -SecretKey S3RVER -SasToken 'sv=x' } |
            Should -Throw -ErrorId 'ParameterNotForProvider,*' -PassThru
        $sas.Exception.Message | Should -BeLike '-SasToken is for Azure, not S3*'
        $sas.Exception.Message | Should -Not -BeLike '*sv=x*'
        { Get-CloudObject -Provider S3 -Bucket cord-dev -CredentialFile ./key.json } | Should -Throw -ErrorId 'ParameterNotForProvider,*'
        { Get-CloudObject -Provider GCS -Bucket b -Credential $keys } | Should -Throw -ErrorId 'ParameterNotForProvider,*'
    }

    It 'takes AWS.Tools and Az parameter names as aliases' {
        (Get-CloudObject -Provider S3 -BucketName cord-dev -KeyPrefix Image1 -Region eu-west-2 -EndpointUrl $env:ENCORDSPEC_S3_ENDPOINT -AccessKey S3RVER -SecretKey S3RVER).Key |
            Should -Be 'Image1.png'
        (Get-CloudObject -Provider Azure -Container mycontainer -Prefix Image1 -EndpointUrl $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT -StorageAccountName devstoreaccount1 -StorageAccountKey $AzuriteKey).Key |
            Should -Be 'Image1.png'
    }
}

Describe 'The cloud SDKs load apart from the session''s own' {
    BeforeAll {
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
        $OldAwsCore = Join-Path $packages 'awssdk.core/3.7.402/lib/netcoreapp3.1/AWSSDK.Core.dll'
        if (-not (Test-Path $OldAwsCore)) {
            & dotnet restore (Join-Path $PSScriptRoot '../EncordSpec.Tests/EncordSpec.Tests.csproj') --nologo -v quiet | Out-Null
        }
        # A fresh process, as a user's session: AWS.Tools' AWSSDK.Core 3.7 first, then this module.
        $probe = Join-Path $TestDrive 'probe.ps1'
        Set-Content $probe -Value @'
param($ModulePath, $OldAwsCore, $S3Endpoint, $AzureEndpoint, $AzureKey)
$ErrorActionPreference = 'Stop'
function Get-CloudAssemblies {
    [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match '^(AWSSDK|Azure|Google|EncordSpec\.Storage)' } |
        ForEach-Object {
            # The module's context is unnamed (netstandard2.0 cannot call the naming constructor); it names itself in ToString.
            $context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_)
            '{0} {1} in {2}' -f $_.GetName().Name, $_.GetName().Version, $(if ($context.Name) { $context.Name } else { "$context" })
        }
}
Add-Type -Path $OldAwsCore
Import-Module $ModulePath
$afterImport = @(Get-CloudAssemblies)
$azure = @(Get-CloudObject -Provider Azure -Bucket mycontainer -EndpointUrl $AzureEndpoint -StorageAccountName devstoreaccount1 -StorageAccountKey $AzureKey)
$afterAzure = @(Get-CloudAssemblies)
$s3 = @(Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -EndpointUrl $S3Endpoint -AccessKey S3RVER -SecretKey S3RVER)
$afterS3 = @(Get-CloudAssemblies)
# The AWSCredentials a user of AWS.Tools holds, made by the session's own AWSSDK.Core 3.7.
$withAwsCredentials = @(Get-CloudObject -Provider S3 -Bucket cord-dev -Region eu-west-2 -EndpointUrl $S3Endpoint -Credential ([Amazon.Runtime.BasicAWSCredentials]::new('S3RVER', 'S3RVER')))
# AWSSDK.Core loads these by name for SSO and web-identity profiles; its Assembly.Load runs in the module's context.
$loader = [EncordSpec.CloudObject].Assembly.GetType('EncordSpec.Loading.CloudListerLoader', $true)
$context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($loader.GetMethod('LoadStorageAssembly').Invoke($null, @()))
$byName = foreach ($name in 'AWSSDK.SSO', 'AWSSDK.SSOOIDC', 'AWSSDK.SecurityToken') {
    $assembly = $context.LoadFromAssemblyName([Reflection.AssemblyName]::new($name))
    '{0} in {1}' -f $assembly.GetName().Name, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly)
}
[pscustomobject]@{
    AfterImport = $afterImport; AzureCount = $azure.Count; AfterAzure = $afterAzure; S3Count = $s3.Count; AfterS3 = $afterS3; ByName = @($byName)
    AwsCredentialsCount = $withAwsCredentials.Count
} | ConvertTo-Json -Compress
'@
        Push-Location (Join-Path $PSScriptRoot '../..')
        try { $json = & dotnet pwsh -NoProfile -NonInteractive -File $probe $env:ENCORDSPEC_MODULE_PATH $OldAwsCore $env:ENCORDSPEC_S3_ENDPOINT $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT $AzuriteKey }
        finally { Pop-Location }
        $Probe = $json | Select-Object -Last 1 | ConvertFrom-Json
    }

    It 'imports without loading any cloud SDK' {
        # AWS SDK v3 assemblies all carry the version 3.3.0.0.
        $Probe.AfterImport | Should -Be @('AWSSDK.Core 3.3.0.0 in Default')
    }

    It 'loads only the Azure SDK, into its own load context, for an Azure listing' {
        $Probe.AzureCount | Should -Be (Get-ExpectedListing $AzureSeeded).Count
        $Probe.AfterAzure | Should -Contain 'Azure.Storage.Blobs 12.30.1.0 in EncordSpec.Storage'
        $Probe.AfterAzure | Should -Contain 'Azure.Core 1.60.0.0 in EncordSpec.Storage'
        # The listers' assembly carries the module's version (EncordSpec.psd1 is its one home).
        $version = [version](Import-PowerShellDataFile $env:ENCORDSPEC_MODULE_PATH).ModuleVersion
        $assemblyVersion = '{0}.{1}.{2}.{3}' -f $version.Major, $version.Minor, [Math]::Max($version.Build, 0), [Math]::Max($version.Revision, 0)
        $Probe.AfterAzure | Should -Contain "EncordSpec.Storage $assemblyVersion in EncordSpec.Storage"
        $Probe.AfterAzure | Where-Object { $_ -like 'AWSSDK*' -or $_ -like 'Google*' } | Should -Be @('AWSSDK.Core 3.3.0.0 in Default')
    }

    It 'lists S3 with its AWSSDK.Core 4 beside the session''s AWSSDK.Core 3.7' {
        $Probe.S3Count | Should -Be (Get-ExpectedListing $S3Seeded).Count
        $Probe.AfterS3 | Should -Contain 'AWSSDK.Core 3.3.0.0 in Default'
        $Probe.AfterS3 | Should -Contain 'AWSSDK.Core 4.0.0.0 in EncordSpec.Storage'
        $Probe.AfterS3 | Should -Contain 'AWSSDK.S3 4.0.0.0 in EncordSpec.Storage'
        $Probe.AfterS3 | Where-Object { $_ -like 'Google*' } | Should -BeNullOrEmpty
    }

    It 'lists S3 with the AWSCredentials object of the session''s AWS SDK as -Credential' {
        $Probe.AwsCredentialsCount | Should -Be (Get-ExpectedListing $S3Seeded).Count
    }

    It 'resolves the assemblies of SSO and web-identity credentials inside its own context' {
        $Probe.ByName | Should -Be @('AWSSDK.SSO in EncordSpec.Storage', 'AWSSDK.SSOOIDC in EncordSpec.Storage', 'AWSSDK.SecurityToken in EncordSpec.Storage')
    }
}
