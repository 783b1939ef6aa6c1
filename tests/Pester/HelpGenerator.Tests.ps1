# The help generator (src/Help) on cmdlets that EncordSpec does not have yet: a base class that declares a
# parameter, parameter sets, SupportsPaging, ValidateSet, enums, wildcards, aliases, pipeline input by property
# name, defaults, and doc comments with markup, indentation and mistakes. The fixture is compiled here, its XML
# documentation written as the C# compiler writes it, and the result read back through Get-Help.
using module ../../src/Help/CmdletModel.psm1
using module ../../src/Help/CommandHelp.psm1
using module ../../src/Help/DocCommentReader.psm1
using module ../../src/Help/ExampleLinter.psm1
using module ../../src/Help/HelpCompiler.psm1
using module ../../src/Help/MamlWriter.psm1

BeforeAll {
    $helpFolder = Join-Path $PSScriptRoot '../../src/Help'

    $moduleDir = Join-Path $TestDrive 'HelpFixture'
    $null = New-Item $moduleDir -ItemType Directory
    $fixtureSource = @'
using System.Management.Automation;
namespace HelpFixture
{
    public enum Shade { Light, Dark }

    public abstract class GenericCommandBase<T> : PSCmdlet
    {
        [Parameter]
        public T Limit { get; set; }
    }

    public abstract class FixtureCommandBase : GenericCommandBase<int>
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Bucket")]
        [SupportsWildcards]
        public string Container { get; set; } = "photos";
    }

    [Cmdlet(VerbsCommon.Get, "HelpFixture", SupportsShouldProcess = true, SupportsPaging = true, DefaultParameterSetName = "ByName")]
    [OutputType(typeof(string))]
    public sealed class GetHelpFixtureCommand : FixtureCommandBase
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByName", ValueFromPipeline = true)]
        public string[] Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "ById")]
        public int Id { get; set; }

        [Parameter]
        [ValidateSet("Fast", "Thorough")]
        public string Mode { get; set; } = "Fast";

        [Parameter]
        public Shade Shade { get; set; } = Shade.Dark;

        [Parameter]
        public int PageSize { get; set; } = 1000;

        [Parameter]
        public SwitchParameter Recurse { get; set; }

        [Parameter(DontShow = true)]
        public SwitchParameter InternalTrace { get; set; }

        protected override void ProcessRecord() => WriteObject(Container);
    }

    [Cmdlet(VerbsCommon.Get, "HelpFixtureGap")]
    public sealed class GetHelpFixtureGapCommand : FixtureCommandBase
    {
        [Parameter]
        public string Undocumented { get; set; }
    }
}
'@
    $dll = Join-Path $moduleDir 'HelpFixture.dll'
    Add-Type -TypeDefinition $fixtureSource -OutputAssembly $dll -OutputType Library
    New-ModuleManifest -Path (Join-Path $moduleDir 'HelpFixture.psd1') -RootModule 'HelpFixture.dll' -CmdletsToExport '*'
    $module = Import-Module (Join-Path $moduleDir 'HelpFixture.psd1') -PassThru -Force

    # As the C# compiler writes /// comments: member content indented by 12 spaces.
    $goodMembers = @'
        <member name="T:HelpFixture.GetHelpFixtureCommand">
            <summary>Gets fixtures, like <see cref="T:HelpFixture.GetHelpFixtureGapCommand"/>
            but <c>complete</c>.</summary>
            <remarks>
            <para>Reads <see cref="P:HelpFixture.FixtureCommandBase.Container"/> and returns
            <see langword="null"/> for <paramref name="Name"/> values it lacks; see
            <see href="https://example.com/fixtures">the fixture guide</see>.</para>
            <list type="bullet">
            <item><term>Fast</term><description>looks once.</description></item>
            <item><description>Thorough looks twice.</description></item>
            </list>
            <code>
            Get-HelpFixture a |
                Select-Object -First 1
            </code>
            </remarks>
            <example>
            <code>
            Get-HelpFixture -Name a, b |
                Sort-Object
            </code>
            <para>Gets two fixtures, sorted.</para>
            </example>
            <example>
            <code>Import-Csv ./fixtures.csv |
                Get-HelpFixture -Bucket 'cam*' -Mode Thorough</code>
            <para>Takes Container from the Bucket column.</para>
            <para>Second paragraph.</para>
            </example>
            <returns>The container's name, as a string.</returns>
            <seealso cref="T:HelpFixture.GetHelpFixtureGapCommand"/>
        </member>
        <member name="P:HelpFixture.GenericCommandBase`1.Limit">
            <summary>At most this many. Declared on a generic base class.</summary>
        </member>
        <member name="P:HelpFixture.FixtureCommandBase.Container">
            <summary>The container to read. Declared on the base class.</summary>
        </member>
        <member name="P:HelpFixture.GetHelpFixtureCommand.Name">
            <summary>Names of fixtures.</summary>
        </member>
        <member name="P:HelpFixture.GetHelpFixtureCommand.Id">
            <summary>The id of one fixture.</summary>
        </member>
        <member name="P:HelpFixture.GetHelpFixtureCommand.Mode">
            <summary>How hard to look.</summary>
        </member>
        <member name="P:HelpFixture.GetHelpFixtureCommand.Shade">
            <summary>The shade.</summary>
        </member>
        <member name="P:HelpFixture.GetHelpFixtureCommand.PageSize">
            <summary>Fixtures per page.</summary>
        </member>
        <member name="P:HelpFixture.GetHelpFixtureCommand.Recurse">
            <summary>Looks in sub-containers too.</summary>
        </member>
