package dev.guanxi.crm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.jdbc.Dialect;
import dev.guanxi.crm.test.Fixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The customer cache never goes back to an older version")
class StorageStateTest {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final TenantId ACME = TenantId.of("acme");

    final StorageState state = new StorageState(new SqlDialect(Dialect.H2), 100, 100, null);
    final Customer v1 =
            Customer.create(CustomerId.random(), Fixtures.aCustomer().build(), NOW);
    final Customer v2 = v1.revise(v1.draft().toBuilder().displayName("v2").build(), NOW.plusSeconds(1));
    final Customer v3 = v2.revise(v2.draft().toBuilder().displayName("v3").build(), NOW.plusSeconds(2));

    Optional<Long> cachedVersion() {
        return state.cachedCustomer(ACME, v1.id()).map(Customer::version);
    }

    @Test
    @DisplayName("a late offer of a row read before a newer commit is refused")
    void lateOffer() {
        state.committedUpdate(ACME, v2);
        state.offer(ACME, v1);
        assertThat(cachedVersion()).contains(2L);
    }

    @Test
    @DisplayName("after a stale-version failure a late offer of an older row is refused; the newer one is taken")
    void floorAfterStale() {
        // a writer saw v1 in the cache, but the database has v2: its update fails and evicts
        state.offer(ACME, v1);
        state.evict(ACME, v1.id(), 1);
        assertThat(cachedVersion()).isEmpty();
        // a reader who read v1 from the database before v2 was committed offers it late: it must not come back
        state.offer(ACME, v1);
        assertThat(cachedVersion()).isEmpty();
        assertThat(state.cachedAsDeleted(ACME, v1.id())).isFalse();
        // the current row is cached again
        state.offer(ACME, v2);
        assertThat(cachedVersion()).contains(2L);
        state.evict(ACME, v1.id(), 1); // an older stale failure arriving late changes nothing
        assertThat(cachedVersion()).contains(2L);
        state.committedUpdate(ACME, v3);
        assertThat(cachedVersion()).contains(3L);
    }

    @Test
    @DisplayName("a tombstone outranks every offer, and a committed insert replaces it")
    void tombstone() {
        state.offer(ACME, v2);
        state.committedDelete(ACME, v1.id());
        state.offer(ACME, v3);
        assertThat(cachedVersion()).isEmpty();
        assertThat(state.cachedAsDeleted(ACME, v1.id())).isTrue();
        state.committedInsert(ACME, v1);
        assertThat(cachedVersion()).contains(1L);
    }
}
