using CarbonLedger.Audit;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CarbonLedger.Web.Components.Shared;

/// <summary>A page of one organization (/o/{OrgId}/…): resolves the signed-in member with
/// <see cref="OrganizationAccess.ForAsync"/> (not a member → "not found"), then loads the page's data. Each data access
/// runs in its own DI scope (<see cref="UseAsync{T}"/>): an interactive circuit lives long, a DbContext should not.</summary>
public abstract class OrgPage : ComponentBase
{
    [Parameter] public Guid OrgId { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected MemberContext? Member { get; private set; }

    public bool IsMissing { get; private set; }

    public bool IsLoaded { get; private set; }

    /// <summary>The member, known to exist once the page has loaded.</summary>
    protected MemberContext Me => Member ?? throw new InvalidOperationException("member not resolved");

    protected bool Can(Permission permission) => Member?.Can(permission) == true;

    protected override async Task OnParametersSetAsync()
    {
        var user = AuthState is null ? new System.Security.Claims.ClaimsPrincipal() : (await AuthState).User;
        Member = await UseAsync(sp => sp.GetRequiredService<OrganizationAccess>().ForAsync(user, OrgId));
        IsMissing = Member is null;
        if (Member is not null)
        {
            await LoadAsync();
        }
        IsLoaded = true;
    }

    /// <summary>Loads the page's data (the member is resolved).</summary>
    protected abstract Task LoadAsync();

    protected async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected async Task UseAsync(Func<IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Server-side check before a write: re-reads the membership (a removed member or changed role takes effect at
    /// once) and returns it only when it grants <paramref name="permission"/>.</summary>
    protected async Task<MemberContext?> AllowedAsync(Permission permission)
    {
        var user = AuthState is null ? new System.Security.Claims.ClaimsPrincipal() : (await AuthState).User;
        var fresh = await UseAsync(sp => sp.GetRequiredService<OrganizationAccess>().ForAsync(user, OrgId));
        return fresh is not null && fresh.Can(permission) ? fresh : null;
    }

    protected string OrgHref(string suffix = "") => $"/o/{OrgId}{suffix}";
}
