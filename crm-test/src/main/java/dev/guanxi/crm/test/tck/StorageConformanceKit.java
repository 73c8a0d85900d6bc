package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.spi.storage.Storage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The storage conformance kit: every {@link Storage} implementation must pass it. An adapter's test is a
 * subclass that says how to create an empty store:
 *
 * <pre>{@code
 * class InMemoryStorageConformanceTest extends StorageConformanceKit {
 *     protected Storage createStorage() { return new InMemoryStorage(); }
 * }
 * }</pre>
 *
 * <p>There is one {@link Nested} group per repository, plus units of work and the outbox, and groups for the
 * storage items of the reliability test catalogue: round trips of every aggregate type with every component
 * set and with none, in hard Unicode, and dates and instants across JVM time zones (V2, D1); the lost-update
 * hammer, stale writes and the duplicate-create race (C1, C2, C4, in the units of work); the cross-tenant
 * sweep (T1); SQL metacharacters in every text and filter (S1); exact money sums (M1); the points ledger under
 * concurrent awards and redemptions (C5); concurrent moves of one customer through the lifecycle log; merges of
 * duplicate customers with a failure injected at every step (A3); bulk import (idempotent re-import, all or
 * nothing (A2), resuming after a failure between or inside batches); deterministic interleavings of an
 * operation on a customer with an update of it, against a checked-in golden table (C7); every event type
 * through the outbox, and pending events across a restart. Each test gets a new store from {@link
 * #createStorage()}, closed after the test.
 *
 * <p>An adapter's test may override, besides {@link #createStorage()}:
 *
 * <ul>
 *   <li>{@link #reopen(Storage)}: a durable store opens a new store on the closed one's data; the restart
 *       tests fail for a durable store without it and are skipped only for a store whose {@link
 *       Storage#capabilities()} says it is not durable;
 *   <li>{@link #hammerDuration()} and {@link #hammerThreads()}: the size of C1, by default 8 threads × 10 s
 *       (system properties {@value TransactionContract#HAMMER_SECONDS_PROPERTY} and {@value
 *       TransactionContract#HAMMER_THREADS_PROPERTY} override it);
 *   <li>{@link #raceThreads()} and {@link #raceRounds()}: the size of C4, by default 8 threads × 200 rounds;
 *   <li>{@link #sweepTenants()}: the tenants of T1, by default 3;
 *   <li>{@link #moneySumRows()}: the orders and payments of M1, by default 2,000 each.
 * </ul>
 */
public abstract class StorageConformanceKit {
    private Storage storage;

    /** Creates the kit. */
    protected StorageConformanceKit() {}

    /**
     * Creates a new, empty store. Called once per test.
     *
     * @return the store under test
     */
    protected abstract Storage createStorage();

    @BeforeEach
    void openStorage() {
        storage = createStorage();
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    /**
     * Opens a new store on the data of a closed one, as after a restart of the JVM: a durable store's test
     * implements this (for example by opening the same database file or URL again); a store that is not
     * {@linkplain dev.guanxi.crm.spi.storage.StorageCapabilities#durable() durable} keeps the default. The kit
     * closes the old store first and closes the new one after the test. The tests that use this (outbox
     * events surviving a restart, dates read after a restart in another time zone) are skipped for a store that
     * says it is not durable, and fail for a durable store whose test does not implement this.
     *
     * @param closed the store under test, already closed
     * @return a new store on the same data, or empty if this test cannot reopen the store (the default)
     */
    protected Optional<Storage> reopen(Storage closed) {
        return Optional.empty();
    }

    /**
     * How long the lost-update hammer (C1) runs. The catalogue's CI size is 8 threads × 10 s on each database;
     * a test of a fast in-memory store may run it shorter:
     *
     * <pre>{@code
     * protected Duration hammerDuration() {
     *     return TransactionContract.configuredHammerDuration(Duration.ofSeconds(1));
     * }
     * }</pre>
     *
     * @return by default the system property {@value TransactionContract#HAMMER_SECONDS_PROPERTY} in seconds,
     *     else 10 seconds
     */
    protected Duration hammerDuration() {
        return TransactionContract.configuredHammerDuration(
                Duration.ofSeconds(TransactionContract.DEFAULT_HAMMER_SECONDS));
    }

    /**
     * How many threads the lost-update hammer (C1) runs.
     *
     * @return by default the system property {@value TransactionContract#HAMMER_THREADS_PROPERTY}, else 8
     */
    protected int hammerThreads() {
        return Integer.getInteger(TransactionContract.HAMMER_THREADS_PROPERTY, TransactionContract.THREADS);
    }

    /**
     * How many threads race to insert the same external id in each round of the duplicate-create race (C4).
     *
     * @return by default 8
     */
    protected int raceThreads() {
        return TransactionContract.THREADS;
    }

    /**
     * How many rounds the duplicate-create race (C4) runs.
     *
     * @return by default 200
     */
    protected int raceRounds() {
        return TransactionContract.DEFAULT_RACE_ROUNDS;
    }

    /**
     * How many tenants the cross-tenant sweep (T1) seeds, each with the same keys and partly the same ids.
     *
     * @return by default 3; at least 2
     */
    protected int sweepTenants() {
        return TenantSweepContract.DEFAULT_SWEEP_TENANTS;
    }

    /**
     * How many orders, and how many payments, the exact-sum tests (M1) write.
     *
     * @return by default 2,000
     */
    protected int moneySumRows() {
        return MoneySumContract.DEFAULT_ROWS;
    }

    Storage currentStorage() {
        return storage;
    }

    boolean reopenCurrent() {
        Storage closed = storage;
        closed.close();
        Optional<Storage> reopened = reopen(closed);
        reopened.ifPresent(s -> storage = s);
        return reopened.isPresent();
    }

    /** {@code CustomerRepository}. */
    @Nested
    class Customers extends CustomerRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code AggregateRepository.insertAll}, the bulk path. */
    @Nested
    class BulkInserts extends BulkInsertContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code ScoreRepository}. */
    @Nested
    class Scores extends ScoreRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code PointsLedgerRepository}, and C5 (concurrent awards and redemptions) through the membership API. */
    @Nested
    class PointsLedger extends PointsLedgerRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code OwnershipRepository}: ownership ledgers and shares, and a handover through the customer API. */
    @Nested
    class Ownership extends OwnershipRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code CampaignTargetRepository}: campaign target lists, and {@code addTargets} through the marketing API. */
    @Nested
    class CampaignTargets extends CampaignTargetRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /**
     * {@code LifecycleRepository}: transition logs, current stages and churn reasons, concurrent moves of one
     * customer, and a manual move through the lifecycle API.
     */
    @Nested
    class LifecycleLogs extends LifecycleRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code PrivacyRepository}: salt, suppression hashes, erasure records and the scrubbing of logs. */
    @Nested
    class Privacy extends PrivacyRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /**
     * Merging duplicate customers (A3, T4): {@code MergeLogRepository}, the SPI additions a merge needs, and
     * merges with injected failures, conflicts and undo through the stewardship API.
     */
    @Nested
    class Merges extends MergeContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /**
     * {@code AuditRepository}: audit records, scrubbing, and P4 (random mutations, some rolled back, replayed from
     * the trail) through the API.
     */
    @Nested
    class AuditTrail extends AuditRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /**
     * Record-level access through the API: A4 (every mutating method refused before any write), filtered reads and
     * pages, and calls without a principal refused before the store.
     */
    @Nested
    class Access extends AccessContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code ReferenceCodeRepository}. */
    @Nested
    class ReferenceCodes extends ReferenceCodeRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code InteractionRepository}. */
    @Nested
    class Interactions extends InteractionRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code TaskRepository}. */
    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code OrderRepository}. */
    @Nested
    class Orders extends OrderRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code InvoiceRepository}. */
    @Nested
    class Invoices extends InvoiceRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code PaymentRepository}. */
    @Nested
    class Payments extends PaymentRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code OpportunityRepository}. */
    @Nested
    class Opportunities extends OpportunityRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code ContractRepository}. */
    @Nested
    class Contracts extends ContractRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code ServiceCaseRepository}. */
    @Nested
    class ServiceCases extends ServiceCaseRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code SurveyResponseRepository}. */
    @Nested
    class SurveyResponses extends SurveyResponseRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code CampaignRepository}. */
    @Nested
    class Campaigns extends CampaignRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code CampaignResponseRepository}. */
    @Nested
    class CampaignResponses extends CampaignResponseRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code CompetitorRepository}. */
    @Nested
    class Competitors extends CompetitorRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** {@code CompetitorDealingRepository}. */
    @Nested
    class CompetitorDealings extends CompetitorDealingRepositoryContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** Units of work: atomicity, isolation between tenants, read-only units, C1, C2 and C4. */
    @Nested
    class UnitsOfWork extends TransactionContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }

        @Override
        protected Duration hammerDuration() {
            return StorageConformanceKit.this.hammerDuration();
        }

        @Override
        protected int hammerThreads() {
            return StorageConformanceKit.this.hammerThreads();
        }

        @Override
        protected int raceThreads() {
            return StorageConformanceKit.this.raceThreads();
        }

        @Override
        protected int raceRounds() {
            return StorageConformanceKit.this.raceRounds();
        }
    }

    /** The transactional outbox, every event type, and pending events across a restart. */
    @Nested
    class Outbox extends EventOutboxContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }

        @Override
        protected boolean reopenStorage() {
            return reopenCurrent();
        }
    }

    /** Every aggregate type with every component set and with none (V2), and time zones (D1). */
    @Nested
    class RoundTrips extends RoundTripContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }

        @Override
        protected boolean reopenStorage() {
            return reopenCurrent();
        }
    }

    /** T1: every read path in several tenants with the same keys and ids; rollback of every repository. */
    @Nested
    class TenantSweep extends TenantSweepContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }

        @Override
        protected int sweepTenants() {
            return StorageConformanceKit.this.sweepTenants();
        }
    }

    /** S1: SQL metacharacters in every text and every string filter. */
    @Nested
    class Metacharacters extends MetacharacterContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /** M1: exact sums of many random amounts in currencies of 0, 2 and 3 decimals. */
    @Nested
    class MoneySums extends MoneySumContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }

        @Override
        protected int moneySumRows() {
            return StorageConformanceKit.this.moneySumRows();
        }
    }

    /**
     * Bulk import: idempotent re-import, all or nothing (A2), the error report, duplicate flags, resuming after a
     * failure between or inside batches, and the import journal SPI.
     */
    @Nested
    class Imports extends ImportContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }

    /**
     * C7: deterministic interleavings of an operation on a customer (update, merge, delete, erase, import,
     * classify) with an update of it, compared with a checked-in golden table.
     */
    @Nested
    class Interleavings extends InterleavingContract {
        @Override
        protected Storage storage() {
            return currentStorage();
        }
    }
}
