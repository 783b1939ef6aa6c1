BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $script:Examples = Join-Path $PSScriptRoot '../Data/PageExamples'
    $script:S3 = Join-Path $Examples 's3-example.json'
    $script:Videos = Join-Path $Examples 'videos-sample.json'
    $script:Azure = Join-Path $Examples 'azure-example.json'
}

Describe 'Test-EncordSpec' {
    Context 'return values' {
        It 'returns $true for a valid spec and $false for a broken one, one [bool] per file' {
            $result = Test-EncordSpec $S3, $Videos -ErrorAction SilentlyContinue
            $result | Should -HaveCount 2
            $result[0] | Should -BeOfType [bool]
            $result[0] | Should -BeTrue
            $result[1] | Should -BeFalse
        }

        It 'says with -Summary which of several files failed, and what each holds' {
            $summaries = Test-EncordSpec $S3, $Videos -Summary -ErrorAction SilentlyContinue
            $summaries | Should -HaveCount 2
            $summaries[0] | Should -BeOfType [EncordSpec.SpecSummary]
            $summaries.Path | Should -Be (Resolve-Path $S3).ProviderPath, (Resolve-Path $Videos).ProviderPath
            $summaries.Passed | Should -Be $true, $false
            $summaries[0].Images | Should -Be 2
            $summaries[0].Videos | Should -Be 2
            $summaries[0].ImageGroups | Should -Be 3
            $summaries[0].ObjectUrls | Should -Be 14
            $summaries[0].SmallestGroup | Should -Be 2
            $summaries[0].LargestGroup | Should -Be 4
            $summaries[0].Size | Should -Be (Get-Item $S3).Length
            $summaries[1].Errors | Should -Be 3
            $text = $summaries | Out-String -Width 200
            $text | Should -Match 's3-example.json\s+True\s+0\s+0\s+2\s+2\s+3'
            $text | Should -Match 'videos-sample.json\s+False\s+3'
        }

        It 'passes a spec with warnings, unless -WarningsAsErrors' {
            Test-EncordSpec $Azure -WarningAction SilentlyContinue | Should -BeTrue
            Test-EncordSpec $Azure -WarningsAsErrors -ErrorAction SilentlyContinue | Should -BeFalse
        }

        It 'never throws on files that are not specs' {
            $empty = Join-Path $TestDrive 'empty.json'
            Set-Content -LiteralPath $empty -Value $null -NoNewline
            $binary = Join-Path $TestDrive 'binary.json'
            [IO.File]::WriteAllBytes($binary, [byte[]](0..255 + 0..255))
            $results = Test-EncordSpec $empty, $binary -ErrorVariable problems -ErrorAction SilentlyContinue
            $results | Should -Be @($false, $false)
            $problems.FullyQualifiedErrorId | Should -Contain 'SpecEmpty,EncordSpec.Cmdlets.TestEncordSpecCommand'
        }
    }

    Context 'errors and warnings' {
        It 'writes each problem as an error whose ErrorId is the rule id and whose message names item, line and column' {
            $null = Test-EncordSpec $Videos -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems | Should -HaveCount 3
            $problems.FullyQualifiedErrorId | Should -Be @(
                'ObjectUrlPlaceholder,EncordSpec.Cmdlets.TestEncordSpecCommand'
                'ObjectUrlPlaceholder,EncordSpec.Cmdlets.TestEncordSpecCommand'
                'TrailingComma,EncordSpec.Cmdlets.TestEncordSpecCommand')
            $comma = $problems[2]
            $comma.Exception.Message | Should -BeLike 'skip_duplicate_urls at line 12, column 28 of videos-sample.json: *remove this comma*'
            $comma.CategoryInfo.Category | Should -Be 'InvalidData'
            $comma.TargetObject.RuleId | Should -Be 'TrailingComma'
            $comma.TargetObject.Line | Should -Be 12
        }

        It 'points at every trailing comma of a hand-edited file, not only the first' {
            $spec = "{`n  `"images`": [`n    {`"objectUrl`": `"s3://b/a.jpg`"},`n  ],`n  `"videos`": [`n    {`"objectUrl`": `"s3://b/v.mp4`", `"title`": `"x,]`"},`n  ]`n}"
            $findings = Test-EncordSpec -Spec $spec -Detailed
            $commas = @($findings | Where-Object RuleId -eq TrailingComma)
            $commas | Should -HaveCount 2
            $commas.Line | Should -Be 3, 6
            $commas.Column | Should -Be 34, 50
        }

        It 'writes Warning-severity problems as warnings that start with the rule id' {
            $null = Test-EncordSpec $Azure -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings | Should -HaveCount 3
            $warnings[0].Message | Should -BeLike 'UnsupportedFileType: videos`[0`].objectUrl at line 4, column 14 of azure-example.json: *'
        }

        It 'writes warnings as errors with -WarningsAsErrors' {
            $null = Test-EncordSpec $Azure -WarningsAsErrors -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings
            $warnings | Should -HaveCount 0
            $problems | Should -HaveCount 3
            $problems.FullyQualifiedErrorId | Select-Object -Unique | Should -Be 'UnsupportedFileType,EncordSpec.Cmdlets.TestEncordSpecCommand'
        }

        It 'names the rule of a CSV spec problem with its row and line' {
            $csv = Join-Path $TestDrive 'rows.csv'
            Set-Content -LiteralPath $csv -Value "ObjectUrl,Image group title,Create video`ns3://b/a.jpg,g,true`ns3://b/b jpg.jpg,g,false"
            Test-EncordSpec $csv -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeFalse
            $problems.FullyQualifiedErrorId | Should -Be @(
                'CsvCreateVideoMismatch,EncordSpec.Cmdlets.TestEncordSpecCommand'
                'ObjectUrlWhitespace,EncordSpec.Cmdlets.TestEncordSpecCommand')
            $problems[1].Exception.Message | Should -BeLike 'row 2, ObjectUrl at line 3, column 1 of rows.csv: *'
        }
    }

    Context '-Detailed' {
        It 'outputs finding objects instead of errors, warnings and booleans' {
            $findings = Test-EncordSpec $Videos, $Azure -Detailed -ErrorVariable problems -WarningVariable warnings
            $problems | Should -HaveCount 0
            $warnings | Should -HaveCount 0
            $findings | Should -HaveCount 6
            $findings | ForEach-Object { $_ | Should -BeOfType ([EncordSpec.SpecFinding]) }
            $comma = $findings | Where-Object RuleId -eq TrailingComma
            $comma.Severity | Should -Be 'Error'
            $comma.Location | Should -Be 'skip_duplicate_urls'
            $comma.Line | Should -Be 12
            $comma.Column | Should -Be 28
            $comma.Path | Should -Be (Resolve-Path $Videos).ProviderPath
        }

        It 'lets users count problems with Group-Object RuleId' {
            $groups = Test-EncordSpec $Videos, $Azure -Detailed | Group-Object RuleId | Sort-Object Name
            $groups.Name | Should -Be @('ObjectUrlPlaceholder', 'TrailingComma', 'UnsupportedFileType')
            $groups.ForEach({ $_.Count }) | Should -Be @(2, 1, 3)
        }

        It 'shows findings in a table by default' {
            $text = Test-EncordSpec $Videos -Detailed | Out-String -Width 200
            $text | Should -Match 'Severity\s+RuleId\s+Line\s+Col\s+Location\s+Message'
            $text | Should -Match 'Error\s+TrailingComma\s+12\s+28\s+skip_duplicate_urls'
        }
    }

    Context 'which specs are read' {
        BeforeAll {
            $script:Folder = Join-Path $TestDrive 'specs'
            $null = New-Item $Folder -ItemType Directory
            Copy-Item (Join-Path $Examples '*') $Folder
            Copy-Item $S3 (Join-Path $Folder 'odd [name].json')
        }

        It 'expands wildcards and takes several paths' {
            $jsonFiles = @(Get-ChildItem $Folder -Filter *.json)
            $results = Test-EncordSpec (Join-Path $Folder '*.json'), (Join-Path $Folder '*.csv') -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $results | Should -HaveCount ($jsonFiles.Count + 2)
        }

        It 'takes files from Get-ChildItem by their path, literally' {
            $results = Get-ChildItem $Folder -Filter 'odd*' | Test-EncordSpec
            $results | Should -Be $true
            Get-ChildItem $Folder -Filter *.csv | Test-EncordSpec -ErrorAction SilentlyContinue | Should -Be @($false, $false)
        }

        It 'takes -LiteralPath' {
            Test-EncordSpec -LiteralPath (Join-Path $Folder 'odd [name].json') | Should -BeTrue
        }

        It 'reports a missing file as PathNotFound and returns $false for it' {
            $result = Test-EncordSpec (Join-Path $TestDrive 'nothere.json') -ErrorVariable problems -ErrorAction SilentlyContinue
            $result | Should -BeFalse
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        }

        It 'reports a wildcard that matches nothing' {
            $result = Test-EncordSpec (Join-Path $TestDrive '*.nothing') -ErrorVariable problems -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        }

        It 'checks spec text with -Spec, JSON or CSV by its first character' {
            $json = 's3://bucket/a.jpg', 's3://bucket/b.mp4' | ConvertTo-EncordSpec
            Test-EncordSpec -Spec $json | Should -BeTrue
            Test-EncordSpec -Spec "ObjectUrl,Image group title,Create video`ns3://bucket/a.jpg,," | Should -BeTrue
            Test-EncordSpec -Spec '{"images": []}' -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeFalse
            $problems[0].Exception.Message | Should -BeLike '*the -Spec text: The spec lists no items*'
        }

        It 'reads a file as CSV with -Format Csv whatever its extension' {
            $txt = Join-Path $TestDrive 'spec.txt'
            Set-Content -LiteralPath $txt -Value "ObjectUrl,Image group title,Create video`ns3://bucket/a.jpg,,"
            Test-EncordSpec $txt -Format Csv | Should -BeTrue
            Test-EncordSpec $txt -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeFalse
            $problems[0].Exception.Message | Should -BeLike '*looks like a CSV spec; use -Format Csv*'
        }
    }

    Context 'help' {
        It 'documents every rule in about_EncordSpec_Rules' {
            $help = Get-Help about_EncordSpec_Rules | Out-String
            foreach ($rule in [EncordSpec.Format.SpecRules]::All) {
                $help | Should -Match ([regex]::Escape("$($rule.Id) ($($rule.Severity))"))
            }
        }
    }
}
