using BugTrail.Storage.Banks;

namespace BugTrail.Storage.Tests;

/// <summary>A bank is read only from inside itself: practice shows its files to anonymous visitors.</summary>
public class BankFolderTests
{
    private static string ShippedScenario(string id)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BugTrail.slnx"))) return Path.Combine(dir.FullName, "scenarios", id);
        throw new InvalidOperationException("the repository root was not found");
    }

    [Fact]
    public void A_link_from_a_bank_to_a_file_outside_it_is_refused_with_its_path()
    {
        var outside = Directory.CreateTempSubdirectory("bugtrail-outside-");
        var secret = Path.Combine(outside.FullName, "secret.py");
        File.WriteAllText(secret, "API_KEY = 'do-not-show-me'\n");
        var bank = Directory.CreateTempSubdirectory("bugtrail-bank-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(bank.FullName, "linked")).FullName;
            foreach (var file in new[] { "scenario.yaml", "fixed.py" }) File.Copy(Path.Combine(ShippedScenario("missing-zero-grad"), file), Path.Combine(folder, file));
            File.CreateSymbolicLink(Path.Combine(folder, "buggy.py"), secret);

            var loaded = BankFolders.Load([bank.FullName]);
            Assert.Empty(loaded.Scenarios);
            var error = Assert.Single(loaded.Errors, e => e.Message.Contains("outside the bank", StringComparison.Ordinal));
            Assert.EndsWith(Path.Combine("linked", "buggy.py"), error.File, StringComparison.Ordinal);
            Assert.Equal(1, error.Line);
            Assert.DoesNotContain(loaded.Errors, e => e.Message.Contains("do-not-show-me", StringComparison.Ordinal));
        }
        finally
        {
            bank.Delete(recursive: true);
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_link_inside_the_bank_is_followed()
    {
        var bank = Directory.CreateTempSubdirectory("bugtrail-bank-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(bank.FullName, "shared")).FullName;
            foreach (var file in new[] { "scenario.yaml", "buggy.py", "fixed.py" }) File.Copy(Path.Combine(ShippedScenario("missing-zero-grad"), file), Path.Combine(bank.FullName, file + ".orig"));
            foreach (var file in new[] { "scenario.yaml", "buggy.py", "fixed.py" }) File.CreateSymbolicLink(Path.Combine(folder, file), Path.Combine(bank.FullName, file + ".orig"));
            var loaded = BankFolders.Load([bank.FullName]);
            Assert.Empty(loaded.Errors);
            Assert.Single(loaded.Scenarios);
        }
        finally { bank.Delete(recursive: true); }
    }
}
