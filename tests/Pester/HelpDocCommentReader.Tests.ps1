# The help generator's doc-comment reader (src/Help/DocCommentReader.psm1) on its own: XML documentation as the
# C# compiler writes it (members indented by 8 spaces, their content by 12) read into help's plain text, with
# Get-ChildItem standing in for a module's cmdlet in references.
using module ../../src/Help/CommandHelp.psm1
using module ../../src/Help/DocCommentReader.psm1

BeforeAll {
    Add-Type -TypeDefinition @'
namespace DocReaderFixture
{
    public class ThingBase
    {
        public virtual string Name { get; set; }
        public int Size;
    }

    public class Thing : ThingBase
    {
        public override string Name { get; set; }
        public string Colour { get; set; }
    }
}
'@
    function New-DocFile([string] $Name, [string] $Members) {
        $path = Join-Path $TestDrive $Name
        [System.IO.File]::WriteAllText($path, "<?xml version=`"1.0`"?>`n<doc>`n    <assembly>`n        <name>DocReaderFixture</name>`n    </assembly>`n    <members>`n$Members    </members>`n</doc>`n")
        $path
    }
    $docFile = New-DocFile 'docs.xml' @'
        <member name="T:DocReaderFixture.Thing">
            <summary>Makes a <see cref="T:DocReaderFixture.Thing"/>, like
            <see cref="T:Microsoft.PowerShell.Commands.GetChildItemCommand"/> with
            <see cref="P:Microsoft.PowerShell.Commands.GetChildItemCommand.Recurse"/>.</summary>
            <remarks>
            <para>First <c>paragraph</c><br/>after a break; <paramref name="Colour"/>   is
            <see langword="true"/><!-- not shown -->.</para>
            <list type="number">
            <item><term>One</term><description>the first.</description></item>
            <item>Two, without a term.</item>
            </list>
            </remarks>
            <example>
            <code>New-Thing |
                Format-List</code>
            <code>
            Get-Thing
            </code>
            <para>Makes a thing and shows it.</para>
            </example>
            <example><para>Has no code.</para></example>
            <returns>A <see cref="T:System.String"/>.</returns>
            <seealso cref="T:Microsoft.PowerShell.Commands.GetChildItemCommand"/>
            <seealso href="https://example.com/things">The thing guide</seealso>
            <seealso href="https://example.com/raw"/>
            <seealso cref="T:DocReaderFixture.Thing">the thing itself</seealso>
        </member>
        <member name="P:DocReaderFixture.ThingBase.Name">
            <summary>The name, documented on the base class.</summary>
        </member>
        <member name="P:DocReaderFixture.Thing.Name">
            <remarks>An override without a summary of its own.</remarks>
        </member>
        <member name="F:DocReaderFixture.ThingBase.Size">
            <summary>A field.</summary>
        </member>

'@
    $reader = [DocCommentReader]::new([DocCommentReader]::ReadMembers($docFile), [System.Management.Automation.CmdletInfo[]]@(Get-Command Get-ChildItem))
    $flags = [System.Reflection.BindingFlags]'Public, Instance, DeclaredOnly'
}

Describe 'Reading a class''s doc comment' {
    BeforeAll {
        $thing = $reader.ReadType([DocReaderFixture.Thing])
    }

    It 'renders references: a cmdlet class by its name, a cmdlet''s property as its parameter, other types by full name' {
        $thing.Summary | Should -Be @('Makes a DocReaderFixture.Thing, like Get-ChildItem with -Recurse.')
        $thing.Returns | Should -Be @('A System.String.')
    }

    It 'makes paragraphs of para, br and list items, collapsing whitespace and dropping comments' {
        $thing.Remarks | Should -Be @('First paragraph', 'after a break; Colour is $true.', '1. One: the first.', '2. Two, without a term.')
    }

    It 'takes an example''s code blocks, without the file''s indentation, and the rest as its remarks' {
        $thing.Examples.Count | Should -Be 2
        $thing.Examples[0].Code | Should -Be "New-Thing |`n    Format-List`n`nGet-Thing"
        $thing.Examples[0].Remarks | Should -Be @('Makes a thing and shows it.')
        $thing.Examples[1].Code | Should -BeNullOrEmpty
        $thing.Examples[1].Remarks | Should -Be @('Has no code.')
    }

    It 'names a see-also link by its text, else by what it refers to, and keeps a web address' {
        @($thing.SeeAlso | ForEach-Object { "$($_.Text)|$($_.Uri)" }) | Should -Be @(
            'Get-ChildItem|'
            'The thing guide|https://example.com/things'
            'https://example.com/raw|https://example.com/raw'
            'the thing itself|')
    }

    It 'names the elements that must be given once and are given more often, as two partial declarations can' {
        $thing.Repeated | Should -BeNullOrEmpty
        $members = [DocCommentReader]::ReadMembers($docFile)
        $member = $members['T:DocReaderFixture.Thing']
        foreach ($name in 'returns', 'summary') { $null = $member.AppendChild($member.SelectSingleNode($name).CloneNode($true)) }
        $twice = [DocCommentReader]::new($members, [System.Management.Automation.CmdletInfo[]]@()).ReadType([DocReaderFixture.Thing])
        $twice.Repeated | Should -Be @('summary', 'returns')
    }

    It 'reads nothing, without failing, for a class that has no doc comment' {
        $none = $reader.ReadType([DocReaderFixture.ThingBase])
        $none.Summary | Should -BeNullOrEmpty
        $none.Remarks | Should -BeNullOrEmpty
        $none.Examples | Should -BeNullOrEmpty
        $none.SeeAlso | Should -BeNullOrEmpty
    }
}

Describe 'Reading a parameter''s description' {
    It 'takes the summary of the nearest declaration that has one: an override without one falls back to its base' {
        $declarations = @([DocReaderFixture.Thing].GetMember('Name', 'Property', $flags)) + [DocReaderFixture.ThingBase].GetMember('Name', 'Property', $flags)
        $reader.ReadSummary($declarations) | Should -Be @('The name, documented on the base class.')
    }

    It 'reads fields as well as properties' {
        $reader.ReadSummary([DocReaderFixture.ThingBase].GetMember('Size', 'Field', $flags)) | Should -Be @('A field.')
    }

    It 'reads nothing for an undocumented property or one PowerShell adds (no declaration)' {
        $reader.ReadSummary([DocReaderFixture.Thing].GetMember('Colour', 'Property', $flags)) | Should -BeNullOrEmpty
        $reader.ReadSummary(@()) | Should -BeNullOrEmpty
    }
}

Describe 'Doc comment details' {
    It 'resolves a cref as help text reads it' {
        $base = [Microsoft.PowerShell.Commands.GetChildItemCommand].BaseType.FullName
        $reader.ResolveCref('Microsoft.PowerShell.Commands.GetChildItemCommand') | Should -Be 'Get-ChildItem' # as written when unresolved
        $reader.ResolveCref("P:$base.Force") | Should -Be '-Force' -Because 'a base class of a cmdlet declares parameters too'
        $reader.ResolveCref('P:System.IO.FileInfo.Length') | Should -Be 'FileInfo.Length'
        $reader.ResolveCref('M:System.String.Split(System.Char[])') | Should -Be 'String.Split'
        $reader.ResolveCref('M:System.Text.StringBuilder.#ctor(System.Int32)') | Should -Be 'StringBuilder'
        $reader.ResolveCref('T:System.Collections.Generic.List`1') | Should -Be 'System.Collections.Generic.List'
    }

    It 'names types as doc ids do: nested types with a dot, constructed generics by their definition' {
        [DocCommentReader]::DocTypeName([System.Environment+SpecialFolder]) | Should -Be 'System.Environment.SpecialFolder'
        [DocCommentReader]::DocTypeName([System.Collections.Generic.List[int]]) | Should -Be 'System.Collections.Generic.List`1'
    }

    It 'removes the indentation code has in the file and the blank lines around it, keeping its own indentation' {
        [DocCommentReader]::FormatCode("`n            a |`n                b`n`n            c`n            ", 12) | Should -Be "a |`n    b`n`nc"
    }

    It 'takes from a code block that starts on the code tag''s line only the indentation of the member''s content' {
        # Its first line carries no file indentation, so only the rest can tell how deep the file indents.
        [DocCommentReader]::FormatCode("x |`n                y", 12) | Should -Be "x |`n    y"
        [DocCommentReader]::FormatCode("x |`n                y", -1) | Should -Be "x |`ny" -Because 'without the member''s indentation the common indentation is all it knows'
    }

    It 'reads several documentation files into one lookup, a later file''s member replacing an earlier one''s' {
        $later = New-DocFile 'later.xml' "        <member name=`"F:DocReaderFixture.ThingBase.Size`"><summary>Replaced.</summary></member>`n"
        $members = [DocCommentReader]::ReadMembers(@($docFile, $later))
        $members.Keys | Should -Contain 'T:DocReaderFixture.Thing'
        $members['F:DocReaderFixture.ThingBase.Size'].InnerText | Should -Be 'Replaced.'
    }
}
