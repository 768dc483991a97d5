using System.ComponentModel.DataAnnotations;

namespace BugTrail.Web.Components.Pages.Account;

public sealed class AccountInput
{
    [Required, StringLength(100)] public string DisplayName { get; set; } = "";
    [Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
    [Required, StringLength(200, MinimumLength = 10)] public string Password { get; set; } = "";
}

public sealed class LoginInput
{
    [Required, EmailAddress] public string Email { get; set; } = "";
    [Required] public string Password { get; set; } = "";
}