'@
    $gapMembers = @'
        <member name="T:HelpFixture.GetHelpFixtureGapCommand">
            <summary>Shows what a build must refuse.</summary>
            <example>
            <code>Get-HelpFixtureGap -Container (</code>
            <para>Does not parse.</para>
            </example>
            <example>
            <code>Get-HelpFixture -Nmae x -Co y</code>
            <para>Calls another cmdlet, with a parameter it does not have and one that is ambiguous.</para>
            </example>
        </member>
'@
    $fixedGapMembers = @'
        <member name="T:HelpFixture.GetHelpFixtureGapCommand">
            <summary>Shows what a build must refuse, fixed.</summary>
            <example><code>Get-HelpFixtureGap -Cont x</code><para>One.</para></example>
            <example><code>Get-HelpFixtureGap -Undocumented y</code><para>Two.</para></example>
        </member>
        <member name="P:HelpFixture.GetHelpFixtureGapCommand.Undocumented">
            <summary>Now documented.</summary>
        </member>
'@
    function New-DocXml([string] $Path, [string[]] $Members) {
        $xml = "<?xml version=`"1.0`"?>`n<doc>`n    <assembly>`n        <name>HelpFixture</name>`n    </assembly>`n    <members>`n" +
            ($Members -join '') + "    </members>`n</doc>`n"
        [System.IO.File]::WriteAllText($Path, $xml)
        $Path
    }
    $brokenDocs = New-DocXml (Join-Path $TestDrive 'broken.xml') $goodMembers, $gapMembers
    $fixedDocs = New-DocXml (Join-Path $TestDrive 'fixed.xml') $goodMembers, $fixedGapMembers

    $cmdlets = @($module.ExportedCmdlets.Values)
    $compiler = [HelpCompiler]::new([DocCommentReader]::new([DocCommentReader]::ReadMembers($brokenDocs), $cmdlets), [ExampleLinter]::new($cmdlets))
    $gapHelp = $compiler.Compile([CmdletModel]::new((Get-Command Get-HelpFixtureGap)))
    $fixtureHelp = $compiler.Compile([CmdletModel]::new((Get-Command Get-HelpFixture)))
}

AfterAll {
    Remove-Module HelpFixture -ErrorAction Ignore
}

Describe 'The cmdlet model' {
    BeforeAll {
        $model = [CmdletModel]::new((Get-Command Get-HelpFixture))
        function Get-ModelParameter([string] $Name) { $model.Parameters.Where({ $_.Name -eq $Name })[0] }
    }

    It 'has a syntax per parameter set, the default set first, in the order of PowerShell''s own syntax without hidden parameters' {
        $model.Syntax.Name | Should -Be @('ByName', 'ById')
        $own = @((Get-Command Get-HelpFixture -Syntax) -split '\r?\n' | Where-Object { $_.Trim() })
        for ($i = 0; $i -lt 2; $i++) {
            $ownNames = @([regex]::Matches($own[$i], '(?<=[\[ ])-(\w+)') | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -ne 'InternalTrace' })
            $model.Syntax[$i].Parameters.Parameter.Name | Should -Be $ownNames
        }
    }

    It 'lists every parameter users see once: positional ones, then those a set requires, then the rest' {
        $visible = (Get-Command Get-HelpFixture).Parameters.Keys.Where({ $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters -and $_ -ne 'InternalTrace' })
        @($model.Parameters.Name | Sort-Object) | Should -Be @($visible | Sort-Object)
        $model.Parameters[0].Name | Should -Be 'Name'
        $model.Parameters[1].Name | Should -Be 'Id'
    }

    It 'reads how a parameter binds across its sets' {
        $name = Get-ModelParameter Name
        $name.Position | Should -Be '0'
        $name.Required | Should -BeTrue
        $name.PipelineInput | Should -Be 'True (ByValue)'
        $name.Type | Should -Be ([string[]])
        $id = Get-ModelParameter Id
        $id.Position | Should -Be 'named'
        $id.Required | Should -BeTrue -Because 'it is mandatory in the one set it is in'
        $container = Get-ModelParameter Container
        $container.PipelineInput | Should -Be 'True (ByPropertyName)'
        $container.Aliases | Should -Be @('Bucket')
        $container.Globbing | Should -BeTrue
        # In the syntax, each set has its parameter as that set declares it.
        $model.Syntax[0].Parameters[0].Required | Should -BeTrue
        $model.Syntax[1].Parameters.Where({ $_.Parameter.Name -eq 'Container' })[0].PipelineInput | Should -Be 'True (ByPropertyName)'
    }

    It 'reads accepted values from ValidateSet and enums, and defaults from a fresh instance' {
        (Get-ModelParameter Mode).AcceptedValues | Should -Be @('Fast', 'Thorough')
        (Get-ModelParameter Shade).AcceptedValues | Should -Be @('Light', 'Dark')
        (Get-ModelParameter Mode).DefaultValue | Should -Be 'Fast'
        (Get-ModelParameter Shade).DefaultValue | Should -Be 'Dark'
        (Get-ModelParameter Container).DefaultValue | Should -Be 'photos'
        (Get-ModelParameter PageSize).DefaultValue | Should -Be '1000'
        (Get-ModelParameter Recurse).DefaultValue | Should -Be 'False'
        (Get-ModelParameter First).DefaultValue | Should -Be 'None' -Because 'PowerShell adds -First; no property holds a default'
        (Get-ModelParameter Id).DefaultValue | Should -Be 'None' -Because 'a mandatory parameter has no default, though its int property starts as 0'
    }

    It 'finds the declarations a parameter''s doc comment can be on, nearest first, none for those PowerShell adds' {
        (Get-ModelParameter Name).Declarations.DeclaringType | Should -Be @([HelpFixture.GetHelpFixtureCommand])
        (Get-ModelParameter Container).Declarations.DeclaringType | Should -Be @([HelpFixture.FixtureCommandBase])
        (Get-ModelParameter Limit).Declarations[0].DeclaringType.GetGenericTypeDefinition() | Should -Be ([HelpFixture.GenericCommandBase`1])
        (Get-ModelParameter WhatIf).Declarations | Should -BeNullOrEmpty
    }

    It 'writes a default as Get-Help shows it, numbers in the invariant culture, objects as None' {
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            [CmdletModel]::FormatDefault(2.5) | Should -Be '2.5'
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        [CmdletModel]::FormatDefault($null) | Should -Be 'None'
        [CmdletModel]::FormatDefault('') | Should -Be 'None'
        [CmdletModel]::FormatDefault(@()) | Should -Be 'None'
        [CmdletModel]::FormatDefault(@('a', 2)) | Should -Be 'a, 2'
        [CmdletModel]::FormatDefault([switch]$true) | Should -Be 'True'
        [CmdletModel]::FormatDefault([DayOfWeek]::Monday) | Should -Be 'Monday'
        [CmdletModel]::FormatDefault([timespan]::FromSeconds(90)) | Should -Be '00:01:30'
        [CmdletModel]::FormatDefault([System.Text.StringBuilder]::new('x')) | Should -Be 'None'
    }
}

