package dev.guanxi.crm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ShareAccess;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The default own / team / all access model")
class OwnTeamAllPolicyTest {
    static final StaffId ALICE = StaffId.of("alice");
    static final StaffId BOB = StaffId.of("bob");
    static final StaffId CAROL = StaffId.of("carol");
    static final CustomerId CUSTOMER = CustomerId.of("00000000-0000-0000-0000-000000000001");
    static final AccessPolicy POLICY = AccessPolicy.ownTeamAll(
            TeamDirectory.of(Map.of(ALICE, Set.of("east"), CAROL, Set.of("east", "north"), BOB, Set.of("west"))),
            Map.of(
                    "rep", RoleAccess.of(Scope.TEAM, Scope.OWN),
                    "viewer", RoleAccess.of(Scope.ALL, Scope.NONE),
                    "admin", RoleAccess.of(Scope.ALL, Scope.ALL)));
    static final Principal REP = Principal.of("alice", "rep").inTeams("east");

    static boolean permits(Principal who, Operation op, StaffId owner, ShareAccess share) {
        return POLICY.decide(new AccessRequest(who, op, "Customer", CUSTOMER, owner, share))
                .permitted();
    }

    static boolean permitsTenantWide(Principal who, Operation op) {
        return POLICY.decide(new AccessRequest(who, op, "Campaign", null, null, null))
                .permitted();
    }

    @Test
    @DisplayName("a rep (read TEAM, write OWN) reads her own and her team's customers and changes only her own")
    void rep() {
        // owner: alice (herself), carol (in team east with her), bob (team west), nobody
        assertThat(permits(REP, Operation.READ, ALICE, null)).isTrue();
        assertThat(permits(REP, Operation.WRITE, ALICE, null)).isTrue();
        assertThat(permits(REP, Operation.SHARE, ALICE, null)).isTrue();
        assertThat(permits(REP, Operation.READ, CAROL, null)).isTrue();
        assertThat(permits(REP, Operation.WRITE, CAROL, null)).isFalse();
        assertThat(permits(REP, Operation.READ, BOB, null)).isFalse();
        assertThat(permits(REP, Operation.WRITE, BOB, null)).isFalse();
        assertThat(permits(REP, Operation.READ, null, null)).isFalse();
        assertThat(permitsTenantWide(REP, Operation.READ)).isTrue();
        assertThat(permitsTenantWide(REP, Operation.WRITE)).isFalse();
    }

    @Test
    @DisplayName("a share grants reading, and writing if it says so, but never sharing on")
    void shares() {
        assertThat(permits(REP, Operation.READ, BOB, ShareAccess.READ)).isTrue();
        assertThat(permits(REP, Operation.WRITE, BOB, ShareAccess.READ)).isFalse();
        assertThat(permits(REP, Operation.WRITE, BOB, ShareAccess.WRITE)).isTrue();
        assertThat(permits(REP, Operation.SHARE, BOB, ShareAccess.WRITE)).isFalse();
        Principal nobody = Principal.of("zoe");
        assertThat(permits(nobody, Operation.READ, BOB, ShareAccess.READ)).isTrue();
        assertThat(permits(nobody, Operation.READ, BOB, null)).isFalse();
    }

    @Test
    @DisplayName("scope ALL reaches every record, tenant-wide ones too; several roles give the widest scope of each")
    void allAndRoles() {
        Principal admin = Principal.of("root", "admin");
        Principal viewerAndRep = Principal.of("alice", "viewer", "rep").inTeams("east");
        Principal unknownRole = Principal.of("x", "janitor");

        assertThat(permits(admin, Operation.WRITE, null, null)).isTrue();
        assertThat(permitsTenantWide(admin, Operation.WRITE)).isTrue();
        assertThat(POLICY.readsEverything(admin)).isTrue();
        assertThat(POLICY.writesEverything(admin)).isTrue();
        // viewer (ALL, NONE) + rep (TEAM, OWN) = (ALL, OWN)
        assertThat(permits(viewerAndRep, Operation.READ, BOB, null)).isTrue();
        assertThat(permits(viewerAndRep, Operation.WRITE, BOB, null)).isFalse();
        assertThat(permits(viewerAndRep, Operation.WRITE, ALICE, null)).isTrue();
        assertThat(POLICY.readsEverything(viewerAndRep)).isTrue();
        assertThat(POLICY.writesEverything(viewerAndRep)).isFalse();
        assertThat(permitsTenantWide(unknownRole, Operation.READ)).isFalse();
        assertThat(POLICY.readsEverything(REP)).isFalse();
    }

    @Test
    @DisplayName("a decision says why")
    void reasons() {
        AccessDecision team = POLICY.decide(new AccessRequest(REP, Operation.READ, "Order", CUSTOMER, CAROL, null));
        AccessDecision denied = POLICY.decide(new AccessRequest(REP, Operation.WRITE, "Order", CUSTOMER, BOB, null));

        assertThat(team.reason()).isEqualTo("owner carol is in a team of the user");
        assertThat(denied.reason()).isEqualTo("WRITE scope OWN does not reach the customers of bob");
    }

    @Test
    @DisplayName("bad input: roles that write more than they read, principals without a user or with ill-formed names")
    void badInput() {
        assertThatThrownBy(() -> RoleAccess.of(Scope.OWN, Scope.TEAM))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE));
        assertThatThrownBy(() -> RoleAccess.of(null, Scope.NONE))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("read"));
        assertThatThrownBy(() -> new Principal(null, Set.of(), Set.of()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("user"));
        assertThatThrownBy(() -> Principal.of("alice", "has space"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT));
        assertThatThrownBy(() -> Principal.of("alice").inTeams((String) null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED));
        assertThatThrownBy(() -> Crm.builder().accessPolicy(POLICY).accessPolicy(POLICY))
                .isInstanceOf(IllegalStateException.class);
    }
}
