# Get-CloudObject -MediaMetadata against the emulators (s3rver, Azurite, the GCS emulator) seeded with the real small
# media files of tests/Data/Media, and the spec ConvertTo-EncordSpec writes from what it read.

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force

    . (Join-Path $PSScriptRoot 'Support/Seeder.ps1')

    $AzuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
    $Stores = @{
        S3    = @{ Provider = 'S3'; EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER'; Region = 'eu-west-2' }
        Azure = @{
            Provider = 'Azure'; EndpointUrl = $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT; StorageAccountName = 'devstoreaccount1'
            StorageAccountKey = (ConvertTo-SecureString $AzuriteKey -AsPlainText -Force)
        }
        GCS   = @{ Provider = 'GCS'; EndpointUrl = $env:ENCORDSPEC_GCS_ENDPOINT }
    }

    # Every file of tests/Data/Media under media/, and beside them a "PNG" whose bytes are no PNG.
    $MediaFolder = (Resolve-Path (Join-Path $PSScriptRoot '../Data/Media')).Path
    foreach ($provider in $Stores.Keys) {
        $null = Invoke-Seeder $provider pester-media "files:media/:$MediaFolder,names:other/broken.png"
    }
    # The same files in three folders, for folder groups fed through the header reads.
    $null = Invoke-Seeder S3 pester-media-folders "files:a/:$MediaFolder,files:b/:$MediaFolder,files:c/:$MediaFolder"

    # The fields the platform needs under each metadata key, in the module's own table (Format/MediaMetadataFields).
    $MediaFields = [EncordSpec.CloudObject].Assembly.GetType('EncordSpec.Format.MediaMetadataFields', $true)
    function Get-RequiredField([string] $Key) { @($MediaFields.GetMethod('FieldNames').Invoke($null, @($Key))) }
}

Describe 'Get-CloudObject -MediaMetadata on <Provider>' -ForEach @(@{ Provider = 'S3' }, @{ Provider = 'Azure' }, @{ Provider = 'GCS' }) {
    BeforeAll {
        $Store = $Stores[$Provider]
        $Listed = @(Get-CloudObject @Store -Bucket pester-media -Prefix media/ -MediaMetadata -ThrottleLimit 4)
        $ByName = @{}
        foreach ($object in $Listed) { $ByName[$object.Name] = $object }
    }

    It 'lists every file, each with its size as its fileSize' {
        $expected = @(Get-ChildItem $MediaFolder -File | Where-Object Name -ne 'README.md' | ForEach-Object Name | Sort-Object -CaseSensitive)
        @($Listed.Name | Sort-Object -CaseSensitive) | Should -Be $expected
        foreach ($object in $Listed) {
            $object.MediaMetadata | Should -BeOfType EncordSpec.MediaMetadata -Because $object.Key
            $object.MediaMetadata.FileSize | Should -Be $object.Size -Because $object.Key
        }
    }

    It 'reads <File>: <Mime>, <Width>x<Height>' -ForEach @(
        @{ File = 'gradient-64x48.png'; Mime = 'image/png'; Width = 64; Height = 48 }
        @{ File = 'photo-80x60.jpg'; Mime = 'image/jpeg'; Width = 80; Height = 60 }
        @{ File = 'lossy-96x72.webp'; Mime = 'image/webp'; Width = 96; Height = 72 }
    ) {
        $metadata = $ByName[$File].MediaMetadata
        $metadata.MimeType | Should -Be $Mime
        $metadata.Width | Should -Be $Width
        $metadata.Height | Should -Be $Height
        $ByName[$File].DataType | Should -Be 'Image'
    }

    It 'reads <File>: <Width>x<Height>, <Fps> fps, <Duration> s' -ForEach @(
        @{ File = 'moov-start-160x120-25fps.mp4'; Mime = 'video/mp4'; Width = 160; Height = 120; Fps = 25; Duration = 2 }
        @{ File = 'moov-end-176x144-29.97fps.mp4'; Mime = 'video/mp4'; Width = 176; Height = 144; Fps = 29.97003; Duration = 1.5015 }
        @{ File = 'quicktime-128x96-24fps.mov'; Mime = 'video/quicktime'; Width = 128; Height = 96; Fps = 24; Duration = 1 }
    ) {
        $metadata = $ByName[$File].MediaMetadata
        $metadata.MimeType | Should -Be $Mime
        ($metadata.Width, $metadata.Height) | Should -Be @($Width, $Height)
        [math]::Round($metadata.Fps, 5) | Should -Be $Fps
        [math]::Round($metadata.Duration, 6) | Should -Be $Duration
        $metadata.Codec | Should -Be 'h264'
    }

    It 'reads <File>: <SampleRate> Hz, <Channels> channels, <Duration> s' -ForEach @(
        @{ File = 'tone-8k-stereo-16bit.wav'; Mime = 'audio/wav'; SampleRate = 8000; Channels = 2; BitDepth = 16; Codec = 'pcm'; Duration = 0.25 }
        @{ File = 'tone-22k-mono.mp3'; Mime = 'audio/mpeg'; SampleRate = 22050; Channels = 1; BitDepth = 16; Codec = 'mp3'; Duration = 1.07102 }
    ) {
        $metadata = $ByName[$File].MediaMetadata
        $metadata.MimeType | Should -Be $Mime
        ($metadata.SampleRate, $metadata.Channels, $metadata.BitDepth, $metadata.Codec) | Should -Be @($SampleRate, $Channels, $BitDepth, $Codec)
        [math]::Round($metadata.Duration, 5) | Should -Be $Duration
    }

    It 'reads the page count of each PDF and the MIME type of the text file' {
        foreach ($name in 'twelve-pages-xref-table.pdf', 'twelve-pages-object-streams.pdf', 'twelve-pages-linearized.pdf') {
            $ByName[$name].MediaMetadata.PageCount | Should -Be 12 -Because $name
            $ByName[$name].MediaMetadata.MimeType | Should -Be 'application/pdf'
        }
        $ByName['notes.txt'].MediaMetadata.MimeType | Should -Be 'text/plain'
    }

    It 'shows the media table' {
        $Listed[0].PSObject.TypeNames[0] | Should -Be 'EncordSpec.CloudObject#MediaMetadata'
        $table = $Listed | Out-String -Width 200
        $table | Should -Match 'MimeType\s+MediaMetadata'
        $table | Should -Match 'gradient-64x48\.png\s+\d+\s+Image\s+image/png\s+64x48'
        $table | Should -Match 'twelve-pages-linearized\.pdf.*12 pages'
        (Get-CloudObject @Store -Bucket pester-media -Prefix media/ | Select-Object -First 1).PSObject.TypeNames[0] | Should -Be 'EncordSpec.CloudObject'
    }

    It 'writes a spec with every field the platform needs, which passes StrictClientOnly and reads back into the same typed values' {
        $spec = $Listed | ConvertTo-EncordSpec -DataType Image, Video, Audio, Text, Pdf -Integration StrictClientOnly
        Test-EncordSpec -Spec $spec -Integration StrictClientOnly | Should -BeTrue
        $written = $spec | ConvertFrom-Json
        @($written.images).Count | Should -Be 3
        @($written.videos).Count | Should -Be 3
        @($written.audio).Count | Should -Be 2
        @($written.text).Count | Should -Be 1
        @($written.pdf).Count | Should -Be 3
        $keys = [ordered]@{ images = 'imageMetadata'; videos = 'videoMetadata'; audio = 'audioMetadata'; text = 'textMetadata'; pdf = 'pdfMetadata' }
        foreach ($section in $keys.GetEnumerator()) {
            foreach ($item in $written.($section.Key)) {
                @($item.($section.Value).PSObject.Properties.Name) | Should -Be (Get-RequiredField $section.Value) -Because $item.objectUrl
            }
        }
        $written.images[0].imageMetadata.width | Should -Be 64
        $written.pdf[0].pdfMetadata.num_pages | Should -Be 12
        $written.text[0].textMetadata.mime_type | Should -Be 'text/plain'

        $readBack = @(ConvertFrom-EncordSpec -Spec $spec)
        $video = $readBack | Where-Object ObjectUrl -like '*moov-end-176x144-29.97fps.mp4'
        $video.MediaMetadata | Should -BeOfType EncordSpec.MediaMetadata
        $video.MediaMetadata.Fps | Should -Be $ByName['moov-end-176x144-29.97fps.mp4'].MediaMetadata.Fps
        $video.MediaMetadata.FileSize | Should -Be $ByName['moov-end-176x144-29.97fps.mp4'].Size
        ($readBack | Where-Object ObjectUrl -like '*linearized.pdf').MediaMetadata.PageCount | Should -Be 12
        ($readBack | ConvertTo-EncordSpec) | Should -BeExactly $spec
    }
}

