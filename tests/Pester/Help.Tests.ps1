# What a user sees with Get-Help, for every cmdlet the built module exports (found, not listed here).

BeforeDiscovery {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
    $cmdlets = @(Get-Command -Module EncordSpec -CommandType Cmdlet | ForEach-Object {
            # Every parameter but the common ones and those hidden from users with DontShow.
            $names = @($_.Parameters.Values | Where-Object {
                    $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters -and
                    -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
                } | ForEach-Object Name | Sort-Object)
            @{ Name = $_.Name; ParameterNames = $names; Parameters = @($names | ForEach-Object { @{ Parameter = $_ } }) }
        })
}

BeforeAll {
    Import-Module $env:ENCORDSPEC_MODULE_PATH -Force
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'comes from the module''s MAML file, not the syntax-only help PowerShell makes up' {
        $help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell's synopsis is the command's syntax, which starts with its name.
        $help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Name))\s"
        $help.Synopsis.Trim() | Should -Not -BeLike '*CommonParameters*'
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes -<Parameter>' -ForEach $Parameters {
        $parameterHelp = Get-Help $Name -Parameter $Parameter
        ($parameterHelp.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'lists exactly the parameters the cmdlet has' {
        @($help.parameters.parameter.name | Sort-Object) | Should -Be $ParameterNames
    }

    It 'shows one syntax line per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'has at least two examples, each with code and a remark' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'has examples whose code parses and calls the cmdlet' {
        foreach ($example in @($help.examples.example)) {
            $tokens = $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($example.code, [ref]$tokens, [ref]$errors)
            $errors | Should -BeNullOrEmpty -Because "$($example.title.Trim(' -')) should parse: $($example.code)"
            $called = @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)) |
                ForEach-Object { $_.GetCommandName() }
            $called | Should -Contain $Name -Because "$($example.title.Trim(' -')) should show $Name"
        }
    }

    It 'links to about_EncordSpec' {
        $help.relatedLinks.navigationLink.linkText | Should -Contain 'about_EncordSpec'
    }
}

Describe 'Parameter details taken from the cmdlets' {
    It 'shows a default read from the cmdlet: -CreateVideo defaults to True' {
        (Get-Help New-EncordImageGroup -Parameter CreateVideo).defaultValue | Should -Be 'True'
    }

    It 'shows no default for a mandatory parameter: -Provider must be given' {
        (Get-Help Get-CloudObject -Parameter Provider).defaultValue | Should -Be 'None'
    }

    It 'shows aliases, position and the parameter set a parameter is mandatory in' {
        $path = Get-Help ConvertTo-EncordSpec -Parameter Path
        $path.aliases | Should -Be 'FilePath, OutFile'
        $path.position | Should -Be '0'
        $path.required | Should -Be 'false'
        (Get-Help New-EncordImageGroup -Parameter Title).required | Should -Be 'true'
    }

    It 'shows pipeline input and switch parameters' {
        (Get-Help ConvertTo-EncordSpec -Parameter InputObject).pipelineInput | Should -Be 'True (ByValue)'
        $syntax = (Get-Help ConvertTo-EncordSpec).syntax | Out-String -Width 400
        $syntax | Should -Match '\[-Csv\]'
        $syntax | Should -Match '\[\[-Path\] <String>\]'
        $syntax | Should -Match '\[-WhatIf\] \[-Confirm\]'
    }

    It 'describes -WhatIf and -Confirm, which PowerShell adds' {
        ((Get-Help ConvertTo-EncordSpec -Parameter WhatIf).description.Text -join ' ') | Should -Match 'what would happen'
        ((Get-Help ConvertTo-EncordSpec -Parameter Confirm).description.Text -join ' ') | Should -Match 'confirmation'
    }

    It 'renders doc comment references as plain text' {
        $text = Get-Help New-EncordDicomSeries -Full | Out-String -Width 400
        $text | Should -Match 'It works like New-EncordImageGroup:'
        $text | Should -Not -Match 'cref|T:EncordSpec|<see'
    }
}

