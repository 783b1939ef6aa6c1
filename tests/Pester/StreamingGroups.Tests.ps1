# New-EncordImageGroup -GroupBy Folder writes each folder's group as soon as the listing that feeds it has moved past
# the folder, so a bucket's images never all sit in memory; other input is held to the end, as before. Runs against
# the S3 emulator build.ps1 starts.
BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $S3 = @{ Provider = 'S3'; EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; Region = 'eu-west-2' }
    $keys = 'a/1.jpg', 'a/2.jpg', 'a/b/1.jpg', 'a/z.jpg', 'c/1.jpg', 'c/2.jpg', 'd/1.jpg'
    $null = & dotnet $env:ENCORDSPEC_SEEDER seed S3 stream-groups ('names:' + ($keys -join ';'))
    if ($LASTEXITCODE -ne 0) { throw 'Seeding the S3 bucket stream-groups failed.' }

    # 20 folders of 15 images, two levels deep, for listings of many pages that run in parallel; p/ and q/ hold a
    # cover image each, since s3rver's one-level listings leave out folders that hold only folders (see below).
    $treeKeys = foreach ($top in 'p', 'q') { "$top/cover.jpg"; foreach ($folder in 0..9) { foreach ($frame in 1..15) { "$top/f$folder/$frame.jpg" } } }
    $null = & dotnet $env:ENCORDSPEC_SEEDER seed S3 stream-tree ('names:' + ($treeKeys -join ';'))
    if ($LASTEXITCODE -ne 0) { throw 'Seeding the S3 bucket stream-tree failed.' }
    $hollowKeys = foreach ($top in 'p', 'q') { foreach ($folder in 0..9) { foreach ($frame in 1..15) { "$top/f$folder/$frame.jpg" } } }
    $null = & dotnet $env:ENCORDSPEC_SEEDER seed S3 stream-hollow ('names:' + ($hollowKeys -join ';'))
    if ($LASTEXITCODE -ne 0) { throw 'Seeding the S3 bucket stream-hollow failed.' }

    # Each group with how many objects had gone down the pipeline when it came out.
    function Get-GroupTiming {
        [CmdletBinding()] # so that -ErrorVariable collects what the pipeline inside writes
        param([scriptblock] $Source)
        $script:listed = 0
        & $Source | ForEach-Object { $script:listed++; $_ } | New-EncordImageGroup -GroupBy Folder |
            ForEach-Object { '{0}:{1}@{2}' -f $_.Title, $_.Count, $script:listed }
    }
}

# A listed object's group is titled by its folder's path below the listed -Prefix (a/b, not b): a title that does not
# depend on which folders came first, which a parallel listing does not fix.
Describe 'Folder groups from a listing stream out' {
    It 'writes each folder''s group once the listing has moved past it' {
        Get-GroupTiming { Get-CloudObject @S3 -Bucket stream-groups } | Should -Be 'a/b:1@4', 'a:3@5', 'c:2@7', 'd:1@7'
    }

    It 'streams the same way when the listing is replayed from a variable' {
        $objects = Get-CloudObject @S3 -Bucket stream-groups
        Get-GroupTiming { $objects } | Should -Be 'a/b:1@4', 'a:3@5', 'c:2@7', 'd:1@7'
    }

    It 'holds re-ordered objects to the end, with the same groups and no error' {
        $objects = Get-CloudObject @S3 -Bucket stream-groups
        $timing = Get-GroupTiming { $objects | Sort-Object Key -Descending } -ErrorVariable problems
        $timing | Should -Be 'd:1@7', 'c:2@7', 'a:3@7', 'a/b:1@7'
        $problems | Should -BeNullOrEmpty
    }

    It 'holds URL strings to the end and emits groups in order of first arrival' {
        Get-GroupTiming { Get-CloudObject @S3 -Bucket stream-groups | ForEach-Object ObjectUrl } |
            Should -Be 'a:3@7', 'b:1@7', 'c:2@7', 'd:1@7'
    }

    It 'streams groups from a parallel listing too, each folder complete and written once' {
        $timing = Get-GroupTiming { Get-CloudObject @S3 -Bucket stream-tree -PageSize 10 -ThrottleLimit 4 }
        $timing | Should -HaveCount 22
        $sizes = $timing | ForEach-Object { [int]($_ -split '[:@]')[1] } | Sort-Object
        $sizes | Should -Be (@(1, 1) + @(15) * 20)
        @($timing | Where-Object { [int]($_ -split '@')[1] -lt 302 }).Count | Should -BeGreaterThan 10 -Because 'most groups go out while the listing runs'
        ($timing | ForEach-Object { ($_ -split ':')[0] } | Sort-Object -Unique) | Should -HaveCount 22
    }

    It 'lists every object, rather than stopping or a short listing, where the store''s folder listing leaves folders out' {
        # s3rver's one-level listing of the root reports neither p/ nor q/ (they hold only folders); real S3 reports both.
        # The parallel listing splits by key range, with no one-level listings, so no such quirk can make it short.
        $sequential = (Get-CloudObject @S3 -Bucket stream-hollow -PageSize 10 -ThrottleLimit 1).Key
        $sequential | Should -HaveCount 300
        (Get-CloudObject @S3 -Bucket stream-hollow -PageSize 10 -ThrottleLimit 4 -Sort).Key | Should -Be $sequential
        (Get-CloudObject @S3 -Bucket stream-hollow -PageSize 10 -ThrottleLimit 4 | Sort-Object Key).Key | Should -Be $sequential
    }

    It 'lists every object of a bucket with folder placeholders, with the default settings' {
        # Zero-byte 'dicom/' and 'dicom/s1/' keys, as the S3 console's "Create folder" makes: s3rver's one-level listing
        # leaves such folders out. The default listing (-ThrottleLimit 8, 1,000 per page) must return every object
        # all the same, and in parallel: 1,360 objects are two pages.
        $images = foreach ($series in 1..4) { foreach ($slice in 1..40) { 'dicom/s{0}/{1:D4}.dcm' -f $series, $slice } }
        $flat = foreach ($n in 1..1200) { 'flat/{0:D6}.jpg' -f $n }
        $keys = @('dicom/') + @(1..4 | ForEach-Object { "dicom/s$_/" }) + $images + $flat
        $null = & dotnet $env:ENCORDSPEC_SEEDER seed S3 placeholders ('names:' + ($keys -join ';'))
        if ($LASTEXITCODE -ne 0) { throw 'Seeding the S3 bucket placeholders failed.' }

        $listed = Get-CloudObject @S3 -Bucket placeholders -Verbose 4>&1
        $objects = @($listed | Where-Object { $_ -is [EncordSpec.CloudObject] })
        $objects.Key | Sort-Object | Should -Be ($images + $flat | Sort-Object)
        $messages = ($listed | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        @($messages -match '^Listed with ([2-9]|\d\d+) requests, up to 8 at a time') | Should -HaveCount 1
        (Get-CloudObject @S3 -Bucket placeholders -Sort).Key | Should -Be (Get-CloudObject @S3 -Bucket placeholders -ThrottleLimit 1).Key
    }

    It 'writes the same spec either way' {
        $streamed = Get-CloudObject @S3 -Bucket stream-groups | New-EncordImageGroup -GroupBy Folder | Sort-Object Title | ConvertTo-EncordSpec
        $held = Get-CloudObject @S3 -Bucket stream-groups | Sort-Object Key -Descending | New-EncordImageGroup -GroupBy Folder |
            Sort-Object Title | ConvertTo-EncordSpec
        $streamed | Should -Be $held
    }
}
