# The platform's documented file types, the text, pdf and nifti sections, and -Integration, as users meet them: in
# ConvertTo-EncordSpec, Test-EncordSpec and ConvertFrom-EncordSpec, and in a listing of the S3 emulator piped through.
BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    function Get-ErrorIds($records) { @($records | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) }
    $s3 = 'https://cord-dev.s3.eu-west-2.amazonaws.com'
    $signed = "$s3/a.jpg?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0123456789abcdef"
}

Describe 'Data types' {
    It 'writes text, pdf and nifti sections after the page''s ones, reads them back and passes them' {
        $json = "$s3/a.png", "$s3/report.pdf", "$s3/brain.nii.gz", "$s3/head.nii", "$s3/talk.flac" | ConvertTo-EncordSpec
        $spec = $json | ConvertFrom-Json
        $spec.PSObject.Properties.Name | Should -Be 'images', 'audio', 'pdf', 'nifti'
        $spec.nifti.objectUrl | Should -Be "$s3/brain.nii.gz", "$s3/head.nii"
        Test-EncordSpec -Spec $json | Should -BeTrue
        $items = ConvertFrom-EncordSpec -Spec $json
        $items | ForEach-Object { $_.GetType().Name } | Should -Be 'EncordImage', 'EncordAudio', 'EncordPdf', 'EncordNifti', 'EncordNifti'
    }

    It 'skips text files nobody asked for with one warning that counts them and names the switch' {
        $urls = "$s3/img1.jpg", "$s3/img1.txt", "$s3/img2.jpg", "$s3/img2.txt", "$s3/classes.json"
        $json = $urls | ConvertTo-EncordSpec -WarningVariable warnings -WarningAction SilentlyContinue
        ($json | ConvertFrom-Json).PSObject.Properties.Name | Should -Be 'images'
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -BeLike 'Skipped 3 text file(s)*-DataType Text*'
    }

    It 'writes text with -DataType Text, and only text' {
        $json = "$s3/img1.jpg", "$s3/notes.md", "$s3/page.html" | ConvertTo-EncordSpec -DataType Text
        $spec = $json | ConvertFrom-Json
        $spec.PSObject.Properties.Name | Should -Be 'text'
        $spec.text.objectUrl | Should -Be "$s3/notes.md", "$s3/page.html"
    }

    It 'reports undocumented files as UnsupportedFileType and writes them where the user states the type' {
        $json = "$s3/anim.gif", "$s3/clip.avi", "$s3/ok.webp" | ConvertTo-EncordSpec -WarningVariable warnings -WarningAction SilentlyContinue
        ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/ok.webp"
        $warnings[0].Message | Should -BeLike "UnsupportedFileType: skipped '$s3/anim.gif'*"
        $warnings[1].Message | Should -BeLike "UnsupportedFileType: skipped '$s3/clip.avi'*"

        $stated = [pscustomobject]@{ ObjectUrl = "$s3/anim.gif"; DataType = 'Image' } |
            ConvertTo-EncordSpec -WarningVariable statedWarnings -WarningAction SilentlyContinue
        ($stated | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/anim.gif"
        $statedWarnings[0].Message | Should -BeLike "UnsupportedFileType: '$s3/anim.gif' is written as Image as you stated*"
    }

    It 'writes .mp4 as audio only where the user says so' {
        (("$s3/podcast.mp4" | ConvertTo-EncordSpec) | ConvertFrom-Json).PSObject.Properties.Name | Should -Be 'videos'
        (("$s3/podcast.mp4" | ConvertTo-EncordSpec -DataType Audio) | ConvertFrom-Json).audio.objectUrl | Should -Be "$s3/podcast.mp4"
    }

    It 'refuses text, pdf and nifti in CSV, as it does DICOM' {
        { "$s3/report.pdf" | ConvertTo-EncordSpec -Csv } | Should -Throw -ErrorId 'CsvCannotExpress,EncordSpec.Cmdlets.ConvertToEncordSpecCommand'
    }

    It 'warns about titles the SDK does not want and refuses file names over 300 characters' {
        $null = [pscustomobject]@{ ObjectUrl = "$s3/v.mp4"; Title = 'cooking' } |
            ConvertTo-EncordSpec -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings[0].Message | Should -BeLike "TitleExtensionMissing: $s3/v.mp4: The title 'cooking' of this video has no video extension*"
        $long = "$s3/" + ('n' * 297) + '.jpg'
        $json = $long, "$s3/ok.jpg" | ConvertTo-EncordSpec -ErrorVariable problems -ErrorAction SilentlyContinue
        Get-ErrorIds $problems | Should -Be 'ObjectNameTooLong'
        ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/ok.jpg"
    }

    It 'refuses an image sequence frame that is TIFF, and takes it in an image group of originals' {
        $null = "$s3/f/1.png", "$s3/f/2.tif" | New-EncordImageGroup -Title seq -ErrorVariable problems -ErrorAction SilentlyContinue
        Get-ErrorIds $problems | Should -Be 'NotInImageSequence'
        ("$s3/f/1.png", "$s3/f/2.tif" | New-EncordImageGroup -Title originals -CreateVideo $false).ObjectUrls | Should -HaveCount 2
    }
}

Describe '-Integration' {
    It 'refuses signed URLs under Standard without showing the signature, and writes them under DirectAccess' {
        $json = $signed, "$s3/b.jpg" | ConvertTo-EncordSpec -ErrorVariable problems -ErrorAction SilentlyContinue
        Get-ErrorIds $problems | Should -Be 'ObjectUrlSigned'
        "$problems" | Should -Not -Match 'AKIAEXAMPLE|0123456789abcdef'
        ($json | ConvertFrom-Json).images.objectUrl | Should -Be "$s3/b.jpg"

        $direct = $signed | ConvertTo-EncordSpec -Integration DirectAccess
        ($direct | ConvertFrom-Json).images.objectUrl | Should -Be $signed
        Test-EncordSpec -Spec $direct -Integration DirectAccess | Should -BeTrue
        Test-EncordSpec -Spec $direct -ErrorAction SilentlyContinue | Should -BeFalse
    }

    It 'requires complete media metadata under StrictClientOnly, naming the item and the missing fields' {
        $described = '{"images": [{"objectUrl": "' + $s3 + '/a.png", "imageMetadata": {"mimeType": "image/png", "fileSize": 10, "width": 2, "height": 3}},' +
            ' {"objectUrl": "' + $s3 + '/b.png", "imageMetadata": {"mimeType": "image/png", "width": 2}}, {"objectUrl": "' + $s3 + '/c.png"}],' +
            ' "nifti": [{"objectUrl": "' + $s3 + '/brain.nii.gz"}]}'
        Test-EncordSpec -Spec $described -ErrorAction SilentlyContinue | Should -BeFalse -Because 'b.png has incomplete imageMetadata, which is always an error'
        $strict = ConvertFrom-EncordSpec -Spec $described -ErrorAction SilentlyContinue |
            ConvertTo-EncordSpec -Integration StrictClientOnly -ErrorVariable problems -ErrorAction SilentlyContinue
        Get-ErrorIds $problems | Should -Be 'MediaMetadataMissing', 'MediaMetadataMissing'
        $problems[0].Exception.Message | Should -BeLike "The item '$s3/b.png' has imageMetadata without fileSize, height.*"
        $problems[1].Exception.Message | Should -BeLike "The item '$s3/c.png' has no imageMetadata.*"
        $spec = $strict | ConvertFrom-Json
        $spec.images.objectUrl | Should -Be "$s3/a.png"
        $spec.nifti.objectUrl | Should -Be "$s3/brain.nii.gz"
        Test-EncordSpec -Spec $strict -Integration StrictClientOnly | Should -BeTrue

        $null = Test-EncordSpec -Spec ('{"pdf": [{"objectUrl": "' + $s3 + '/r.pdf"}]}') -Integration StrictClientOnly -ErrorVariable findings -ErrorAction SilentlyContinue
        Get-ErrorIds $findings | Should -Be 'MediaMetadataMissing'
        Test-EncordSpec -Spec ('{"pdf": [{"objectUrl": "' + $s3 + '/r.pdf"}]}') | Should -BeTrue
    }
}

Describe 'The listing''s DataType column, piped on' -Tag Emulator {
    BeforeAll {
        $json = & dotnet $env:ENCORDSPEC_SEEDER seed S3 pester-types 'names:img/a.jpg;img/a.txt;img/b.jpg;img/b.txt;docs/r.pdf;docs/notes.md;mri/brain.nii.gz;img/anim.gif'
        if ($LASTEXITCODE -ne 0) { throw 'Seeding the S3 bucket pester-types failed.' }
        $listing = @{ Provider = 'S3'; Bucket = 'pester-types'; Region = 'eu-west-2'; EndpointUrl = $env:ENCORDSPEC_S3_ENDPOINT; AccessKey = 'S3RVER'; SecretKey = 'S3RVER' }
    }

    It 'follows the documented table' {
        $objects = Get-CloudObject @listing -Sort
        $objects | ForEach-Object { '{0}={1}' -f $_.Key, $_.DataType } | Should -Be @(
            'docs/notes.md=Text', 'docs/r.pdf=Pdf', 'img/a.jpg=Image', 'img/a.txt=Text', 'img/anim.gif=Unsupported',
            'img/b.jpg=Image', 'img/b.txt=Text', 'mri/brain.nii.gz=Nifti')
    }

    It 'leaves the label files out of a spec unless Get-CloudObject -DataType asked for text' {
        $spec = Get-CloudObject @listing -Sort | ConvertTo-EncordSpec -WarningVariable warnings -WarningAction SilentlyContinue | ConvertFrom-Json
        $spec.PSObject.Properties.Name | Should -Be 'images', 'pdf', 'nifti'
        @($warnings.Message) -like 'Skipped 3 text file(s)*' | Should -HaveCount 1
        $text = Get-CloudObject @listing -Sort -DataType Text | ConvertTo-EncordSpec | ConvertFrom-Json
        $text.text.objectUrl | Should -Be @(
            'https://pester-types.s3.eu-west-2.amazonaws.com/docs/notes.md', 'https://pester-types.s3.eu-west-2.amazonaws.com/img/a.txt',
            'https://pester-types.s3.eu-west-2.amazonaws.com/img/b.txt')
    }
}
