package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.jdbc.Dialect;
import dev.guanxi.crm.spi.storage.AuditRepository;
import dev.guanxi.crm.spi.storage.CampaignRepository;
import dev.guanxi.crm.spi.storage.CampaignResponseRepository;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import dev.guanxi.crm.spi.storage.CompetitorDealingRepository;
import dev.guanxi.crm.spi.storage.CompetitorRepository;
import dev.guanxi.crm.spi.storage.ContractRepository;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import dev.guanxi.crm.spi.storage.EventOutbox;
import dev.guanxi.crm.spi.storage.ImportJournalRepository;
import dev.guanxi.crm.spi.storage.InteractionRepository;
import dev.guanxi.crm.spi.storage.InvoiceRepository;
import dev.guanxi.crm.spi.storage.LifecycleRepository;
import dev.guanxi.crm.spi.storage.MergeLogRepository;
import dev.guanxi.crm.spi.storage.OpportunityRepository;
import dev.guanxi.crm.spi.storage.OrderRepository;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.PaymentRepository;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;
import dev.guanxi.crm.spi.storage.ScoreRepository;
import dev.guanxi.crm.spi.storage.ServiceCaseRepository;
import dev.guanxi.crm.spi.storage.StorageException;
import dev.guanxi.crm.spi.storage.SurveyResponseRepository;
import dev.guanxi.crm.spi.storage.TaskRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * One transaction of one tenant on one jdbi {@link Handle}. Every statement goes through {@link #update} or
 * {@link #query}, which bind the tenant first and translate the database's exceptions: a transient
 * concurrency failure becomes {@link TransientFailure} (the storage retries the whole work), a unique
 * violation {@link UniqueViolation} (the repository names the field and the holder), anything else a {@link
 * StorageException} — no {@code SQLException} or jdbi exception is ever thrown to the caller.
 *
 * <p>Not thread-safe: used by the one thread running the work, and invalid after it returns.
 */
public final class JdbcUnitOfWork implements UnitOfWork {
    private final Jdbi jdbi;
    private Handle handle;
    private boolean readOnlyBefore;
    private final UnitOfWorkContext context;
    private final SqlDialect sql;
    private final StorageState state;
    private final Argument tenantArg;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean open = true;
    private int savepoints;

    private JdbcCustomerRepository customers;
    private JdbcReferenceCodeRepository referenceCodes;
    private JdbcInteractionRepository interactions;
    private JdbcTaskRepository tasks;
    private JdbcOrderRepository orders;
    private JdbcInvoiceRepository invoices;
    private JdbcPaymentRepository payments;
    private JdbcOpportunityRepository opportunities;
    private JdbcContractRepository contracts;
    private JdbcServiceCaseRepository serviceCases;
    private JdbcSurveyResponseRepository surveyResponses;
    private JdbcCampaignRepository campaigns;
    private JdbcCampaignResponseRepository campaignResponses;
    private JdbcCompetitorRepository competitors;
    private JdbcCompetitorDealingRepository competitorDealings;
    private JdbcEventOutbox outbox;
    private JdbcScoreRepository scores;
    private JdbcPointsLedgerRepository points;
    private JdbcOwnershipRepository ownership;
    private JdbcCampaignTargetRepository campaignTargets;
    private JdbcLifecycleRepository lifecycle;
    private JdbcPrivacyRepository privacy;
    private JdbcMergeLogRepository mergeLog;
    private JdbcImportJournalRepository importJournal;
    private JdbcAuditRepository audit;

    /**
     * Creates a unit of work that opens its connection and transaction only when the first statement runs, so
     * that work served entirely from the caches never touches the database.
     *
     * @param jdbi where to open the handle
     * @param context the tenant and mode
     * @param state the storage's shared state (dialect, tables, caches)
     */
    public JdbcUnitOfWork(Jdbi jdbi, UnitOfWorkContext context, StorageState state) {
        this.jdbi = jdbi;
        this.context = context;
        this.state = state;
        this.sql = state.sql();
        this.tenantArg = sql.plain(context.tenant().value(), String.class);
    }

    @Override
    public TenantId tenant() {
        return context.tenant();
    }

    /** @return the dialect helper */
    public SqlDialect sql() {
        return sql;
    }

    /** @return the storage's shared state */
    StorageState state() {
        return state;
    }

    /** @return the tenant as a bind argument */
    public Argument tenantArg() {
        return tenantArg;
    }

    /** @return the handle, opened and in a transaction; for statements and the bulk paths (COPY) */
    Handle handle() {
        requireOpen();
        if (handle == null) {
            handle = begin();
        }
        return handle;
    }

    private Handle begin() {
        Handle h = jdbi.open();
        try {
            Connection connection = h.getConnection();
            readOnlyBefore = connection.isReadOnly();
            if (context.readOnly() && sql.dialect() == Dialect.POSTGRESQL) {
                connection.setReadOnly(true); // the server refuses writes too (BEGIN READ ONLY)
            }
            h.begin();
            if (sql.dialect() == Dialect.MARIADB) {
                // READ COMMITTED for this transaction only (H2 and PostgreSQL have it by default), so that the
                // holder of a duplicate key is visible to the lookup that names it; the session is unchanged.
                h.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
            return h;
        } catch (SQLException e) {
            h.close();
            throw new StorageException("cannot start a transaction: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /** Commits the transaction, if one was started. Jdbi failures are left to the caller to translate. */
    public void commit() {
        if (handle != null) {
            handle.commit();
        }
    }

    /**
     * Rolls the transaction back, if one was started, adding a failure to roll back to {@code cause}.
     *
     * @param cause why
     */
    public void rollback(Throwable cause) {
        if (handle != null) {
            try {
                handle.rollback();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Gives the connection back (restoring its read-only flag). Idempotent. */
    public void release() {
        if (handle == null) {
            return;
        }
        try {
            Connection connection = handle.getConnection();
            if (!connection.getAutoCommit() && handle.isInTransaction()) {
                // Never give a connection back with a transaction open: its row locks would outlive the unit
                // of work (a commit or rollback that failed half-way) and block every later writer of those rows.
                connection.rollback();
            }
            if (connection.isReadOnly() != readOnlyBefore) {
                connection.setReadOnly(readOnlyBefore);
            }
        } catch (SQLException | RuntimeException e) {
            // The pool will find out; nothing to restore on a broken connection.
        } finally {
            handle.close();
            handle = null;
        }
    }

    /**
     * Refuses a write in a read-only unit of work, before any SQL.
     *
     * @throws IllegalStateException if the unit of work is read-only
     */
    public void requireWritable() {
        requireOpen();
        if (context.readOnly()) {
            throw new IllegalStateException("write in a read-only unit of work");
        }
    }

    /** @return whether this unit of work may write */
    boolean readOnly() {
        return context.readOnly();
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the unit of work has ended");
        }
    }

    /** Ends the unit of work: every later call fails. */
    public void close() {
        open = false;
    }

    /**
     * Registers something to do after a successful commit (cache updates).
     *
     * @param action the action
     */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** @return the actions registered with {@link #afterCommit}, in order */
    public List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    /**
     * Runs a statement that changes rows.
     *
     * @param statement the SQL, with {@code ?} placeholders, the first of which is the tenant
     * @param args the arguments after the tenant
     * @return the number of rows changed
     */
    public int update(String statement, List<Argument> args) {
        return translate(() -> {
            try (Update u = handle().createUpdate(statement)) {
                u.bind(0, tenantArg);
                for (int i = 0; i < args.size(); i++) {
                    u.bind(i + 1, args.get(i));
                }
                return u.execute();
            }
        });
    }

    /**
     * Runs a statement whose arguments are all given (the tenant among them, where the statement wants it).
     *
     * @param statement the SQL
     * @param args every argument
     * @return the number of rows changed
     */
    int updateRaw(String statement, List<Argument> args) {
        return translate(() -> {
            try (Update u = handle().createUpdate(statement)) {
                for (int i = 0; i < args.size(); i++) {
                    u.bind(i, args.get(i));
                }
                return u.execute();
            }
        });
    }

    /**
     * Runs a batch: one statement, many argument rows, in one round trip per batch.
     *
     * @param statement the SQL
     * @param rows the argument rows, each complete (tenant included where the statement wants it)
     * @return the update count of each row, or {@link java.sql.Statement#SUCCESS_NO_INFO} where the driver does
     *     not tell (MariaDB's bulk protocol)
     */
    int[] batch(String statement, List<List<Argument>> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        // Plain JDBC on purpose: jdbi prepares batches with prepareStatement(sql, type, concurrency), which MariaDB
        // Connector/J turns into single-row round trips (no bulk protocol); and binding costs no jdbi lookups here.
        Handle h = translate(this::handle);
        state.logStatement(statement);
        try (PreparedStatement ps = h.getConnection().prepareStatement(statement)) {
            for (List<Argument> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    row.get(i).apply(i + 1, ps, null);
                }
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (SQLException e) {
            throw state.translate(e);
        }
    }

    /**
     * Runs a query whose first parameter is the tenant.
     *
     * @param statement the SQL
     * @param args the arguments after the tenant
     * @param mapper maps one row
     * @param <T> the row type
     * @return the rows
     */
    public <T> List<T> query(String statement, List<Argument> args, RowReader<T> mapper) {
        return translate(() -> {
            try (Query q = handle().createQuery(statement)) {
                q.bind(0, tenantArg);
                for (int i = 0; i < args.size(); i++) {
                    q.bind(i + 1, args.get(i));
                }
                return q.map((rs, ctx) -> mapper.read(rs)).list();
            }
        });
    }

    /**
     * Runs a query for at most one row.
     *
     * @param statement the SQL, first parameter the tenant
     * @param args the other arguments
     * @param mapper maps the row
     * @param <T> the row type
     * @return the row, if any
     */
    public <T> Optional<T> queryOne(String statement, List<Argument> args, RowReader<T> mapper) {
        List<T> rows = query(statement, args, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs work in a savepoint on PostgreSQL, where a failed statement would otherwise abort the whole
     * transaction; elsewhere (a failed statement is undone alone) it just runs the work.
     *
     * @param work the statement(s)
     * @param <T> the result type
     * @return the result
     */
    <T> T guarded(Supplier<T> work) {
        if (sql.dialect() != Dialect.POSTGRESQL) {
            return work.get();
        }
        String name = "gx" + (++savepoints);
        translate(() -> handle().savepoint(name));
        try {
            T result = work.get();
            translate(() -> handle().releaseSavepoint(name));
            return result;
        } catch (UniqueViolation e) {
            translate(() -> handle().rollbackToSavepoint(name));
            throw e;
        }
    }

    /**
     * Runs work in a savepoint on every database: if it throws, everything it wrote is undone and the rest of
     * the transaction goes on (the bulk paths use this to stay all-or-nothing per call).
     *
     * @param work the statements
     */
    void atomically(Runnable work) {
        String name = "gx" + (++savepoints);
        translate(() -> handle().savepoint(name));
        try {
            work.run();
        } catch (RuntimeException e) {
            try {
                translate(() -> handle().rollbackToSavepoint(name));
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        translate(() -> handle().releaseSavepoint(name));
    }

    /**
     * Runs jdbi calls and translates their failures.
     *
     * @param call the calls
     * @param <T> the result type
     * @return the result
     */
    <T> T translate(Supplier<T> call) {
        requireOpen();
        try {
            return call.get();
        } catch (JdbiException e) {
            throw state.translate(e);
        }
    }

    /**
     * Reads one row of a result.
     *
     * @param <T> what a row becomes
     */
    @FunctionalInterface
    public interface RowReader<T> {
        /**
         * @param rs the result, positioned on a row
         * @return the value
         * @throws SQLException if the driver fails
         */
        T read(ResultSet rs) throws SQLException;
    }

    @Override
    public CustomerRepository customers() {
        requireOpen();
        return customers == null ? customers = new JdbcCustomerRepository(this) : customers;
    }

    @Override
    public ReferenceCodeRepository referenceCodes() {
        requireOpen();
        return referenceCodes == null ? referenceCodes = new JdbcReferenceCodeRepository(this) : referenceCodes;
    }

    @Override
    public InteractionRepository interactions() {
        requireOpen();
        return interactions == null ? interactions = new JdbcInteractionRepository(this) : interactions;
    }

    @Override
    public TaskRepository tasks() {
        requireOpen();
        return tasks == null ? tasks = new JdbcTaskRepository(this) : tasks;
    }

    @Override
    public OrderRepository orders() {
        requireOpen();
        return orders == null ? orders = new JdbcOrderRepository(this) : orders;
    }

    @Override
    public InvoiceRepository invoices() {
        requireOpen();
        return invoices == null ? invoices = new JdbcInvoiceRepository(this) : invoices;
    }

    @Override
    public PaymentRepository payments() {
        requireOpen();
        return payments == null ? payments = new JdbcPaymentRepository(this) : payments;
    }

    @Override
    public OpportunityRepository opportunities() {
        requireOpen();
        return opportunities == null ? opportunities = new JdbcOpportunityRepository(this) : opportunities;
    }

    @Override
    public ContractRepository contracts() {
        requireOpen();
        return contracts == null ? contracts = new JdbcContractRepository(this) : contracts;
    }

    @Override
    public ServiceCaseRepository serviceCases() {
        requireOpen();
        return serviceCases == null ? serviceCases = new JdbcServiceCaseRepository(this) : serviceCases;
    }

    @Override
    public SurveyResponseRepository surveyResponses() {
        requireOpen();
        return surveyResponses == null ? surveyResponses = new JdbcSurveyResponseRepository(this) : surveyResponses;
    }

    @Override
    public CampaignRepository campaigns() {
        requireOpen();
        return campaigns == null ? campaigns = new JdbcCampaignRepository(this) : campaigns;
    }

    @Override
    public CampaignResponseRepository campaignResponses() {
        requireOpen();
        return campaignResponses == null
                ? campaignResponses = new JdbcCampaignResponseRepository(this)
                : campaignResponses;
    }

    @Override
    public CompetitorRepository competitors() {
        requireOpen();
        return competitors == null ? competitors = new JdbcCompetitorRepository(this) : competitors;
    }

    @Override
    public CompetitorDealingRepository competitorDealings() {
        requireOpen();
        return competitorDealings == null
                ? competitorDealings = new JdbcCompetitorDealingRepository(this)
                : competitorDealings;
    }

    @Override
    public ScoreRepository scores() {
        requireOpen();
        return scores == null ? scores = new JdbcScoreRepository(this) : scores;
    }

    @Override
    public PointsLedgerRepository points() {
        requireOpen();
        return points == null ? points = new JdbcPointsLedgerRepository(this) : points;
    }

    @Override
    public OwnershipRepository ownership() {
        requireOpen();
        return ownership == null ? ownership = new JdbcOwnershipRepository(this) : ownership;
    }

    @Override
    public CampaignTargetRepository campaignTargets() {
        requireOpen();
        return campaignTargets == null ? campaignTargets = new JdbcCampaignTargetRepository(this) : campaignTargets;
    }

    @Override
    public dev.guanxi.crm.spi.storage.PrivacyRepository privacy() {
        requireOpen();
        return privacy == null ? privacy = new JdbcPrivacyRepository(this) : privacy;
    }

    @Override
    public LifecycleRepository lifecycle() {
        requireOpen();
        return lifecycle == null ? lifecycle = new JdbcLifecycleRepository(this) : lifecycle;
    }

    @Override
    public MergeLogRepository mergeLog() {
        requireOpen();
        return mergeLog == null ? mergeLog = new JdbcMergeLogRepository(this) : mergeLog;
    }

    @Override
    public AuditRepository audit() {
        requireOpen();
        return audit == null ? audit = new JdbcAuditRepository(this) : audit;
    }

    @Override
    public EventOutbox outbox() {
        requireOpen();
        return outbox == null ? outbox = new JdbcEventOutbox(this) : outbox;
    }

    @Override
    public ImportJournalRepository importJournal() {
        requireOpen();
        return importJournal == null ? importJournal = new JdbcImportJournalRepository(this) : importJournal;
    }
}
