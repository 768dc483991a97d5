using System.Text;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios.Loading;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Tests.Security;

/// <summary>
/// Random and mutated inputs to what reads files and messages from outside: the scenario parser, the replay parser and the
/// readers. Every input gives a result or a precise error (file:line); none crashes or hangs. Seeded, so a failure replays.
/// </summary>
public class FuzzTests
{
    public const int Cases = 10_000;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789_-:[]{},.'\"#&*!|>%@?`\\/=+\t\n\r()<>~^$é→–\u0000\u001b";

    /// <summary>One random edit: delete, insert, replace, duplicate or truncate.</summary>
    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0) return RandomText(random, random.Next(1, 40));
        var at = random.Next(text.Length);
        var length = Math.Min(text.Length - at, random.Next(1, 60));
        return random.Next(6) switch
        {
            0 => text.Remove(at, length),
            1 => text.Insert(at, RandomText(random, random.Next(1, 20))),
            2 => text.Remove(at, length).Insert(at, RandomText(random, length)),
            3 => text.Insert(at, text.Substring(at, length)),
            4 => text[..at],
            _ => text.Insert(at, new string(Alphabet[random.Next(Alphabet.Length)], random.Next(1, 200))),
        };
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }

    /// <summary>A chain of a few edits of <paramref name="seed"/>, or now and then pure noise.</summary>
    private static IEnumerable<string> Inputs(string seed, int count, int randomSeed)
    {
        var random = new Random(randomSeed);
        for (var i = 0; i < count; i++)
        {
            if (i % 50 == 0) { yield return RandomText(random, random.Next(0, 400)); continue; }
            var text = seed;
            for (var edits = random.Next(1, 4); edits > 0; edits--) text = Mutate(text, random);
            yield return text;
        }
    }

    [Fact]
    public void The_scenario_parser_turns_every_mutated_file_into_a_scenario_or_errors_with_their_lines()
    {
        var folder = RepoFiles.Path("scenarios", "missing-zero-grad");
        var (yaml, buggy, fixedText) = (File.ReadAllText(Path.Combine(folder, "scenario.yaml")), File.ReadAllText(Path.Combine(folder, "buggy.py")), File.ReadAllText(Path.Combine(folder, "fixed.py")));
        var files = new[] { "b/s/scenario.yaml", "b/s/buggy.py", "b/s/fixed.py" };
        var n = 0;
        foreach (var mutated in Inputs(yaml, Cases, 1))
        {
            // Now and then the code is mutated too.
            var code = n++ % 10 == 0 ? Mutate(buggy, new Random(n)) : buggy;
            var parsed = ScenarioParser.Parse(new ScenarioSource(files[0], mutated, files[1], code, files[2], fixedText));
            Assert.True(parsed.Scenario is not null || parsed.Errors.Count > 0, "neither a scenario nor an error");
            foreach (var e in parsed.Errors)
            {
                Assert.Contains(e.File, files);
                Assert.True(e.Line >= 1 && e.Message.Length > 0, e.ToString());
            }
        }
    }

    [Fact]
    public void The_replay_parser_turns_every_mutated_file_into_a_script_or_an_error_with_its_line()
    {
        var text = File.ReadAllText(RepoFiles.Path("tests", "BugTrail.Core.Tests", "Replays", "part1-worked-interview.yaml"));
        foreach (var mutated in Inputs(text, Cases, 2))
        {
            try { ReplayScript.Parse("r.yaml", mutated); }
            catch (ReplayFormatException e)
            {
                Assert.Equal("r.yaml", e.Diagnostic.File);
                Assert.True(e.Diagnostic.Line >= 1, e.Message);
            }
        }
    }

    [Fact]
    public void The_rules_read_every_mutated_message()
    {
        var scenario = ShippedBank.Scenario("attention-scaling-missing");
        var seeds = new[] { "/ask grad_norms", "Maybe the attention scores overflow fp16? Can I see the layer-wise gradient norms and the loss?",
            "Line 30 never divides Q @ K.T by sqrt(d_head); fix: scores / math.sqrt(self.d_head)", "/patch\nimport torch\nx = 1" };
        var n = 0;
        foreach (var seed in seeds)
            foreach (var message in Inputs(seed, Cases / seeds.Length, 3 + n++))
                RuleReader.Instance.Read(message, scenario, new ReadingContext(CodeVisible: n % 2 == 0));
    }

    [Fact]
    public void The_meaning_reader_reads_mutated_messages()
    {
        // Short seeds: the model's cost grows with a message's length, and crashes hide in structure, not in length.
        var scenario = ShippedBank.Scenario("grad-accum-scaling");
        var seeds = new[] { "grad norms per layer?", "I'm stuck.", "fix: loss / 8", "maybe fp16? or the lr", "Line 12 never divides by 8." };
        var n = 0;
        foreach (var seed in seeds)
            foreach (var message in Inputs(seed, Cases / seeds.Length, 9 + n++))
                Readers.Meaning.Read(message.Length > 80 ? message[..80] : message, scenario, new ReadingContext(CodeVisible: n % 2 == 0));
    }
}
