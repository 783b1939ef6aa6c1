# Get-CloudObject -InventoryManifest in a real pwsh, with the module as users import it: an S3 Inventory report built
# here in the documented layout (gzipped CSV without header, URL-encoded keys, manifest.json and manifest.checksum)
# of objects seeded into s3rver gives what the live listing gives; a GCS Parquet report (tests/Data/Inventory, written
# by the xunit suite's InventoryReportBuilder) reads through Parquet.Net from deps/; a corrupt report is one error.

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force

    function Invoke-Seeder([string] $Provider, [string] $Bucket, [string] $Sets) {
        $json = & dotnet $env:ENCORDSPEC_SEEDER seed $Provider $Bucket $Sets
        if ($LASTEXITCODE -ne 0) { throw "Seeding the $Provider bucket '$Bucket' failed." }
        @($json | ConvertFrom-Json)
    }

    # As S3 Inventory encodes CSV keys: letters, digits and . - * _ stay, a space is '+', the rest %XX of UTF-8.
    function ConvertTo-S3InventoryKey([string] $Key) {
        -join ([Text.Encoding]::UTF8.GetBytes($Key) | ForEach-Object {
                $c = [char]$_
                if (($c -match '[A-Za-z0-9.*_-]') -and $_ -lt 128) { $c } elseif ($_ -eq 32) { '+' } else { '%{0:X2}' -f $_ }
            })
    }

    function New-S3InventoryReport([string] $Root, [string] $SourceBucket, [object[]] $Objects, [int] $Files = 2) {
        $config = Join-Path $Root "$SourceBucket/daily"
        $null = New-Item (Join-Path $config 'data') -ItemType Directory -Force
        $entries = for ($f = 0; $f -lt $Files; $f++) {
            $lines = for ($i = $f; $i -lt $Objects.Count; $i += $Files) {
                $o = $Objects[$i]
                ('"{0}","{1}","","true","false","{2}","{3}","{4}","{5}"' -f $SourceBucket, (ConvertTo-S3InventoryKey $o.Key), $o.Size,
                    $o.LastModified.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), $o.ETag, $o.StorageClass)
            }
            $key = "$SourceBucket/daily/data/part-$f.csv.gz"
            $path = Join-Path $Root $key
            $file = [IO.File]::Create($path)
            $gzip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Fastest)
            $bytes = [Text.Encoding]::UTF8.GetBytes((($lines -join "`n") + "`n"))
            $gzip.Write($bytes, 0, $bytes.Length); $gzip.Dispose(); $file.Dispose()
            $md5 = (Get-FileHash $path -Algorithm MD5).Hash.ToLowerInvariant()
            @{ key = $key; size = (Get-Item $path).Length; MD5checksum = $md5 }
        }
        $manifest = [ordered]@{
            sourceBucket = $SourceBucket; destinationBucket = 'arn:aws:s3:::inventory-destination'; version = '2016-11-30'
            creationTimestamp = '1767225600000'; fileFormat = 'CSV'
            fileSchema = 'Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass'
            files = @($entries)
        } | ConvertTo-Json -Depth 5
        $run = New-Item (Join-Path $config '2026-01-01T00-00Z') -ItemType Directory -Force
        $manifestPath = Join-Path $run 'manifest.json'
        [IO.File]::WriteAllText($manifestPath, $manifest)
        [IO.File]::WriteAllText((Join-Path $run 'manifest.checksum'), (Get-FileHash $manifestPath -Algorithm MD5).Hash.ToLowerInvariant())
        $manifestPath
    }

    $S3 = @{ Provider = 'S3'; EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; Region = 'eu-west-2' }
    $null = Invoke-Seeder S3 pester-inventory 'special,food'
    $Live = @(Get-CloudObject @S3 -Bucket pester-inventory)
    $Root = Join-Path ([IO.Path]::GetTempPath()) ("pester-inventory-" + [guid]::NewGuid().ToString('N'))
    # Reversed: a report promises no order; Get-CloudObject gives key order all the same.
    $Manifest = New-S3InventoryReport $Root 'pester-inventory' ([object[]]($Live[($Live.Count - 1)..0]))
}

AfterAll {
    if ($Root -and (Test-Path $Root)) { Remove-Item $Root -Recurse -Force }
}