Describe 'Get-CloudObject -MediaMetadata with files it cannot read' {
    It 'writes one non-terminating error naming the object, and emits it without metadata' {
        $s3 = $Stores.S3
        $listed = @(Get-CloudObject @s3 -Bucket pester-media -Prefix other/ -MediaMetadata -ErrorVariable problems -ErrorAction SilentlyContinue)
        $listed.Key | Should -Be 'other/broken.png'
        $listed[0].MediaMetadata | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'MediaMetadataUnreadable,EncordSpec.Cmdlets.GetCloudObjectCommand'
        $problems[0].Exception.Message | Should -BeLike '*other/broken.png*'
        $problems[0].TargetObject.Key | Should -Be 'other/broken.png'
        # The platform cannot take it under strict client-only access: it has no metadata to give.
        # Its only item refused, no spec is written at all (a terminating error after the item's own).
        $thrown = $null
        try { $null = $listed | ConvertTo-EncordSpec -Integration StrictClientOnly -ErrorVariable strict -ErrorAction SilentlyContinue } catch { $thrown = $_ }
        "$thrown" | Should -BeLike '*No spec was written*'
        $strict[0].FullyQualifiedErrorId | Should -BeLike 'MediaMetadataMissing,*'
    }

    It 'stops reading when the pipeline has what it needs' {
        $gcs = $Stores.GCS
        $first = @(Get-CloudObject @gcs -Bucket pester-media -Prefix media/ -MediaMetadata -ThrottleLimit 2 | Select-Object -First 2)
        $first | Should -HaveCount 2
        $first.MediaMetadata.MimeType | Should -Be @('image/png', 'image/webp')
    }

    It 'feeds folder groups that stream out as they do without it, each folder once its last image was read' {
        $s3 = $Stores.S3
        $timing = foreach ($media in $false, $true) {
            $script:listed = 0
            $groups = Get-CloudObject @s3 -Bucket pester-media-folders -DataType Image -MediaMetadata:$media -ThrottleLimit 4 -ErrorVariable problems |
                ForEach-Object { $script:listed++; $_ } | New-EncordImageGroup -GroupBy Folder |
                ForEach-Object { '{0}:{1}@{2}' -f $_.Title, $_.Count, $script:listed }
            $problems | Should -BeNullOrEmpty
            $groups -join ' '
        }
        $timing[1] | Should -Be 'a:3@4 b:3@7 c:3@9'
        $timing[1] | Should -Be $timing[0]
    }
}
