# The secrets matrix of issue 14: every way a secret reaches Get-CloudObject, on every provider, in every failure mode
# the emulators (and, for faults they cannot produce, the repository's fixed-answer server) can stage, and success.
# Each row runs with -Verbose -Debug in a runspace of its own whose every stream is kept (output, error, warning,
# verbose, debug, information, progress), under Start-Transcript; then no secret (as given, base64, URL-encoded, or
# its first 8 characters) may appear in any stream, in $Error with every inner exception's Message and ToString(),
# in the records' TargetObject, in the transcript, or in the spec a successful listing is written to.
# A new way to give a secret is one entry in $Sources, a new failure mode one entry in $Modes.

BeforeDiscovery {
    # Which failure modes each provider can stage here. The GCS emulator checks no credentials and reports no missing
    # bucket: there the fixed-answer server gives the refusal (403) and the 404 the real service would. Throttling
    # past the retries: the fixed-answer server throttles every request as the provider does (S3 503 SlowDown, Azure
    # 503 ServerBusy, GCS 429), and -MaximumRetryCount 1 (one SDK retry, then the request once more) makes it outlast
    # the retries in two or three seconds instead of the default eight back-offs and three more tries.
    $Modes = @{
        S3 = 'Unreachable', 'WrongBucket', 'BadCredentials', 'Throttled', 'MalformedPage', 'Success'
        Azure = 'Unreachable', 'WrongBucket', 'BadCredentials', 'Throttled', 'MalformedPage', 'Success'
        GCS = 'Unreachable', 'WrongBucket', 'BadCredentials', 'Throttled', 'MalformedPage', 'Success'
    }
    # The ways a secret arrives. Modes: the modes the source can be tried in, when not all of its provider's.
    # MalformedPage: a page that cannot be parsed is retried 3 times, 1 + 2 + 4 s apart (RetryingLister), before it
    # fails, so it is tried with the sources whose text could reach its message (the endpoint's user info or query,
    # a connection string, a key file), not with every one.

    $Sources = @(
        @{ Provider = 'S3'; Source = '-AccessKey -SecretKey -SessionToken' }
        @{ Provider = 'S3'; Source = '-Credential PSCredential' }
        @{ Provider = 'S3'; Source = 'AWS profile file (-ProfileName)' }
        @{ Provider = 'S3'; Source = 'AWS profile credential_process' }
        @{ Provider = 'S3'; Source = 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN' }
        @{ Provider = 'S3'; Source = '-EndpointUrl with user info'; MalformedPage = $true }
        @{ Provider = 'S3'; Source = 'S3-compatible -ObjectUrlBase with a signature'; Modes = 'Success' } # refused before any request
        @{ Provider = 'S3'; Source = '-InventoryManifest s3:// with -AccessKey -SecretKey -SessionToken'; Modes = 'Unreachable', 'WrongBucket', 'BadCredentials', 'Throttled', 'MalformedPage'; MalformedPage = $true }
        @{ Provider = 'S3'; Source = '-MediaMetadata with -AccessKey -SecretKey -SessionToken'; Modes = 'Success' } # reads each object's header
        @{ Provider = 'Azure'; Source = '-SasToken' }
        @{ Provider = 'Azure'; Source = '-StorageAccountKey' }
        @{ Provider = 'Azure'; Source = '-ConnectionString'; MalformedPage = $true }
        @{ Provider = 'Azure'; Source = '-Credential PSCredential' }
        @{ Provider = 'Azure'; Source = '-EndpointUrl with a SAS query'; MalformedPage = $true }
        @{ Provider = 'Azure'; Source = 'AZURE_STORAGE_CONNECTION_STRING/KEY/SAS_TOKEN' }
        @{ Provider = 'GCS'; Source = '-CredentialFile (service account key)'; MalformedPage = $true }
        @{ Provider = 'GCS'; Source = 'GOOGLE_APPLICATION_CREDENTIALS' }
        @{ Provider = 'GCS'; Source = '-EndpointUrl with user info' }
    )
    $Rows = foreach ($source in $Sources) {
        foreach ($mode in ($source.Modes ?? $Modes[$source.Provider])) {
            if ($mode -eq 'MalformedPage' -and -not $source.MalformedPage) { continue }
            @{ Provider = $source.Provider; Source = $source.Source; Mode = $mode }
        }
    }
}

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Support/Seeder.ps1')
    . (Join-Path $PSScriptRoot 'Support/SecretsCapture.ps1')

    $null = Invoke-Seeder S3 secrets-s3 'names:a.jpg;b.jpg'
    $null = Invoke-Seeder Azure secrets-azure 'names:a.jpg;b.jpg'
    $null = Invoke-Seeder GCS secrets-gcs 'names:a.jpg;b.jpg'

    $AzuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
    # Azure keys are base64; the fake one reads FAKEACCOUNTKEY... when decoded.
    $FakeAccountKey = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes('FAKEACCOUNTKEY-AZURE-0001-xxxxxxxxxxxxxxxxxxxxxx'))
    $FakePrivateKey = New-FakePrivateKeyPem
    $Runspace = New-CaptureRunspace

    # The fixed answers of the faults the emulators cannot produce (tests/EncordSpec.Tests/Support/FaultServer.cs).
    # Provider and fault by name: the fault proxy's types may also be in the session, compiled by ListingFaults.Tests.ps1.
    $Throttling = @{
        S3 = [EncordSpec.Tests.Support.FaultServer]::Answering('S3', 'Throttle')
        Azure = [EncordSpec.Tests.Support.FaultServer]::Answering('Azure', 'Throttle')
        GCS = [EncordSpec.Tests.Support.FaultServer]::Answering('GCS', 'Throttle')
    }
    $MalformedXml = [EncordSpec.Tests.Support.FaultServer]::Answering(200, 'OK', 'application/xml', '<?xml version="1.0"?><ListBucketResult><Contents><Key>a.jpg</Ke')
    $MalformedJson = [EncordSpec.Tests.Support.FaultServer]::Answering(200, 'OK', 'application/json', '{"kind": "storage#objects", "items": [{"name": "a.jpg", ')
    $GcsRefused = [EncordSpec.Tests.Support.FaultServer]::Answering(403, 'Forbidden', 'application/json',
        '{"error": {"code": 403, "message": "lister@secrets-project.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket.", "errors": [{"reason": "forbidden"}]}}')
    $GcsNoBucket = [EncordSpec.Tests.Support.FaultServer]::Answering(404, 'Not Found', 'application/json',
        '{"error": {"code": 404, "message": "The specified bucket does not exist.", "errors": [{"reason": "notFound"}]}}')
    # Google's token endpoint, should the SDK exchange the service account key for a token rather than sign its own.
    $TokenIssued = [EncordSpec.Tests.Support.FaultServer]::Answering(200, 'OK', 'application/json',
        '{"access_token": "FAKEACCESSTOKEN-GCS-0001-ya29xxxxxxxx", "expires_in": 3600, "token_type": "Bearer"}')
    $ClosedPort = [EncordSpec.Tests.Support.FaultServer]::ClosedPortUrl()

    # Where each mode sends the listing, and which bucket it asks for.
    function Get-Target([string] $Provider, [string] $Mode) {
        $emulator = @{ S3 = $env:ENCORDSPEC_S3_ENDPOINT; Azure = $env:ENCORDSPEC_AZURE_BLOB_ENDPOINT; GCS = $env:ENCORDSPEC_GCS_ENDPOINT }[$Provider]
        $account = if ($Provider -eq 'Azure') { '/devstoreaccount1' } else { '' }
        $endpoint = switch ($Mode) {
            'Unreachable' { "$ClosedPort$account" }
            'Throttled' { "$($Throttling[$Provider].Url)$account" }
            'MalformedPage' { "$((@{ GCS = $MalformedJson }[$Provider] ?? $MalformedXml).Url)$account" }
            { $Provider -eq 'GCS' -and $_ -eq 'BadCredentials' } { $GcsRefused.Url }
            { $Provider -eq 'GCS' -and $_ -eq 'WrongBucket' } { $GcsNoBucket.Url }
            default { $emulator }
        }
        $bucket = if ($Mode -eq 'WrongBucket') { 'no-such-bucket-secrets' } else { "secrets-$($Provider.ToLowerInvariant())" }
        [pscustomobject]@{ Endpoint = $endpoint; Bucket = $bucket }
    }

    # The parameters, environment and files one source gives the listing, and the secrets they hold. Keys the
    # emulator accepts where the mode needs the store to answer; recognisable fake ones where it refuses them or
    # never checks them (s3rver and Azurite take only their own well-known keys).
    function Get-SourceArguments([string] $Provider, [string] $Source, [string] $Mode, $Target) {
        $valid = $Mode -in 'Success', 'WrongBucket'
        $s3Id = if ($valid) { 'S3RVER' } else { 'AKIDFAKEACCESSKEY0001' }
        $s3Secret = if ($valid) { 'S3RVER' } else { 'FAKESECRETKEY-S3-0001-wJalrXUtnFEMI' }
        $s3Token = 'FAKESESSIONTOKEN-S3-0001-IQoJb3JpZ2luX2Vj' # s3rver does not check a session token
        $azureKey = if ($valid) { $AzuriteKey } else { $FakeAccountKey }
        $endpoint = $Target.Endpoint
        $parameters = @{ Provider = $Provider; Bucket = $Target.Bucket; EndpointUrl = $endpoint }
        if ($Provider -eq 'S3') { $parameters.Region = 'us-east-1' }
        if ($Provider -eq 'Azure') { $parameters.StorageAccountName = 'devstoreaccount1' }
        if ($Mode -eq 'Throttled') { $parameters.MaximumRetryCount = 1 }
        $environment = @{}
        $secrets = [System.Collections.Generic.List[string]]::new()
        switch ($Source) {
            { $_ -in '-AccessKey -SecretKey -SessionToken', '-InventoryManifest s3:// with -AccessKey -SecretKey -SessionToken', '-MediaMetadata with -AccessKey -SecretKey -SessionToken' } {
                $parameters += @{ AccessKey = $s3Id; SecretKey = $s3Secret; SessionToken = $s3Token }
                $secrets.AddRange([string[]]@($s3Id, $s3Secret, $s3Token))
            }
            '-Credential PSCredential' {
                if ($Provider -eq 'S3') {
                    $parameters.Credential = [pscredential]::new($s3Id, (ConvertTo-SecureString $s3Secret -AsPlainText -Force))
                    $secrets.AddRange([string[]]@($s3Id, $s3Secret))
                }
                else {
                    $parameters.Remove('StorageAccountName')
                    $parameters.Credential = [pscredential]::new('devstoreaccount1', (ConvertTo-SecureString $azureKey -AsPlainText -Force))
                    $secrets.Add($azureKey)
                }
            }
            'AWS profile file (-ProfileName)' {
                $file = Join-Path $TestDrive "credentials-$([guid]::NewGuid())"
                Set-Content $file "[secrets]`naws_access_key_id = $s3Id`naws_secret_access_key = $s3Secret`naws_session_token = $s3Token"
                $environment.AWS_SHARED_CREDENTIALS_FILE = $file
                $environment.AWS_CONFIG_FILE = Join-Path $TestDrive 'no-config'
                $parameters.ProfileName = 'secrets'
                $secrets.AddRange([string[]]@($s3Id, $s3Secret, $s3Token))
            }
            'AWS profile credential_process' {
                $helper = Join-Path $TestDrive "credentials-$([guid]::NewGuid()).sh"
                Set-Content $helper "#!/bin/sh`necho 'debug: FAKEPROCESSNOISE-0001 $s3Secret' >&2`necho '{`"Version`": 1, `"AccessKeyId`": `"$s3Id`", `"SecretAccessKey`": `"$s3Secret`", `"SessionToken`": `"$s3Token`"}'"
                & chmod +x $helper
                $file = Join-Path $TestDrive "credentials-$([guid]::NewGuid())"
                Set-Content $file "[secrets]`ncredential_process = $helper"
                $environment.AWS_SHARED_CREDENTIALS_FILE = $file
                $environment.AWS_CONFIG_FILE = Join-Path $TestDrive 'no-config'
                $parameters.ProfileName = 'secrets'
                $secrets.AddRange([string[]]@($s3Id, $s3Secret, $s3Token, 'FAKEPROCESSNOISE-0001'))
            }
            'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN' {
                $environment += @{ AWS_ACCESS_KEY_ID = $s3Id; AWS_SECRET_ACCESS_KEY = $s3Secret; AWS_SESSION_TOKEN = $s3Token }
                $secrets.AddRange([string[]]@($s3Id, $s3Secret, $s3Token))
            }
            '-EndpointUrl with user info' {
                $parameters.EndpointUrl = $endpoint -replace '^http://', 'http://FAKEENDPOINTUSER0001:FakeEndpointPassword-0001@'
                if ($Provider -eq 'S3') { $parameters += @{ AccessKey = $s3Id; SecretKey = $s3Secret } ; $secrets.AddRange([string[]]@($s3Id, $s3Secret)) }
                $secrets.AddRange([string[]]@('FAKEENDPOINTUSER0001', 'FakeEndpointPassword-0001'))
            }
            'S3-compatible -ObjectUrlBase with a signature' {
                $parameters += @{ AccessKey = $s3Id; SecretKey = $s3Secret
                    ObjectUrlBase = "https://minio.example.com/$($Target.Bucket)/?X-Amz-Credential=FAKECREDENTIALSCOPE0001&X-Amz-Signature=FAKEOBJECTURLSIGNATURE0001" }
                $secrets.AddRange([string[]]@($s3Id, $s3Secret, 'FAKECREDENTIALSCOPE0001', 'FAKEOBJECTURLSIGNATURE0001'))
            }
            '-SasToken' {
                # Azurite checks a SAS's signature: a real one (signed with its key) where the store must answer.
                $parameters.SasToken = if ($valid) { New-AccountSas 'devstoreaccount1' $AzuriteKey }
                                       else { 'sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=FAKESASSIGNATURE-0001%2Bxx%3D' }
                $signature = [uri]::UnescapeDataString(($parameters.SasToken -split 'sig=')[1])
                $secrets.AddRange([string[]]@($signature, $parameters.SasToken))
            }
            '-StorageAccountKey' {
                $parameters.StorageAccountKey = $azureKey
                $secrets.Add($azureKey)
            }
            '-ConnectionString' {
                $parameters.Remove('StorageAccountName'); $parameters.Remove('EndpointUrl')
                $parameters.ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azureKey;BlobEndpoint=$endpoint;"
                $secrets.AddRange([string[]]@($azureKey, $parameters.ConnectionString))
            }
            '-EndpointUrl with a SAS query' {
                $parameters.EndpointUrl = "$endpoint`?sv=2024-05-04&ss=b&srt=co&sp=rl&se=2030-01-01&sig=FAKEENDPOINTSAS-0001%3D"
                $parameters.StorageAccountKey = $azureKey
                $secrets.AddRange([string[]]@('FAKEENDPOINTSAS-0001', $azureKey))
            }
            'AZURE_STORAGE_CONNECTION_STRING/KEY/SAS_TOKEN' {
                $environment += @{
                    AZURE_STORAGE_CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$FakeAccountKey;BlobEndpoint=$endpoint;"
                    AZURE_STORAGE_KEY = $FakeAccountKey
                    AZURE_STORAGE_SAS_TOKEN = 'sv=2024-05-04&sig=FAKEENVSAS-0001'
                }
                $parameters.StorageAccountKey = $azureKey # the module reads none of these variables: the listing uses the key
                $secrets.AddRange([string[]]@($FakeAccountKey, 'FAKEENVSAS-0001', $azureKey))
            }
            { $_ -in '-CredentialFile (service account key)', 'GOOGLE_APPLICATION_CREDENTIALS' } {
                $file = Join-Path $TestDrive "service-account-$([guid]::NewGuid()).json"
                @{
                    type = 'service_account'; project_id = 'secrets-project'; private_key_id = 'FAKEPRIVATEKEYID0001abcdef'
                    private_key = $FakePrivateKey; client_email = 'lister@secrets-project.iam.gserviceaccount.com'
                    client_id = '100000000000000000001'; token_uri = "$($TokenIssued.Url)/token"
                } | ConvertTo-Json | Set-Content $file
                if ($Source -eq 'GOOGLE_APPLICATION_CREDENTIALS') { $environment.GOOGLE_APPLICATION_CREDENTIALS = $file }
                else { $parameters.CredentialFile = $file }
                $secrets.AddRange([string[]]@('FAKEPRIVATEKEYID0001abcdef', 'FAKEACCESSTOKEN-GCS-0001-ya29xxxxxxxx'))
                $secrets.AddRange([string[]]@(Get-PemBodyLines $FakePrivateKey))
            }
        }
        if ($Source -like '-InventoryManifest*') {
            $parameters.Remove('Bucket')
            $parameters.InventoryManifest = "s3://$($Target.Bucket)/inventory/secrets-s3/config/2026-12-01T00-00Z/manifest.json"
        }
        if ($Source -like '-MediaMetadata*') { $parameters.MediaMetadata = $true }
        [pscustomobject]@{ Parameters = $parameters; Environment = $environment; Secrets = $secrets }
    }

    # What each mode must end in: the ErrorId of the terminating error, or none and objects listed.
    $ExpectedErrorIds = @{
        Unreachable = 'CloudEndpointUnreachable'
        WrongBucket = 'CloudBucketNotFound'
        BadCredentials = 'CloudAccessDenied', 'CloudCredentialsMissing'
        Throttled = 'CloudListingFailed'
        MalformedPage = 'CloudListingFailed', 'InventoryReportInvalid' # a page, or an inventory manifest, that does not parse
    }
}