Describe 'Finding what a cmdlet''s help lacks' {
    It 'names the property that needs a description' {
        $gapHelp.Problems | Should -Contain 'parameter -Undocumented has no description: add /// <summary> to property HelpFixture.GetHelpFixtureGapCommand.Undocumented'
    }

    It 'takes a parameter''s description from the base class that declares it, generic ones included' {
        $gapHelp.Problems | Should -Not -Match 'parameter -(Container|Limit)'
        $gapHelp.FindParameter('Container').Description | Should -Be 'The container to read. Declared on the base class.'
        $gapHelp.FindParameter('Limit').Description | Should -Be 'At most this many. Declared on a generic base class.'
    }

    It 'leaves out parameters hidden with DontShow' {
        $fixtureHelp.Parameters.Parameter.Name | Should -Not -Contain 'InternalTrace'
        $fixtureHelp.Cmdlet.Syntax.Parameters.Parameter.Name | Should -Not -Contain 'InternalTrace'
    }

    It 'reports example code that does not parse, with its position' {
        $gapHelp.Problems | Should -Contain "example 1 does not parse: line 1, column 32: Missing closing ')' in expression."
    }

    It 'reports an example that does not call its cmdlet, and parameters the module''s cmdlets lack' {
        $gapHelp.Problems | Should -Contain 'example 2 does not call Get-HelpFixtureGap'
        $gapHelp.Problems | Should -Contain 'example 2 uses -Nmae, which Get-HelpFixture does not have'
        $gapHelp.Problems | Should -Contain 'example 2 uses -Co, which Get-HelpFixture does not have (ambiguous: Container, Confirm)'
    }

    It 'requires a synopsis and two examples' {
        $members = [DocCommentReader]::ReadMembers($brokenDocs)
        $gap = $members['T:HelpFixture.GetHelpFixtureGapCommand']
        $null = $gap.RemoveChild($gap.SelectSingleNode('summary'))
        $null = $gap.RemoveChild($gap.SelectSingleNode('example'))
        $withoutLinter = [HelpCompiler]::new([DocCommentReader]::new($members, $cmdlets), [ExampleLinter]::new())
        $help = $withoutLinter.Compile([CmdletModel]::new((Get-Command Get-HelpFixtureGap)))
        $help.Problems | Should -Contain 'no synopsis: add /// <summary> to class HelpFixture.GetHelpFixtureGapCommand'
        $help.Problems | Should -Contain '1 example(s), at least 2 needed: add /// <example><code>...</code><para>...</para></example> to class HelpFixture.GetHelpFixtureGapCommand'
    }

    It 'reports a summary, remarks or returns written twice, as two partial declarations of a class can' {
        $members = [DocCommentReader]::ReadMembers($fixedDocs)
        $fixture = $members['T:HelpFixture.GetHelpFixtureCommand']
        $null = $fixture.AppendChild($fixture.SelectSingleNode('remarks').CloneNode($true))
        $help = [HelpCompiler]::new([DocCommentReader]::new($members, $cmdlets), [ExampleLinter]::new($cmdlets)).Compile([CmdletModel]::new((Get-Command Get-HelpFixture)))
        $help.Problems | Should -Be @('more than one <remarks>: keep one among the declarations of partial class HelpFixture.GetHelpFixtureCommand')
    }

    It 'finds nothing missing in complete help, PowerShell''s own -WhatIf, -Confirm and paging parameters included' {
        $fixtureHelp.Problems | Should -BeNullOrEmpty
        foreach ($name in 'WhatIf', 'Confirm', 'First', 'Skip', 'IncludeTotalCount') {
            $fixtureHelp.FindParameter($name).Description | Should -Not -BeNullOrEmpty -Because "-$name is added by PowerShell"
        }
    }
}

