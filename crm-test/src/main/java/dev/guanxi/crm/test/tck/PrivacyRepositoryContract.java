package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerShare;
import dev.guanxi.crm.customer.OwnershipRecord;
import dev.guanxi.crm.customer.ShareAccess;
import dev.guanxi.crm.lifecycle.ChurnReason;
import dev.guanxi.crm.lifecycle.LifecycleStage;
import dev.guanxi.crm.lifecycle.StageTransition;
import dev.guanxi.crm.lifecycle.TransitionCause;
import dev.guanxi.crm.privacy.Erasure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code PrivacyRepository}: the tenant's salt is created once (a second create is a
 * {@link DuplicateKeyException}) and read back byte for byte; suppression hashes are added once and looked up
 * exactly; erasure records round-trip at microsecond precision and are unique per customer; scrubbing a
 * customer's logs replaces the texts of its ownership lines, shares, lifecycle transitions and churn notes and
 * leaves every other customer's, and every instant and stage, as they were; tenants never see each other's salt,
 * hashes or erasures.
 */
public abstract class PrivacyRepositoryContract extends RepositoryContract {
    private static final Instant T0 = Instant.parse("2026-03-29T01:00:00.123456Z");
    private static final String MARKER = "[erased]";

    /** Creates the contract. */
    protected PrivacyRepositoryContract() {}

    private static String hash(int n) {
        return String.format("%064x", n);
    }

