# New-EncordImageGroup -GroupBy Folder writes each folder's group as soon as the listing that feeds it has moved past
# the folder, so a bucket's images never all sit in memory; other input is held to the end, as before. Runs against
# the S3 emulator build.ps1 starts.
BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $S3 = @{ Provider = 'S3'; EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; Region = 'eu-west-2' }
    $keys = 'a/1.jpg', 'a/2.jpg', 'a/b/1.jpg', 'a/z.jpg', 'c/1.jpg', 'c/2.jpg', 'd/1.jpg'
    $null = & dotnet $env:ENCORDSPEC_SEEDER seed S3 stream-groups ('names:' + ($keys -join ';'))
    if ($LASTEXITCODE -ne 0) { throw 'Seeding the S3 bucket stream-groups failed.' }

    # Each group with how many objects had gone down the pipeline when it came out.
    function Get-GroupTiming {
        [CmdletBinding()] # so that -ErrorVariable collects what the pipeline inside writes
        param([scriptblock] $Source)
        $script:listed = 0
        & $Source | ForEach-Object { $script:listed++; $_ } | New-EncordImageGroup -GroupBy Folder |
            ForEach-Object { '{0}:{1}@{2}' -f $_.Title, $_.Count, $script:listed }
    }
}

Describe 'Folder groups from a listing stream out' {
    It 'writes each folder''s group once the listing has moved past it' {
        Get-GroupTiming { Get-CloudObject @S3 -Bucket stream-groups } | Should -Be 'b:1@4', 'a:3@5', 'c:2@7', 'd:1@7'
    }

    It 'streams the same way when the listing is replayed from a variable' {
        $objects = Get-CloudObject @S3 -Bucket stream-groups
        Get-GroupTiming { $objects } | Should -Be 'b:1@4', 'a:3@5', 'c:2@7', 'd:1@7'
    }

    It 'holds re-ordered objects to the end, with the same groups and no error' {
        $objects = Get-CloudObject @S3 -Bucket stream-groups
        $timing = Get-GroupTiming { $objects | Sort-Object Key -Descending } -ErrorVariable problems
        $timing | Should -Be 'd:1@7', 'c:2@7', 'a:3@7', 'b:1@7'
        $problems | Should -BeNullOrEmpty
    }

    It 'holds URL strings to the end and emits groups in order of first arrival' {
        Get-GroupTiming { Get-CloudObject @S3 -Bucket stream-groups | ForEach-Object ObjectUrl } |
            Should -Be 'a:3@7', 'b:1@7', 'c:2@7', 'd:1@7'
    }

    It 'writes the same spec either way' {
        $streamed = Get-CloudObject @S3 -Bucket stream-groups | New-EncordImageGroup -GroupBy Folder | Sort-Object Title | ConvertTo-EncordSpec
        $held = Get-CloudObject @S3 -Bucket stream-groups | ForEach-Object ObjectUrl | New-EncordImageGroup -GroupBy Folder |
            Sort-Object Title | ConvertTo-EncordSpec
        $streamed | Should -Be $held
    }
}