Describe 'Build-ModuleHelp.ps1' {
    It 'fails, listing every problem, and writes no help when help is incomplete' {
        $output = & (Join-Path $helpFolder 'Build-ModuleHelp.ps1') -ModuleDir $moduleDir -DocXml $brokenDocs 2>&1
        $LASTEXITCODE | Should -Be 1
        $message = ($output | ForEach-Object { "$_" }) -join "`n"
        $message | Should -Match 'Help for HelpFixture is incomplete \(6 problem\(s\)\)'
        $message | Should -Match 'Get-HelpFixtureGap: parameter -Undocumented has no description'
        Join-Path $moduleDir 'en-US/HelpFixture.dll-Help.xml' | Should -Not -Exist
    }

    It 'writes MAML that Get-Help shows once the help is complete' {
        $null = & (Join-Path $helpFolder 'Build-ModuleHelp.ps1') -ModuleDir $moduleDir -DocXml $fixedDocs 6>&1
        $LASTEXITCODE | Should -Be 0
        Join-Path $moduleDir 'en-US/HelpFixture.dll-Help.xml' | Should -Exist
        Join-Path $moduleDir 'en-US/about_EncordSpec.help.txt' | Should -Exist
        (Get-Help Get-HelpFixtureGap).Synopsis | Should -Be 'Shows what a build must refuse, fixed.'
    }
}

