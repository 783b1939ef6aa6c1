# Recognisable fake secrets in every place a user may put one: none may appear in any stream, in $Error with its inner
# exceptions, or in a transcript. These listings fail (an endpoint nobody listens on, a broken profile), so no emulator
# is needed: the failure paths are the ones that quote what they were given.

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force

    . (Join-Path $PSScriptRoot 'Support/SecretsCapture.ps1')

    # Everything a command wrote to any stream, the caught terminating error, $Error's records with their inner
    # exceptions and target objects, and a transcript of the run, as one text. (SecretsMatrix.Tests.ps1 runs its rows
    # in a runspace of their own with Invoke-Captured; these tests keep their scriptblocks and this session.)
    function Get-EverythingWritten([scriptblock] $Command) {
        $Error.Clear()
        $transcript = Join-Path $TestDrive "transcript-$([guid]::NewGuid()).txt"
        $null = Start-Transcript -LiteralPath $transcript
        try {
            $records = @(& { try { & $Command *>&1 } catch { $_ } })
            $records | Out-String -Width 1000 | Out-Host
        }
        finally { $null = Stop-Transcript }
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $details = foreach ($record in @($errors) + @($Error)) { Get-ErrorRecordText $record }
        [pscustomobject]@{
            Errors = $errors
            Verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Text = ($records | Out-String -Width 1000) + ($details -join "`n") + (Get-Content -LiteralPath $transcript -Raw)
        }
    }

    function Get-FreePort {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop(); $port
    }
}

Describe 'Secrets inside -EndpointUrl' {
    It 'never shows the user name and password of <Provider> http://KEY:PASSWORD@host, in the verbose line or the error' -ForEach @(
        @{ Provider = 'S3'; Extra = @{ AccessKey = 'AKIDFAKEACCESS0001'; SecretKey = 'FakeSecretKeyParam0001'; Region = 'eu-west-2' } }
        @{ Provider = 'Azure'; Extra = @{ StorageAccountName = 'devstoreaccount1'; SasToken = 'sv=2024-05-04&sig=FakeSasParam0001' } }
        @{ Provider = 'GCS'; Extra = @{} }
    ) {
        $port = Get-FreePort
        $endpoint = "http://FAKEUSERKEY0001:FakeEndpointPassword0001@127.0.0.1:$port"
        $result = Get-EverythingWritten { Get-CloudObject -Provider $Provider -Bucket cord-dev -EndpointUrl $endpoint @Extra -Verbose -Debug }
        $result.Errors.Count | Should -Be 1
        $result.Text | Should -Not -Match 'FAKEUSERKEY0001|FakeEndpointPassword0001|FakeSecretKeyParam0001|FakeSasParam0001'
        $result.Errors[0].FullyQualifiedErrorId | Should -Not -BeLike '*FormatException*'
    }

    It 'masks the signature of a portal "SAS URL" given as -EndpointUrl in the verbose line' {
        $port = Get-FreePort
        $endpoint = "https://127.0.0.1:$port/devstoreaccount1?sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01&sig=FakeSasSignature0002%3D"
        $result = Get-EverythingWritten { Get-CloudObject -Provider Azure -Bucket cord-dev -EndpointUrl $endpoint -Verbose }
        $result.Verbose -join "`n" | Should -Match ([regex]::Escape("https://127.0.0.1:$port/devstoreaccount1?sv=***&ss=***"))
        $result.Text | Should -Not -Match 'FakeSasSignature0002'
        $result.Errors.Count | Should -Be 1
    }
}

