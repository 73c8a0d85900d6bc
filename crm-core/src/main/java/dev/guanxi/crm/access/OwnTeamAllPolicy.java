package dev.guanxi.crm.access;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The default own / team / all model; see {@link AccessPolicy#ownTeamAll}. Immutable and thread-safe. */
final class OwnTeamAllPolicy implements AccessPolicy {
    private final TeamDirectory directory;
    private final Map<String, RoleAccess> roles;

    OwnTeamAllPolicy(TeamDirectory directory, Map<String, RoleAccess> roles) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.roles = Map.copyOf(roles);
    }

    /** What a principal's roles grant together. */
    private RoleAccess access(Principal principal) {
        RoleAccess all = RoleAccess.NONE;
        for (String role : principal.roles()) {
            RoleAccess granted = roles.get(role);
            if (granted != null) {
                all = all.union(granted);
            }
        }
        return all;
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        RoleAccess access = access(request.principal());
        Scope scope = request.operation() == Operation.READ ? access.read() : access.write();
        if (request.tenantWide()) {
            if (request.operation() == Operation.READ) {
                return scope != Scope.NONE
                        ? AccessDecision.permit("tenant-wide record, read scope " + scope)
                        : AccessDecision.deny("no role grants reading");
            }
            return scope == Scope.ALL
                    ? AccessDecision.permit("write scope ALL")
                    : AccessDecision.deny("tenant-wide records need write scope ALL, the roles grant " + scope);
        }
        if (scope == Scope.ALL) {
            return AccessDecision.permit("scope ALL");
        }
        if (scope.includes(Scope.OWN) && request.ownedByPrincipal()) {
            return AccessDecision.permit("owner");
        }
        if (scope == Scope.TEAM && request.owner() != null && sharesATeam(request.principal(), request.owner())) {
            return AccessDecision.permit("owner " + request.owner() + " is in a team of the user");
        }
        if (request.share() != null) {
            if (request.operation() == Operation.READ) {
                return AccessDecision.permit("shared with the user");
            }
            if (request.operation() == Operation.WRITE && request.share().allowsWrite()) {
                return AccessDecision.permit("shared with the user for writing");
            }
        }
        return AccessDecision.deny(request.operation() + " scope " + scope + " does not reach the customers of "
                + (request.owner() == null ? "no owner" : request.owner().value()));
    }

    private boolean sharesATeam(Principal principal, dev.guanxi.crm.StaffId owner) {
        if (owner.equals(principal.user())) {
            return true;
        }
        Set<String> teams = directory.teamsOf(owner);
        for (String team : teams) {
            if (principal.isIn(team)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean readsEverything(Principal principal) {
        return access(principal).read() == Scope.ALL;
    }

    @Override
    public boolean writesEverything(Principal principal) {
        return access(principal).write() == Scope.ALL;
    }

    @Override
    public String toString() {
        return "AccessPolicy.ownTeamAll" + roles;
    }
}