Describe 'The MAML help file' {
    BeforeAll {
        $commands = @(Get-Command -Module EncordSpec -CommandType Cmdlet)
        $moduleBase = Split-Path $env:ENCORDSPEC_MODULE_PATH
    }

    It 'is in en-US under the name each cmdlet''s HelpFile gives, where both PowerShell editions look' {
        foreach ($command in $commands) {
            $helpFile = Split-Path $command.HelpFile -Leaf
            $helpFile | Should -Be "$($command.ImplementingType.Assembly.GetName().Name).dll-Help.xml"
            Join-Path $moduleBase "en-US/$helpFile" | Should -Exist
        }
    }

    It 'follows the MAML schema that PowerShell ships (Windows PowerShell 5.1 has the same), apart from PowerShell 7''s aliases attribute' {
        # The schema files import each other as maml.xsd while one is named Maml.xsd: on a case-sensitive file
        # system they need copies under the names they import.
        $schemaFolder = Join-Path $TestDrive 'PSMaml'
        Copy-Item (Join-Path $PSHOME 'Schemas/PSMaml') $schemaFolder -Recurse
        $files = Get-ChildItem $schemaFolder -Filter '*.xsd'
        $imported = $files | Select-String -Pattern 'schemaLocation="([^"]+)"' -AllMatches |
            ForEach-Object { $_.Matches.Groups | Where-Object Name -eq 1 | ForEach-Object Value } | Sort-Object -Unique
        foreach ($name in $imported) {
            $file = Join-Path $schemaFolder $name
            if (-not (Test-Path -LiteralPath $file)) {
                Copy-Item ($files | Where-Object Name -eq $name | Select-Object -First 1).FullName $file
            }
        }
        $schemas = [System.Xml.Schema.XmlSchemaSet]::new()
        $schemas.XmlResolver = [System.Xml.XmlUrlResolver]::new()
        $null = $schemas.Add('http://schemas.microsoft.com/maml/dev/command/2004/10', (Join-Path $schemaFolder 'developerCommand.xsd'))

        $findings = [System.Collections.Generic.List[string]]::new()
        foreach ($helpFile in $commands.HelpFile | Split-Path -Leaf | Sort-Object -Unique) {
            $maml = [xml]::new()
            $maml.Load((Join-Path $moduleBase "en-US/$helpFile"))
            $maml.DocumentElement.LocalName | Should -Be 'helpItems'
            $maml.DocumentElement.NamespaceURI | Should -Be 'http://msh'
            $maml.DocumentElement.GetAttribute('schema') | Should -Be 'maml'
            foreach ($command in $maml.DocumentElement.ChildNodes) {
                $command.NamespaceURI | Should -Be 'http://schemas.microsoft.com/maml/dev/command/2004/10'
                $single = [xml]::new()
                $null = $single.AppendChild($single.ImportNode($command, $true))
                $single.Schemas = $schemas
                # Warnings count too: an element in an unknown namespace is only a warning.
                $single.Validate({ param($sender, $event) $findings.Add("$($command.details.name): $($event.Message)") })
            }
        }
        $findings | Where-Object { $_ -notmatch "The 'aliases' attribute is not declared" } | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help ConvertTo-EncordSpec -Examples' {
    It 'shows every example with its code' {
        $shown = Get-Help ConvertTo-EncordSpec -Examples | Out-String -Width 400
        $examples = @((Get-Help ConvertTo-EncordSpec -Full).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        for ($i = 1; $i -le $examples.Count; $i++) {
            $shown | Should -Match "Example $i\b"
        }
        $shown | Should -Match ([regex]::Escape('ConvertTo-EncordSpec -Csv -Path'))
        $shown | Should -Match ([regex]::Escape('-ClientMetadata {'))
    }
}

Describe 'about_EncordSpec' {
    BeforeAll {
        $about = Get-Help about_EncordSpec | Out-String -Width 200
    }

    It 'is found by Get-Help' {
        $about | Should -Match 'about_EncordSpec'
        $about | Should -Match 'SHORT DESCRIPTION'
    }

    It 'names every exported cmdlet' {
        foreach ($name in (Get-Command -Module EncordSpec -CommandType Cmdlet).Name) {
            $about | Should -Match ([regex]::Escape($name)) -Because "the overview should say what $name is for"
        }
    }

    It 'has pipeline examples that parse' {
        $file = Join-Path (Split-Path $env:ENCORDSPEC_MODULE_PATH) 'en-US/about_EncordSpec.help.txt'
        # Code blocks: a line indented by 8 spaces, and the lines indented at least as deep that follow it.
        $indented = [regex]::Matches((Get-Content $file -Raw), '(?m)^ {8}\S.*\r?\n(?: {8,}\S.*\r?\n)*')
        $indented.Count | Should -BeGreaterOrEqual 4
        foreach ($block in $indented.Value | Where-Object { $_ -match 'Encord|CloudObject' -and $_ -notmatch 'https://<' }) {
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($block, [ref]$null, [ref]$errors)
            $errors | Should -BeNullOrEmpty -Because "this should parse: $block"
        }
    }

    It 'starts with a byte-order mark, so Windows PowerShell 5.1 reads it as UTF-8' {
        $file = Join-Path (Split-Path $env:ENCORDSPEC_MODULE_PATH) 'en-US/about_EncordSpec.help.txt'
        $bytes = [System.IO.File]::ReadAllBytes($file)
        $bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
    }
}