Describe 'Secrets in AWS profiles' {
    BeforeEach {
        $awsDirectory = New-Item (Join-Path $TestDrive 'aws') -ItemType Directory -Force
        $credentials = Join-Path $awsDirectory 'credentials'
        $env:AWS_SHARED_CREDENTIALS_FILE = $credentials
    }
    AfterEach { Remove-Item env:AWS_SHARED_CREDENTIALS_FILE }

    It 'names the file, the line and the profile of a malformed credentials file, and quotes no line of it' {
        Set-Content $credentials -Value "[broken]`naws_access_key_id = AKIDFAKEPROFILE003`naws_secret_access_key: FakeProfileSecret0003`n"
        $result = Get-EverythingWritten { Get-CloudObject -Provider S3 -Bucket cord-dev -ProfileName broken -EndpointUrl "http://127.0.0.1:$(Get-FreePort)" -Verbose }
        $result.Errors.Count | Should -Be 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'CloudCredentialsMissing*'
        $message = $result.Errors[0].Exception.Message
        $message | Should -BeLike "*profile 'broken'*"
        $message | Should -BeLike '*Line 3*'
        $message | Should -BeLike "*$credentials*"
        $result.Text | Should -Not -Match 'FakeProfileSecret0003'
    }

    It 'does not quote what a failing credential_process writes' {
        $helper = Join-Path $TestDrive 'failing-credentials.sh'
        Set-Content $helper -Value "#!/bin/sh`necho 'aws_secret_access_key=FakeProcessSecret0004 token FakeProcessToken0004' >&2`necho '{`"Version`": 1, `"AccessKeyId`": `"AKIDFAKEPROC0004`", `"SecretAccessKey`": `"FakeProcessSecret0004`"' `nexit 1"
        & chmod +x $helper
        Set-Content $credentials -Value "[failing]`ncredential_process = $helper"
        $result = Get-EverythingWritten { Get-CloudObject -Provider S3 -Bucket cord-dev -ProfileName failing -EndpointUrl "http://127.0.0.1:$(Get-FreePort)" -Verbose -Debug }
        $result.Errors.Count | Should -Be 1
        $result.Errors[0].Exception.Message | Should -BeLike "*S3 bucket 'cord-dev'*credential_process*'failing'*exit value 1*"
        $result.Text | Should -Not -Match 'FakeProcessSecret0004|FakeProcessToken0004'
    }
}

Describe 'Signed URLs in the writing cmdlets'' messages' {
    It 'quotes no query of a signed URL in <Case>' -ForEach @(
        @{ Case = 'the Skipped warning'; Url = 'https://b.s3.eu-west-2.amazonaws.com/a.unknownext?X-Amz-Signature=FakeSignature0005' }
        @{ Case = 'ObjectUrlWhitespace'; Url = 'https://b.s3.eu-west-2.amazonaws.com/a b.jpg?X-Amz-Signature=FakeSignature0005' }
        @{ Case = 'LoneDicomFile'; Url = 'https://b.s3.eu-west-2.amazonaws.com/a.dcm?sv=2024&sig=FakeSignature0005' }
    ) {
        $result = Get-EverythingWritten { $Url | ConvertTo-EncordSpec -Verbose -ErrorAction Continue }
        $result.Text | Should -Not -Match 'FakeSignature0005'
        $result.Text | Should -Match ([regex]::Escape('?...'))
    }

    It 'quotes no query in DuplicateUrlInGroup' {
        $url = 'https://b.s3.eu-west-2.amazonaws.com/g/1.jpg?X-Goog-Signature=FakeSignature0006'
        $result = Get-EverythingWritten { $null = $url, $url | New-EncordImageGroup -Title g -ErrorAction Continue }
        $result.Errors.FullyQualifiedErrorId | Should -BeLike 'DuplicateUrlInGroup,*'
        $result.Text | Should -Not -Match 'FakeSignature0006'
    }

    It 'finds a signature whose parameter name is percent-encoded (?sv=2024&%73ig=...)' {
        $spec = '{"images": [{"objectUrl": "https://a.blob.core.windows.net/c/a.jpg?sv=2024&%73ig=FakeSignature0007"}]}'
        $result = Test-EncordSpec -Spec $spec -ErrorVariable problems -ErrorAction SilentlyContinue
        $result | Should -BeFalse
        $problems.FullyQualifiedErrorId | Should -Contain 'ObjectUrlSigned,EncordSpec.Cmdlets.TestEncordSpecCommand'
        "$problems" | Should -Not -Match 'FakeSignature0007'
    }
}
