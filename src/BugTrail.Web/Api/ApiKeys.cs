using System.Security.Claims;
using System.Text.Encodings.Web;
using BugTrail.Storage.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BugTrail.Web.Api;

/// <summary>
/// API keys for applicant-tracking systems: <c>Authorization: Bearer KEY</c>. A key belongs to an interviewer
/// account; only its SHA-256 is stored (as an Identity user token), and it is shown once when issued.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<BugTrailDb> factory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Provider = "BugTrail";
    public const string TokenName = "api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return AuthenticateResult.NoResult();
        var key = header["Bearer ".Length..].Trim();
        if (key.Length is < 20 or > 200) return AuthenticateResult.Fail("malformed API key");
        var hash = SessionRepository.Hash(key);
        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var owner = await db.UserTokens.Where(t => t.LoginProvider == Provider && t.Name == TokenName && t.Value == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u).FirstOrDefaultAsync(Context.RequestAborted);
        if (owner is null) return AuthenticateResult.Fail("unknown API key");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, owner.UserName ?? owner.Id), new Claim(ClaimTypes.NameIdentifier, owner.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Issues a new key for an account (replacing any earlier one) and returns it, the only time it is seen.</summary>
    public static async Task<string> IssueAsync(UserManager<InterviewerAccount> users, InterviewerAccount account)
    {
        var key = "bt_" + SessionRepository.NewToken();
        await users.SetAuthenticationTokenAsync(account, Provider, TokenName, SessionRepository.Hash(key));
        return key;
    }
}