Describe 'Get-CloudObject -InventoryManifest' {
    It 'gives the objects, URLs and order of a live listing of the same bucket' {
        $fromReport = @(Get-CloudObject -Provider S3 -InventoryManifest $Manifest -Region eu-west-2)
        $fromReport.Count | Should -Be $Live.Count
        ($fromReport | ForEach-Object { "$($_.Key)|$($_.ObjectUrl)|$($_.Size)|$($_.ETag)|$($_.DataType)" }) |
            Should -Be ($Live | ForEach-Object { "$($_.Key)|$($_.ObjectUrl)|$($_.Size)|$($_.ETag)|$($_.DataType)" })
        $fromReport[0] | Should -BeOfType EncordSpec.CloudObject
    }

    It 'applies -Prefix, -Include, -Exclude, -DataType, -First and -Skip as a listing does' {
        $common = @{ Prefix = 'food-dataset/'; Include = '*.jpg'; Exclude = '*(33)*'; DataType = 'Image' }
        $live = @(Get-CloudObject @S3 -Bucket pester-inventory @common -Skip 1 -First 4)
        $report = @(Get-CloudObject -Provider S3 -InventoryManifest $Manifest -Region eu-west-2 @common -Skip 1 -First 4)
        $report.Count | Should -Be 4
        $report.ObjectUrl | Should -Be $live.ObjectUrl
    }

    It 'takes the folder the reports are delivered to and reads the newest complete one' {
        $objects = @(Get-CloudObject -Provider S3 -InventoryManifest $Root -Region eu-west-2)
        $objects.Count | Should -Be $Live.Count
    }

    It 'streams into New-EncordImageGroup -GroupBy Folder, each folder one group' {
        $groups = @(Get-CloudObject -Provider S3 -InventoryManifest $Manifest -Region eu-west-2 -Prefix food-dataset/ | New-EncordImageGroup -GroupBy Folder)
        $groups.Count | Should -Be 3
        # Titled by the folder's path below -Prefix, as a live listing's groups are.
        $groups.Title | Should -Contain 'Apple/1-Samsung-S4-Light Environment'
    }

    It 'reads a GCS Parquet report through Parquet.Net from the module''s deps folder' {
        $report = Join-Path $PSScriptRoot '../Data/Inventory/gcs-parquet/reports'
        $objects = @(Get-CloudObject -Provider GCS -InventoryManifest $report -UrlStyle Https)
        $objects.Key | Should -Be @('food/Apple/1 (32).jpg', 'food/Apple/1 (33).jpg', 'food/Pear/café 1.png', 'food/Pear/x+y.png', 'food/clip.mp4')
        $objects[2].ObjectUrl | Should -BeExactly 'https://storage.cloud.google.com/example-image-bucket/food/Pear/caf%C3%A9%201.png'
        $gs = @(Get-CloudObject -Provider GCS -InventoryManifest $report -Include '*x+y*')
        $gs.ObjectUrl | Should -BeExactly 'gs://example-image-bucket/food/Pear/x+y.png' -Because 'gs:// URIs keep the key as it is'
        $parquet = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Parquet' }
        @($parquet).Count | Should -Be 1
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($parquet).ToString() | Should -Be 'EncordSpec.Storage'
    }

    It 'stops with one error naming the file, and writes nothing, when a data file is missing' {
        $copy = Join-Path $Root 'broken'
        Copy-Item (Join-Path $Root 'pester-inventory') $copy -Recurse
        Remove-Item (Join-Path $copy 'daily/data/part-1.csv.gz')
        $written = [Collections.Generic.List[object]]::new()
        $failure = { Get-CloudObject -Provider S3 -InventoryManifest (Join-Path $copy 'daily') -Region eu-west-2 | ForEach-Object { $written.Add($_) } } |
            Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Match '^InventoryReportInvalid'
        $failure.Exception.Message | Should -Match 'part-1\.csv\.gz.*missing'
        $written.Count | Should -Be 0
    }

    It 'refuses a manifest that does not match its checksum' {
        $copy = Join-Path $Root 'tampered'
        Copy-Item (Join-Path $Root 'pester-inventory') $copy -Recurse
        $manifest = Get-ChildItem $copy -Recurse -Filter manifest.json | Select-Object -First 1
        Add-Content $manifest.FullName ' '
        { Get-CloudObject -Provider S3 -InventoryManifest $manifest.FullName -Region eu-west-2 } | Should -Throw '*checksum*'
    }
}
