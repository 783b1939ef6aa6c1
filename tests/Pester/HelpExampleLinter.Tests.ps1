# The help generator's example linter (src/Help/ExampleLinter.psm1) on its own: what it says about an example's
# code, checked against PowerShell's own cmdlets (Get-ChildItem, Sort-Object) standing in for a module's.
using module ../../src/Help/ExampleLinter.psm1

BeforeAll {
    $linter = [ExampleLinter]::new([System.Management.Automation.CmdletInfo[]]@(Get-Command Get-ChildItem, Sort-Object))
}

Describe 'The example linter' {
    It 'accepts code that calls the cmdlet with its parameters, aliases, unambiguous prefixes and common parameters' {
        $linter.Check("Get-ChildItem -Path . -Recurse -LiteralP x -ea Stop | Sort-Object -Property Length -Desc", 'Get-ChildItem') | Should -BeNullOrEmpty
    }

    It 'matches cmdlet and parameter names without regard to case, as PowerShell does' {
        $linter.Check('get-childitem -RECURSE', 'Get-ChildItem') | Should -BeNullOrEmpty
    }

    It 'reports each syntax error with its line and column' {
        $problems = $linter.Check("Get-ChildItem |`n    Sort-Object {", 'Get-ChildItem')
        $problems | Should -Be @("does not parse: line 2, column 17: Missing closing '}' in statement block or type definition.")
    }

    It 'says to leave out the prompt and the output when the code is pasted from a console' {
        $pasted = "PS /home/ada> Get-ChildItem -Path docs`n`nMode  Length Name`n----  ------ ----`n-a---     12 a.txt"
        $problems = $linter.Check($pasted, 'Get-ChildItem')
        $problems | Should -Not -BeNullOrEmpty
        $problems | ForEach-Object { $_ | Should -Match '^does not parse: .* \(write the code alone: no PS> prompt, no output\)$' }
    }

    It 'reports code that does not call the cmdlet it documents' {
        $linter.Check('Sort-Object -Property Name', 'Get-ChildItem') | Should -Be @('does not call Get-ChildItem')
    }

    It 'reports a parameter the called cmdlet lacks, and a prefix that could mean several of its names and aliases' {
        $problems = $linter.Check('Get-ChildItem -Pth a | Sort-Object -D', 'Get-ChildItem')
        $problems | Should -Contain 'uses -Pth, which Get-ChildItem does not have'
        $problems | Should -Contain 'uses -D, which Sort-Object does not have (ambiguous: Descending, Debug, db)'
        $problems.Count | Should -Be 2
    }

    It 'checks calls inside script blocks and subexpressions too' {
        $linter.Check('Get-ChildItem | ForEach-Object { Sort-Object -Bogus }', 'Get-ChildItem') | Should -Be @('uses -Bogus, which Sort-Object does not have')
    }

    It 'leaves the parameters of cmdlets it was not given unchecked' {
        $linter.Check('Get-ChildItem | Select-Object -NoSuchParameter', 'Get-ChildItem') | Should -BeNullOrEmpty
    }

    It 'knows the cmdlets added by name, with their parameters' {
        $bare = [ExampleLinter]::new()
        $bare.Check('New-Thing -Colour red', 'New-Thing') | Should -BeNullOrEmpty
        $bare.AddCommand('New-Thing', @('Color', 'Size'))
        $bare.Check('New-Thing -Colour red', 'New-Thing') | Should -Be @('uses -Colour, which New-Thing does not have')
        $bare.Check('New-Thing -Col red -S 2', 'New-Thing') | Should -BeNullOrEmpty
    }
}