    @Test
    @DisplayName("the salt is created once per tenant, read back exactly, and invisible to other tenants")
    void salt() {
        byte[] salt = new byte[32];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 37 - 128);
        }
        Optional<byte[]> none = read(TENANT_A, uow -> uow.privacy().salt());
        assertThat(none).isEmpty();
        run(TENANT_A, uow -> uow.privacy().createSalt(salt));
        Optional<byte[]> back = read(TENANT_A, uow -> uow.privacy().salt());
        assertThat(back).hasValueSatisfying(b -> assertThat(b).containsExactly(salt));
        Optional<byte[]> otherTenant = read(TENANT_B, uow -> uow.privacy().salt());
        assertThat(otherTenant).isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.privacy().createSalt(new byte[16])))
                .isInstanceOf(DuplicateKeyException.class);
        Optional<byte[]> still = read(TENANT_A, uow -> uow.privacy().salt());
        assertThat(still).hasValueSatisfying(b -> assertThat(b).containsExactly(salt));
    }

    @Test
    @DisplayName("suppression hashes are added once, looked up exactly, and kept per tenant")
    void suppression() {
        int added = write(TENANT_A, uow -> uow.privacy().suppress(List.of(hash(1), hash(2), hash(2))));
        assertThat(added).isEqualTo(2);
        int again = write(TENANT_A, uow -> uow.privacy().suppress(List.of(hash(2), hash(3))));
        assertThat(again).isEqualTo(1);
        Set<String> found = read(TENANT_A, uow -> uow.privacy().suppressed(List.of(hash(1), hash(3), hash(4))));
        assertThat(found).containsExactlyInAnyOrder(hash(1), hash(3));
        Set<String> other = read(TENANT_B, uow -> uow.privacy().suppressed(List.of(hash(1), hash(2), hash(3))));
        assertThat(other).isEmpty();
    }

    @Test
    @DisplayName("suppression hashes are removed by tenant and hash only; absent hashes are ignored")
    void unsuppress() {
        write(TENANT_A, uow -> uow.privacy().suppress(List.of(hash(1), hash(2), hash(3))));
        write(TENANT_B, uow -> uow.privacy().suppress(List.of(hash(1))));
        // hash(1) and hash(2) are listed, hash(4) is not: 2 removed
        int removed = write(TENANT_A, uow -> uow.privacy().unsuppress(List.of(hash(1), hash(2), hash(2), hash(4))));
        assertThat(removed).isEqualTo(2);
        Set<String> left = read(TENANT_A, uow -> uow.privacy().suppressed(List.of(hash(1), hash(2), hash(3))));
        assertThat(left).containsExactly(hash(3));
        Set<String> other = read(TENANT_B, uow -> uow.privacy().suppressed(List.of(hash(1))));
        assertThat(other).containsExactly(hash(1));
    }

    @Test
    @DisplayName("an erasure record round-trips, is unique per customer and per tenant")
    void erasures() {
        CustomerId id = CustomerId.random();
        Erasure erasure = new Erasure(id, T0.plusNanos(789), "request #42 — 删除 İ 🎉 ' OR 1=1; -- %_");
        run(TENANT_A, uow -> uow.privacy().recordErasure(erasure));
        Optional<Erasure> back = read(TENANT_A, uow -> uow.privacy().erasure(id));
        assertThat(back).contains(erasure);
        assertThat(back.orElseThrow().erasedAt()).isEqualTo(T0);
        Optional<Erasure> otherTenant = read(TENANT_B, uow -> uow.privacy().erasure(id));
        assertThat(otherTenant).isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.privacy().recordErasure(new Erasure(id, T0, "again"))))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    @DisplayName("scrubbing a customer's logs replaces its texts only, keeping stages, instants and other customers")
    void scrub() {
        CustomerId id = CustomerId.random();
        CustomerId other = CustomerId.random();
        StaffId alice = StaffId.of("alice");
        for (CustomerId c : List.of(id, other)) {
            run(TENANT_A, uow -> {
                uow.ownership().appendOwnership(OwnershipRecord.open(c, alice, T0, "secret " + c, null));
                uow.ownership().putShare(new CustomerShare(c, StaffId.of("bob"), ShareAccess.READ, T0, "share " + c));
                uow.lifecycle()
                        .appendAll(List.of(
                                new StageTransition(
                                        c,
                                        null,
                                        LifecycleStage.NEW_CUSTOMER,
                                        T0,
                                        TransitionCause.FIRST_SEEN,
                                        "placed " + c,
                                        List.of()),
                                new StageTransition(
                                        c,
                                        LifecycleStage.NEW_CUSTOMER,
                                        LifecycleStage.LOST,
                                        T0.plusSeconds(60),
                                        TransitionCause.MANUAL,
                                        "moved by hand: " + c,
                                        List.of())));
                uow.lifecycle()
                        .putChurnReason(new ChurnReason(
                                c, T0.plusSeconds(60), "PRICE", null, "note " + c, T0.plusSeconds(61), alice));
            });
        }
        run(TENANT_B, uow -> uow.ownership().appendOwnership(OwnershipRecord.open(id, alice, T0, "tenant b", null)));

        Map<String, Integer> changed = write(TENANT_A, uow -> uow.privacy().scrubLogs(id, MARKER));
        assertThat(changed).containsEntry("ownership", 2).containsEntry("lifecycle", 3);

        read(TENANT_A, uow -> {
            assertThat(uow.ownership().ownershipHistory(id)).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(MARKER);
                assertThat(r.owner()).isEqualTo(alice);
                assertThat(r.from()).isEqualTo(T0);
            });
            assertThat(uow.ownership().sharesOf(id))
                    .extracting(CustomerShare::reason)
                    .containsExactly(MARKER);
            List<StageTransition> log = uow.lifecycle().history(id);
            assertThat(log).extracting(StageTransition::reason).containsExactly(MARKER, MARKER);
            assertThat(log)
                    .extracting(StageTransition::to)
                    .containsExactly(LifecycleStage.NEW_CUSTOMER, LifecycleStage.LOST);
            assertThat(log.get(1).at()).isEqualTo(T0.plusSeconds(60));
            assertThat(uow.lifecycle().churnReasons(id))
                    .extracting(ChurnReason::note)
                    .containsExactly(MARKER);
            assertThat(uow.lifecycle().churnReasons(id))
                    .extracting(ChurnReason::code)
                    .containsExactly("PRICE");

            assertThat(uow.ownership().ownershipHistory(other))
                    .extracting(OwnershipRecord::reason)
                    .containsExactly("secret " + other);
            assertThat(uow.lifecycle().history(other))
                    .extracting(StageTransition::reason)
                    .containsExactly("placed " + other, "moved by hand: " + other);
            assertThat(uow.lifecycle().churnReasons(other))
                    .extracting(ChurnReason::note)
                    .containsExactly("note " + other);
            return null;
        });
        List<OwnershipRecord> tenantB = read(TENANT_B, uow -> uow.ownership().ownershipHistory(id));
        assertThat(tenantB).extracting(OwnershipRecord::reason).containsExactly("tenant b");

        Map<String, Integer> again = write(TENANT_A, uow -> uow.privacy().scrubLogs(id, MARKER));
        assertThat(again).isEmpty();
    }
}
