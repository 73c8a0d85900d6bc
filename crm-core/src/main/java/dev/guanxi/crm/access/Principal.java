package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who makes a call: a member of staff, the teams they belong to and their roles, as the host application's own
 * authentication established them. Given with the call ({@code crm.tenant(id).as(principal)}); the SDK records
 * the user in the {@linkplain dev.guanxi.crm.audit.AuditTrail audit trail} and, when the CRM has an {@link
 * AccessPolicy}, lets the policy decide what the principal may read and change. Guanxi keeps no user records of
 * its own and does not authenticate anyone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param user the member of staff
 * @param teams the teams the user belongs to (ids of 1 to 64 characters of {@code [A-Za-z0-9_.:-]}); may be empty
 * @param roles the user's roles (same syntax); may be empty
 * @since 0.1.0
 */
@Beta
public record Principal(StaffId user, Set<String> teams, Set<String> roles) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /**
     * Validates the components and copies the sets.
     *
     * @param user the member of staff
     * @param teams the teams the user belongs to (ids of 1 to 64 characters of {@code [A-Za-z0-9_.:-]}); may be empty
     * @param roles the user's roles (same syntax); may be empty
     * @throws ValidationException {@link ValidationRule#REQUIRED} on {@code user}, {@code teams} or {@code roles}
     *     if missing (or a set holds null), {@link ValidationRule#INVALID_FORMAT} on {@code teams} or {@code roles}
     *     if a name breaks the syntax
     */
    public Principal {
        if (user == null) {
            throw new ValidationException("user", ValidationRule.REQUIRED, "a principal needs a user");
        }
        teams = names("teams", teams);
        roles = names("roles", roles);
    }

    private static Set<String> names(String field, Set<String> names) {
        if (names == null || names.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException(field, ValidationRule.REQUIRED, field + " must be a set without nulls");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new ValidationException(
                        field,
                        ValidationRule.INVALID_FORMAT,
                        field + " holds a name that is not 1 to 64 of [A-Za-z0-9_.:-]");
            }
        }
        return Set.copyOf(names);
    }

    /**
     * @param user the member of staff's id in the host application
     * @param roles the user's roles
     * @return a principal in no team
     */
    public static Principal of(String user, String... roles) {
        return new Principal(StaffId.of(user), Set.of(), new java.util.HashSet<>(java.util.Arrays.asList(roles)));
    }

    /**
     * @param teams the teams of this principal instead
     * @return a copy in those teams
     */
    public Principal inTeams(String... teams) {
        return new Principal(user, new java.util.HashSet<>(java.util.Arrays.asList(teams)), roles);
    }

    /**
     * @param team a team
     * @return whether the user belongs to it
     */
    public boolean isIn(String team) {
        return teams.contains(team);
    }

    /**
     * @param role a role
     * @return whether the user has it
     */
    public boolean has(String role) {
        return roles.contains(role);
    }
}
