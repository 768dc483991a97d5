using BugTrail.Storage.Database;
using Microsoft.AspNetCore.Identity;

namespace BugTrail.Web.Services;

/// <summary>
/// Password sign-in without the two classic leaks: failures are limited per address, not per account (so nobody can lock
/// an interviewer out by guessing at their email), and an unknown email costs the same password check as a known one and
/// gets the same answer (so neither the message nor the timing tells whether an account exists).
/// </summary>
public sealed class SignInGuard(UserManager<InterviewerAccount> users, SignInManager<InterviewerAccount> signIn, TimeProvider clock)
{
    /// <summary>Failed attempts one address may make in <see cref="Window"/>.</summary>
    public const int FailuresPerAddress = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const string Refused = "Wrong email or password.";
    public const string Throttled = "Too many failed sign-ins from this address; try again in a few minutes.";

    private static readonly AddressFailures Failures = new(FailuresPerAddress, Window);
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<InterviewerAccount>().HashPassword(new InterviewerAccount(), Guid.NewGuid().ToString()));

    /// <summary>Signs in, or returns why not (one message for every wrong email or password).</summary>
    public async Task<string?> SignInAsync(string address, string email, string password)
    {
        var now = clock.GetUtcNow();
        if (Failures.Throttled(address, now)) return Throttled;
        var account = await users.FindByEmailAsync(email);
        var succeeded = false;
        if (account is null) users.PasswordHasher.VerifyHashedPassword(new InterviewerAccount(), DummyHash.Value, password);
        else succeeded = (await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: false)).Succeeded;
        if (succeeded) return null;
        Failures.Record(address, now);
        return Refused;
    }
}