AfterAll {
    @($Runspace) + @($Throttling.Values) + @($MalformedXml, $MalformedJson, $GcsRefused, $GcsNoBucket, $TokenIssued) | Where-Object { $_ } | ForEach-Object Dispose
}

Describe 'Get-CloudObject: no secret in any stream, $Error, transcript or spec' {
    It '<Provider>, <Source>, <Mode>' -ForEach $Rows {
        $target = Get-Target $Provider $Mode
        $given = Get-SourceArguments $Provider $Source $Mode $target
        $spec = Join-Path $TestDrive "spec-$([guid]::NewGuid()).json"
        # AWS_MAX_ATTEMPTS 2 (the user's own setting, which the module keeps): the S3 SDK retries a failing request once, not 8 times.
        # AWS_EC2_METADATA_DISABLED: a credential chain that finds nothing must not look beyond 127.0.0.1.
        $environment = @{ AWS_MAX_ATTEMPTS = '2'; AWS_EC2_METADATA_DISABLED = 'true' } + $given.Environment
        $command = if ($Mode -eq 'Success') { 'Get-CloudObject @Arguments -Verbose -Debug | ConvertTo-EncordSpec -Path $SpecPath -Verbose -Debug' }
                   else { 'Get-CloudObject @Arguments -Verbose -Debug' }
        $throttled = if ($Mode -eq 'Throttled') { $Throttling[$Provider].Requests }
        $captured = Invoke-Captured $Runspace $command @{ Arguments = $given.Parameters; SpecPath = $spec } $environment (Join-Path $TestDrive 'transcript.txt')
        if ($Mode -eq 'Throttled') {
            # A list request: the SDK tried it twice, the listing twice again; an inventory manifest is read by the SDK alone.
            $Throttling[$Provider].Requests - $throttled | Should -Be $(if ($Source -like '-InventoryManifest*') { 2 } else { 4 })
        }

        $leaks = @(Find-Secrets $captured.Parts $given.Secrets)
        $leaks | Should -BeNullOrEmpty -Because 'no secret may appear anywhere'
        if ($Source -eq 'S3-compatible -ObjectUrlBase with a signature') {
            $captured.ErrorIds | Should -Contain 'ObjectUrlNotPossible'
        }
        elseif ($Mode -eq 'Success') {
            # The seeded files are not images inside: their headers cannot be read, an error per file (and no secret in it).
            $captured.ErrorIds | Where-Object { $_ -ne 'MediaMetadataUnreadable' } | Should -BeNullOrEmpty -Because $captured.Parts.error
            (Get-Content $spec -Raw | ConvertFrom-Json).images.Count | Should -Be 2
        }
        else {
            $captured.ErrorIds | Should -Not -BeNullOrEmpty
            $captured.ErrorIds[0] | Should -BeIn $ExpectedErrorIds[$Mode] -Because $captured.Parts.error
        }
        if ($Source -notlike 'S3-compatible*' -and $Source -notlike '-InventoryManifest*') { # these end before the first verbose line
            $captured.Parts['verbose'] | Should -Not -BeNullOrEmpty -Because 'the verbose stream is captured'
        }
    }
}

