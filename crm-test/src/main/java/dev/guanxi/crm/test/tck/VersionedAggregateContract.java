package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Aggregate;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.spi.storage.AggregateRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AggregateRepository} shares, checked for one aggregate type: insert and find,
 * duplicate ids, optimistic locking on update and delete, tenant isolation and rollback. A repository's
 * contract extends this and adds its queries.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public abstract class VersionedAggregateContract<I, A extends Aggregate<I>> extends RepositoryContract {
    /** Creates the contract. */
    protected VersionedAggregateContract() {}

    /**
     * Returns the repository under test.
     *
     * @param uow the unit of work
     * @return its repository of this aggregate type
     */
    protected abstract AggregateRepository<I, A> repository(UnitOfWork uow);

    /**
     * Creates a new aggregate at version 1 with a fresh id; not stored.
     *
     * @return the aggregate
     */
    protected abstract A newAggregate();

    /**
     * Returns an aggregate changed in some visible way, one version later.
     *
     * @param aggregate the current state
     * @return the changed state, same id, version + 1
     */
    protected abstract A changed(A aggregate);

    private Optional<A> findIn(TenantId tenant, I id) {
        return read(tenant, uow -> repository(uow).find(id));
    }

    /** An inserted aggregate is found, equal to what was inserted, by a later unit of work. */
    @Test
    @DisplayName("an inserted aggregate is found, equal, by a later unit of work")
    protected void insertThenFind() {
        A a = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(a));
        assertThat(findIn(TENANT_A, a.id())).contains(a);
    }

    /** An unknown id finds nothing. */
    @Test
    @DisplayName("an unknown id finds nothing")
    protected void unknownIdFindsNothing() {
        assertThat(findIn(TENANT_A, newAggregate().id())).isEmpty();
    }

    /** A second insert with the same id is refused. */
    @Test
    @DisplayName("a second insert with the same id throws DuplicateKeyException and keeps the first")
    protected void duplicateIdRefused() {
        A a = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(a));
        assertThatThrownBy(() -> run(TENANT_A, uow -> repository(uow).insert(a)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(findIn(TENANT_A, a.id())).contains(a);
    }

    /** An update at the current version replaces the stored state. */
    @Test
    @DisplayName("an update at the current version replaces the stored state")
    protected void updateAtCurrentVersion() {
        A a = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(a));
        A b = changed(a);
        run(TENANT_A, uow -> repository(uow).update(a.version(), b));
        assertThat(findIn(TENANT_A, a.id())).contains(b);
        A c = changed(b);
        run(TENANT_A, uow -> repository(uow).update(b.version(), c));
        assertThat(findIn(TENANT_A, a.id())).contains(c);
    }

    /** An update based on an old version is refused and changes nothing. */
    @Test
    @DisplayName("an update based on an old version throws StaleVersionException and changes nothing")
    protected void staleUpdateRefused() {
        A a = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(a));
        A b = changed(a);
        run(TENANT_A, uow -> repository(uow).update(a.version(), b));
        A lost = changed(a); // based on version 1 again
        assertThatThrownBy(() -> run(TENANT_A, uow -> repository(uow).update(a.version(), lost)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(findIn(TENANT_A, a.id())).contains(b);
    }

    /** An update whose new version is not the expected version + 1 is refused. */
    @Test
    @DisplayName("an update whose new version is not expected + 1 throws IllegalArgumentException")
    protected void updateMustRaiseVersionByOne() {
        A a = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(a));
        A twoAhead = changed(changed(a));
        assertThatThrownBy(() -> run(TENANT_A, uow -> repository(uow).update(a.version(), twoAhead)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(findIn(TENANT_A, a.id())).contains(a);
    }

    /** An update of an aggregate that was never stored is refused. */
    @Test
    @DisplayName("an update of an aggregate that does not exist throws NotFoundException")
    protected void updateOfMissingRefused() {
        A a = newAggregate();
        assertThatThrownBy(() -> run(TENANT_A, uow -> repository(uow).update(a.version(), changed(a))))
                .isInstanceOf(NotFoundException.class);
        assertThat(findIn(TENANT_A, a.id())).isEmpty();
    }

    /** A delete at the current version removes the aggregate; an old version or a missing one is refused. */
    @Test
    @DisplayName("a delete needs the current version; afterwards the aggregate is gone")
    protected void deleteNeedsCurrentVersion() {
        A a = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(a));
        A b = changed(a);
        run(TENANT_A, uow -> repository(uow).update(a.version(), b));
        assertThatThrownBy(() -> run(TENANT_A, uow -> repository(uow).delete(a.id(), a.version())))
                .isInstanceOf(StaleVersionException.class);
        assertThat(findIn(TENANT_A, a.id())).contains(b);
        run(TENANT_A, uow -> repository(uow).delete(b.id(), b.version()));
        assertThat(findIn(TENANT_A, a.id())).isEmpty();
        assertThatThrownBy(() -> run(TENANT_A, uow -> repository(uow).delete(b.id(), b.version())))
                .isInstanceOf(NotFoundException.class);
    }

    /** Another tenant neither sees nor changes the aggregate. */
    @Test
    @DisplayName("another tenant can neither find, update nor delete the aggregate")
    protected void tenantIsolation() {
        A a = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(a));
        assertThat(findIn(TENANT_B, a.id())).isEmpty();
        assertThatThrownBy(() -> run(TENANT_B, uow -> repository(uow).update(a.version(), changed(a))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(TENANT_B, uow -> repository(uow).delete(a.id(), a.version())))
                .isInstanceOf(NotFoundException.class);
        assertThat(findIn(TENANT_A, a.id())).contains(a);
    }

    /** A scan visits every aggregate of the tenant once, in id order, and nothing of another tenant. */
    @Test
    @DisplayName("a scan visits each of the tenant's aggregates once, in ascending id order, and no other tenant's")
    protected void scanVisitsTheTenantOnly() {
        List<A> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(newAggregate());
        }
        A other = newAggregate();
        run(TENANT_A, uow -> repository(uow).insertAll(mine));
        run(TENANT_B, uow -> repository(uow).insert(other));
        List<A> seen = new ArrayList<>();
        long count = read(TENANT_A, uow -> repository(uow).scan(seen::add));
        assertThat(count).isEqualTo(5);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(mine);
        List<String> ids = new ArrayList<>();
        for (A a : seen) {
            ids.add(idText(a.id()));
        }
        assertThat(ids).isSorted();
        List<A> empty = new ArrayList<>();
        long none = read(new TenantId("nobody"), uow -> repository(uow).scan(empty::add));
        assertThat(none).isZero();
        assertThat(empty).isEmpty();
    }

    private static String idText(Object id) {
        if (id instanceof Record r && r.getClass().getRecordComponents().length == 1) {
            try {
                return String.valueOf(
                        r.getClass().getRecordComponents()[0].getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(id);
    }

    /** A unit of work that throws leaves nothing it wrote. */
    @Test
    @DisplayName("a unit of work that throws leaves nothing behind")
    protected void rollbackLeavesNothing() {
        A kept = newAggregate();
        run(TENANT_A, uow -> repository(uow).insert(kept));
        A a = newAggregate();
        RuntimeException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    repository(uow).insert(a);
                    repository(uow).update(kept.version(), changed(kept));
                    assertThat(repository(uow).find(a.id())).contains(a); // visible inside its own unit
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(findIn(TENANT_A, a.id())).isEmpty();
        assertThat(findIn(TENANT_A, kept.id())).contains(kept);
    }
}