Describe 'The MAML Get-Help reads' {
    BeforeAll {
        # Written by the previous Describe block, from the fixed docs.
        $help = Get-Help Get-HelpFixture -Full
        $text = $help | Out-String -Width 300
    }

    It 'renders doc markup as plain text: cmdlet and parameter references, langwords, links, lists, code' {
        $help.Synopsis | Should -Be 'Gets fixtures, like Get-HelpFixtureGap but complete.'
        # Get-Help ends each paragraph but the last with a line break.
        $paragraphs = @($help.description.Text | ForEach-Object { $_.TrimEnd("`n") })
        $paragraphs[0] | Should -Be 'Reads -Container and returns $null for Name values it lacks; see the fixture guide (https://example.com/fixtures).'
        $paragraphs[1] | Should -Be '- Fast: looks once.'
        $paragraphs[2] | Should -Be '- Thorough looks twice.'
        $paragraphs[3] | Should -Be "Get-HelpFixture a |`n    Select-Object -First 1"
    }

    It 'keeps example code as written, without the doc file''s indentation' {
        $examples = @($help.examples.example)
        $examples[0].code | Should -Be "Get-HelpFixture -Name a, b |`n    Sort-Object"
        $examples[1].code | Should -Be "Import-Csv ./fixtures.csv |`n    Get-HelpFixture -Bucket 'cam*' -Mode Thorough"
        @($examples[1].remarks.Text | Where-Object { $_ } | ForEach-Object { $_.TrimEnd("`n") }) | Should -Be @('Takes Container from the Bucket column.', 'Second paragraph.')
    }

    It 'shows each parameter set, accepted values and switches in the syntax' {
        $syntax = @(($help.syntax | Out-String -Width 400) -split '\r?\n' | Where-Object { $_.Trim() } | ForEach-Object { $_.Trim() })
        $syntax.Count | Should -Be 2
        $syntax[0] | Should -BeLike 'Get-HelpFixture `[-Name`] <String`[`]> *'
        $syntax[0] | Should -BeLike '*-Mode {Fast | Thorough}*'
        $syntax[0] | Should -BeLike '*-Shade {Light | Dark}*'
        $syntax[0] | Should -BeLike '*`[-Recurse`]*'
        $syntax[0] | Should -Not -BeLike '*-Id*'
        $syntax[1] | Should -BeLike 'Get-HelpFixture -Id <Int32> *'
    }

    It 'shows type, position, pipeline input, aliases, wildcards and defaults' {
        $name = Get-Help Get-HelpFixture -Parameter Name
        $name.type.name | Should -Be 'System.String[]'
        $name.position | Should -Be '0'
        $name.required | Should -Be 'true'
        $name.pipelineInput | Should -Be 'True (ByValue)'

        $container = Get-Help Get-HelpFixture -Parameter Container
        $container.pipelineInput | Should -Be 'True (ByPropertyName)'
        $container.aliases | Should -Be 'Bucket'
        $container.globbing | Should -Be 'true'
        $container.defaultValue | Should -Be 'photos'

        (Get-Help Get-HelpFixture -Parameter Mode).defaultValue | Should -Be 'Fast'
        ((Get-Help Get-HelpFixture -Parameter Mode).description.Text -join ' ') | Should -Match 'Accepted values: Fast, Thorough'
        (Get-Help Get-HelpFixture -Parameter Shade).defaultValue | Should -Be 'Dark'
        (Get-Help Get-HelpFixture -Parameter PageSize).defaultValue | Should -Be '1000'
        (Get-Help Get-HelpFixture -Parameter Recurse).defaultValue | Should -Be 'False'
        (Get-Help Get-HelpFixture -Parameter Id).required | Should -Be 'true'
    }

    It 'lists the parameters positional first, then the mandatory ones' {
        @($help.parameters.parameter.name)[0..2] | Should -Be @('Name', 'Id', 'Mode')
    }

    It 'describes inputs, outputs and related links' {
        $text | Should -Match 'INPUTS\s+System\.String\[\]\s+-Name: Names of fixtures\.'
        $text | Should -Match 'Objects with properties named Container or Bucket bind them'
        $text | Should -Match "OUTPUTS\s+System\.String\s+The container's name, as a string\."
        # The see-also link, then every about topic the builder copies (each cmdlet links to all of them).
        $topics = Get-ChildItem (Join-Path $PSScriptRoot '../../src/Help') -Filter 'about_*.help.txt' |
            ForEach-Object { $_.Name -replace '\.help\.txt$', '' } | Sort-Object
        $topics | Should -Contain 'about_EncordSpec'
        $help.relatedLinks.navigationLink.linkText | Should -Be (@('Get-HelpFixtureGap') + $topics)
    }
}