Describe 'Get-CloudObject: no secret quoted from a malformed one' {
    # Values the SDKs cannot parse: their messages are the ones that quote what they were given.
    It '<Case>' -ForEach @(
        @{ Case = 'Azure -StorageAccountKey not base64'; Secrets = @('FAKEKEY-NOTBASE64-0001')
           Parameters = @{ Provider = 'Azure'; StorageAccountName = 'devstoreaccount1'; StorageAccountKey = 'FAKEKEY-NOTBASE64-0001!!' } }
        @{ Case = 'Azure -Credential with a key not base64'; Secrets = @('FAKEKEY-NOTBASE64-0002')
           Parameters = @{ Provider = 'Azure'; Credential = [pscredential]::new('devstoreaccount1', (ConvertTo-SecureString 'FAKEKEY-NOTBASE64-0002!!' -AsPlainText -Force)) } }
        @{ Case = 'Azure -ConnectionString with a key not base64'; Secrets = @('FAKEKEY-NOTBASE64-0003'); NoEndpoint = $true
           Parameters = @{ Provider = 'Azure'; ConnectionString = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=FAKEKEY-NOTBASE64-0003!!;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;' } }
        @{ Case = 'Azure -ConnectionString that is no connection string'; Secrets = @('FAKECONNECTIONSTRING-0004'); NoEndpoint = $true
           Parameters = @{ Provider = 'Azure'; ConnectionString = 'FAKECONNECTIONSTRING-0004 garbage' } }
        @{ Case = 'Azure -ConnectionString with a SAS'; Secrets = @('FAKECONNSAS-0005'); NoEndpoint = $true
           Parameters = @{ Provider = 'Azure'; ConnectionString = 'BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;SharedAccessSignature=sv=2024-05-04&ss=b&sig=FAKECONNSAS-0005%3D' } }
        @{ Case = 'Azure -SasToken with spaces'; Secrets = @('FAKESAS-WITH-SPACES-0006')
           Parameters = @{ Provider = 'Azure'; StorageAccountName = 'devstoreaccount1'; SasToken = 'sv=2024 &sig=FAKESAS-WITH-SPACES-0006 x' } }
        @{ Case = 'S3 -EndpointUrl with user info and a port out of range'; Secrets = @('FAKEENDPOINTUSER-0007', 'FAKEENDPOINTPASS-0007'); NoEndpoint = $true
           Parameters = @{ Provider = 'S3'; Region = 'us-east-1'; EndpointUrl = 'http://FAKEENDPOINTUSER-0007:FAKEENDPOINTPASS-0007@127.0.0.1:99999' } }
        @{ Case = 'S3 -EndpointUrl with user info Uri cannot parse'; Secrets = @('FAKEENDPOINTUSER-0008', 'FAKEENDPOINTPASS-0008'); NoEndpoint = $true
           Parameters = @{ Provider = 'S3'; Region = 'us-east-1'; EndpointUrl = 'http://FAKEENDPOINTUSER-0008:FAKEENDPOINTPASS-0008 x@127.0.0.1:9' } }
        @{ Case = 'Azure -EndpointUrl with a SAS query Uri cannot parse'; Secrets = @('FAKEENDPOINTSAS-0009'); NoEndpoint = $true
           Parameters = @{ Provider = 'Azure'; StorageAccountName = 'devstoreaccount1'; EndpointUrl = 'http://127.0.0.1:99999/devstoreaccount1?sv=2024-05-04&sig=FAKEENDPOINTSAS-0009' } }
        @{ Case = 'GCS -CredentialFile whose private key is corrupt'; Secrets = @('FAKEPEMBODY0010FAKEPEMBODY0010'); KeyFile = '{"type": "service_account", "project_id": "p", "private_key_id": "FAKEPRIVATEKEYID0010", "private_key": "-----BEGIN PRIVATE KEY-----\nFAKEPEMBODY0010FAKEPEMBODY0010\n-----END PRIVATE KEY-----\n", "client_email": "a@p.iam.gserviceaccount.com", "token_uri": "http://127.0.0.1:9/token"}'
           Parameters = @{ Provider = 'GCS' } }
        @{ Case = 'GCS -CredentialFile that is not JSON'; Secrets = @('FAKEKEYFILETEXT-0011'); KeyFile = 'FAKEKEYFILETEXT-0011 { "private_key": "x" '
           Parameters = @{ Provider = 'GCS' } }
        @{ Case = 'GCS -CredentialFile of an authorized user'; Secrets = @('FAKECLIENTSECRET-0012', 'FAKEREFRESHTOKEN-0012'); KeyFile = '{"type": "authorized_user", "client_id": "1.apps.googleusercontent.com", "client_secret": "FAKECLIENTSECRET-0012", "refresh_token": "FAKEREFRESHTOKEN-0012", "token_uri": "http://127.0.0.1:9/token"}'
           Parameters = @{ Provider = 'GCS' } }
    ) {
        $parameters = @{ Bucket = 'secrets-malformed' } + $Parameters
        if (-not $NoEndpoint -and -not $parameters.ContainsKey('EndpointUrl')) {
            $parameters.EndpointUrl = $ClosedPort + $(if ($parameters.Provider -eq 'Azure') { '/devstoreaccount1' })
        }
        if ($KeyFile) {
            $parameters.CredentialFile = Join-Path $TestDrive "key-$([guid]::NewGuid()).json"
            Set-Content -LiteralPath $parameters.CredentialFile -Value $KeyFile
        }
        $captured = Invoke-Captured $Runspace 'Get-CloudObject @Arguments -Verbose -Debug' @{ Arguments = $parameters } @{} (Join-Path $TestDrive 'transcript.txt')
        $captured.ErrorIds | Should -Not -BeNullOrEmpty
        @(Find-Secrets $captured.Parts $Secrets) | Should -BeNullOrEmpty -Because 'no secret may appear anywhere'
    }
}

Describe 'Writing and reading cmdlets: no secret of a signed URL in any message, target or written spec' {
    BeforeDiscovery {
        # Object URLs that carry a secret: each kind's signature, credential scope and token; user info.
        $SignedUrls = @(
            @{ Kind = 'S3 presigned'; Url = 'https://b.s3.eu-west-2.amazonaws.com/a.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDFAKEPRESIGN0001%2F20261201%2Feu-west-2%2Fs3%2Faws4_request&X-Amz-Date=20261201T000000Z&X-Amz-Expires=3600&X-Amz-Security-Token=FAKEPRESIGNTOKEN-0001&X-Amz-SignedHeaders=host&X-Amz-Signature=FAKEPRESIGNSIG-0001'
               Secrets = 'AKIDFAKEPRESIGN0001', 'FAKEPRESIGNTOKEN-0001', 'FAKEPRESIGNSIG-0001'; Rule = 'ObjectUrlSigned' }
            @{ Kind = 'Azure SAS'; Url = 'https://acct.blob.core.windows.net/c/a.jpg?sv=2024-05-04&sr=b&sp=r&se=2030-01-01T00%3A00%3A00Z&sig=FAKEBLOBSAS-0001%2Bab%3D'
               Secrets = 'FAKEBLOBSAS-0001'; Rule = 'ObjectUrlSigned' }
            @{ Kind = 'GCS signed'; Url = 'https://storage.googleapis.com/b/a.jpg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=FAKEGOOGCRED-0001%40p.iam.gserviceaccount.com%2F20261201%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261201T000000Z&X-Goog-Expires=3600&X-Goog-SignedHeaders=host&X-Goog-Signature=FAKEGOOGSIG-0001'
               Secrets = 'FAKEGOOGCRED-0001', 'FAKEGOOGSIG-0001'; Rule = 'ObjectUrlSigned' }
            @{ Kind = 'percent-encoded sig'; Url = 'https://acct.blob.core.windows.net/c/a.jpg?sv=2024-05-04&%73ig=FAKEENCODEDSIG-0001'
               Secrets = 'FAKEENCODEDSIG-0001'; Rule = 'ObjectUrlSigned' }
            @{ Kind = 'user info'; Url = 'https://FAKEURLUSER-0001:FAKEURLPASS-0001@minio.example.com/b/a.jpg'
               Secrets = 'FAKEURLUSER-0001', 'FAKEURLPASS-0001'; Rule = 'ObjectUrlUserInfo' }
        )
        $Commands = @(
            @{ Command = 'ConvertTo-EncordSpec -Path (JSON), URL strings'; Script = '$Urls | ConvertTo-EncordSpec -Path $SpecPath -Verbose -Debug' }
            @{ Command = 'ConvertTo-EncordSpec -Path -Csv, URL strings'; Script = '$Urls | ConvertTo-EncordSpec -Csv -Path $SpecPath -Verbose -Debug' }
            @{ Command = 'ConvertTo-EncordSpec to the pipeline, objects with ObjectUrl'; Script = '$Urls | ForEach-Object { [pscustomobject]@{ ObjectUrl = $_ } } | ConvertTo-EncordSpec -Verbose -Debug' }
            @{ Command = 'New-EncordImageGroup | ConvertTo-EncordSpec'; Script = '$Urls | New-EncordImageGroup -Title g -Verbose -Debug | ConvertTo-EncordSpec -Path $SpecPath -Verbose -Debug' }
            @{ Command = 'Test-EncordSpec -Path -Detailed'; Script = 'Test-EncordSpec -Path $InputSpec -Detailed -Verbose -Debug' }
            @{ Command = 'Test-EncordSpec -Spec (CSV)'; Script = 'Test-EncordSpec -Spec ("ObjectUrl,Image group title,Create video`n" + (($Urls | ForEach-Object { "$_,," }) -join "`n")) -Format Csv -Verbose -Debug' }
            @{ Command = 'ConvertFrom-EncordSpec -Path'; Script = '$null = ConvertFrom-EncordSpec -Path $InputSpec -Verbose -Debug' } # its output is the spec's own data
        )
        $WritingRows = foreach ($command in $Commands) { foreach ($url in $SignedUrls) { $command + $url } }
    }

    It '<Command>, <Kind>' -ForEach $WritingRows {
        # One plain URL beside the signed one, so there is a spec to write.
        $urls = @('https://b.s3.eu-west-2.amazonaws.com/plain.jpg', $Url)
        $inputSpec = Join-Path $TestDrive "input-$([guid]::NewGuid()).json"
        @{ images = @($urls | ForEach-Object { @{ objectUrl = $_ } }) } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $inputSpec
        $spec = Join-Path $TestDrive "spec-$([guid]::NewGuid()).json"
        $captured = Invoke-Captured $Runspace $Script @{ Urls = $urls; SpecPath = $spec; InputSpec = $inputSpec } @{} (Join-Path $TestDrive 'transcript.txt')

        @($captured.ErrorIds) + @($captured.FindingIds) | Should -Contain $Rule -Because 'a URL that carries a secret is an error (or, with -Detailed, a finding)'
        @(Find-Secrets $captured.Parts $Secrets) | Should -BeNullOrEmpty -Because 'no secret may appear anywhere'
    }
}