Describe 'The MAML writer' {
    BeforeAll {
        # Help made by hand, so that what the file holds can only come from the writer.
        $model = [CmdletModel]::new((Get-Command Get-HelpFixture))
        $written = [CommandHelp]@{
            Cmdlet      = $model
            Synopsis    = 'Gets fixtures.'
            Description = @('First paragraph.', 'Second paragraph.')
            Parameters  = @(foreach ($parameter in $model.Parameters) { [ParameterHelp]@{ Parameter = $parameter; Description = @("About $($parameter.Name).") } })
            Inputs      = @()
            Outputs     = @([TypeHelp]@{ TypeName = 'System.String'; Description = @('A name.') })
            Examples    = @([ExampleHelp]@{ Code = 'Get-HelpFixture a'; Remarks = @('Gets a.') }, [ExampleHelp]@{ Code = 'Get-HelpFixture -Id 1'; Remarks = @() })
            Links       = @([LinkHelp]@{ Text = 'Guide'; Uri = 'https://example.com/guide' })
        }
        $path = Join-Path $TestDrive 'writer/Written.dll-Help.xml'
        $null = New-Item (Split-Path $path) -ItemType Directory
        [MamlWriter]::WriteFile($path, @($written))
        $maml = [xml]::new()
        $maml.Load($path)
        $names = [System.Xml.XmlNamespaceManager]::new($maml.NameTable)
        $names.AddNamespace('msh', 'http://msh')
        $names.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $names.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $names.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $command = $maml.SelectSingleNode('/msh:helpItems[@schema="maml"]/command:command', $names)
        function Select-Maml([string] $XPath, [System.Xml.XmlNode] $From = $command) { @($From.SelectNodes($XPath, $names)) }
    }

    It 'writes UTF-8 without a byte-order mark, one command with its name, synopsis and description' {
        $bytes = [System.IO.File]::ReadAllBytes($path)
        $bytes[0] | Should -Be ([byte][char]'<')
        (Select-Maml 'command:details/command:name').InnerText | Should -Be 'Get-HelpFixture'
        (Select-Maml 'command:details/maml:description/maml:para').InnerText | Should -Be 'Gets fixtures.'
        (Select-Maml 'maml:description/maml:para').InnerText | Should -Be @('First paragraph.', 'Second paragraph.')
        (Select-Maml 'command:details/maml:copyright/maml:para').Count | Should -Be 1 -Because 'the schema wants a paragraph, even an empty one'
    }

    It 'writes each parameter set as a syntax item with the set''s own parameters' {
        $items = Select-Maml 'command:syntax/command:syntaxItem'
        $items.Count | Should -Be 2
        (Select-Maml 'command:parameter/maml:name' $items[1]).InnerText[0] | Should -Be 'Id'
        @(Select-Maml 'command:parameter[maml:name="Id"]' $items[1])[0].GetAttribute('required') | Should -Be 'true'
        (Select-Maml 'command:parameter/maml:name' $items[1]).InnerText | Should -Not -Contain 'Name'
    }

    It 'shows a switch without a value in the syntax, accepted values as a group there, and short type names' {
        $syntax = @(Select-Maml 'command:syntax/command:syntaxItem')[0]
        Select-Maml 'command:parameter[maml:name="Recurse"]/command:parameterValue' $syntax | Should -BeNullOrEmpty
        (Select-Maml 'command:parameter[maml:name="Mode"]/command:parameterValueGroup/command:parameterValue' $syntax).InnerText | Should -Be @('Fast', 'Thorough')
        $name = @(Select-Maml 'command:parameter[maml:name="Name"]/command:parameterValue' $syntax)[0]
        $name.InnerText | Should -Be 'String[]'
        $name.GetAttribute('variableLength') | Should -Be 'true'
        $recurse = @(Select-Maml 'command:parameters/command:parameter[maml:name="Recurse"]')[0]
        @(Select-Maml 'command:parameterValue' $recurse)[0].GetAttribute('required') | Should -Be 'false'
        (Select-Maml 'dev:type/maml:name' $recurse).InnerText | Should -Be 'System.Management.Automation.SwitchParameter'
        (Select-Maml 'dev:defaultValue' $recurse).InnerText | Should -Be 'False'
        (Select-Maml 'maml:description/maml:para' $recurse).InnerText | Should -Be 'About Recurse.'
    }

    It 'numbers the examples and ends each one''s remarks with an empty paragraph that spaces them apart' {
        $examples = Select-Maml 'command:examples/command:example'
        (Select-Maml 'maml:title' $examples[1]).InnerText | Should -Be '-------------------------- Example 2 --------------------------'
        (Select-Maml 'dev:code' $examples[1]).InnerText | Should -Be 'Get-HelpFixture -Id 1'
        @((Select-Maml 'dev:remarks/maml:para' $examples[0]).InnerText) | Should -Be @('Gets a.', '')
        @((Select-Maml 'dev:remarks/maml:para' $examples[1]).InnerText) | Should -Be @('')
    }

    It 'writes outputs and links' {
        (Select-Maml 'command:returnValues/command:returnValue/dev:type/maml:name').InnerText | Should -Be 'System.String'
        Select-Maml 'command:inputTypes/command:inputType' | Should -BeNullOrEmpty
        (Select-Maml 'maml:relatedLinks/maml:navigationLink/maml:uri').InnerText | Should -Be 'https://example.com/guide'
    }

    It 'names types as Get-Help does' {
        [MamlWriter]::FriendlyTypeName([string[]]) | Should -Be 'String[]'
        [MamlWriter]::FriendlyTypeName([Nullable[int]]) | Should -Be 'Nullable[Int32]'
        [MamlWriter]::FriendlyTypeName([System.Collections.Generic.Dictionary[string, object]]) | Should -Be 'Dictionary[String,Object]'
    }
}
