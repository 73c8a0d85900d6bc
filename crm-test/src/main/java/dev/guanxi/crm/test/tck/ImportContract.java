package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.StaleVersionException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.spi.storage.ImportKey;
import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.StorageCapabilities;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import dev.guanxi.crm.stewardship.DuplicatePolicy;
import dev.guanxi.crm.stewardship.ImportCounts;
import dev.guanxi.crm.stewardship.ImportFlag;
import dev.guanxi.crm.stewardship.ImportJob;
import dev.guanxi.crm.stewardship.ImportKind;
import dev.guanxi.crm.stewardship.ImportMode;
import dev.guanxi.crm.stewardship.ImportOptions;
import dev.guanxi.crm.stewardship.ImportProgress;
import dev.guanxi.crm.stewardship.ImportResult;
import dev.guanxi.crm.stewardship.ImportStatus;
import dev.guanxi.crm.stewardship.RowError;
import dev.guanxi.crm.test.MutableClock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of bulk import on a store ({@code ImportJournalRepository} and the rows it writes with): a
 * re-import of the same file stores nothing twice and ends with exactly the file's rows; an all-or-nothing import
 * of 10,000 rows with a bad row at 9,999 stores nothing and its report names the row, field and rule (RELIABILITY
 * A2); the error report round-trips exactly through the journal, in hard Unicode; duplicate flags are kept with
 * their batch; an import interrupted between batches, or by a failure injected inside a batch, resumes after the
 * last committed batch and ends with exactly the file's rows (A1 without the JVM kill, which the JDBC module's
 * kill test adds); contacts, payments and interactions are idempotent through the journal's keys; and the journal
 * SPI keeps its contract (duplicate job, stale update, keys replaced, tenants apart).
 */
public abstract class ImportContract extends RepositoryContract {
    /** The instant the CRM's clock starts at (microsecond precision, as every store keeps it). */
    protected static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");

    private Path dir;
    private int files;

    /** Creates the contract. */
    protected ImportContract() {}

    @BeforeEach
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("guanxi-import-tck");
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private Crm crm(Storage storage) {
        return Crm.builder().storage(storage).clock(MutableClock.at(T0)).build();
    }

    private TenantCrm tenant() {
        return crm(storage()).tenant(TENANT_A);
    }

    private Path file(List<String> lines) {
        Path file = dir.resolve("import-" + (files++) + ".csv");
        try {
            Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static List<String> customers(int n, int badRow) {
        List<String> lines = new ArrayList<>(n + 1);
        lines.add("external_id,display_name,email,tags");
        for (int i = 1; i <= n; i++) {
            String email = i == badRow ? "not-an-e-mail" : "c" + i + "@example.com";
            lines.add("C-" + i + ",客户 " + i + " Ünïcødé 🎉," + email + ",tag" + (i % 7));
        }
        return lines;
    }

    private long count(TenantCrm t) {
        return t.customers().count(CustomerQuery.all());
    }

    private static ImportOptions options(String jobId, int batchSize) {
        return ImportOptions.builder().jobId(jobId).batchSize(batchSize).build();
    }

    // ---------------------------------------------------------------- idempotent and resumable

    @Test
    @DisplayName("re-importing a file stores nothing twice: a new job finds every row unchanged, the same job is done")
    void idempotentReimport() {
        TenantCrm t = tenant();
        Path file = file(customers(2_500, -1));
        ImportResult first = t.imports().importCsv(ImportKind.CUSTOMERS, file, options("first", 1_000));
        assertThat(first.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(first.counts()).isEqualTo(new ImportCounts(2_500, 0, 0, 0, 0, 0));
        assertThat(first.job().batches()).isEqualTo(3);
        assertThat(first.job().lastRow()).isEqualTo(2_500);
        assertThat(first.rowsThisRun()).isEqualTo(2_500);

        ImportResult same = t.imports().importCsv(ImportKind.CUSTOMERS, file, options("first", 1_000));
        assertThat(same.job()).isEqualTo(first.job());
        assertThat(same.rowsThisRun()).isZero();

        ImportResult second = t.imports().importCsv(ImportKind.CUSTOMERS, file, options("second", 700));
        assertThat(second.counts()).isEqualTo(new ImportCounts(0, 0, 2_500, 0, 0, 0));
        assertThat(count(t)).isEqualTo(2_500);
        Customer c = t.customers().findByExternalId("C-1234").orElseThrow();
        assertThat(c.displayName()).isEqualTo("客户 1234 Ünïcødé 🎉");
        assertThat(c.version()).isEqualTo(1);
        assertThat(t.imports().job("first").orElseThrow().job()).isEqualTo(first.job());
        assertThat(crm(storage()).tenant(TENANT_B).imports().job("first")).isEmpty();
    }

    @Test
    @DisplayName("all or nothing: 10,000 rows with a bad row at 9,999 store nothing, and the report names that row")
    void allOrNothing() {
        TenantCrm t = tenant();
        Path file = file(customers(10_000, 9_999));
        ImportOptions aon = ImportOptions.builder()
                .jobId("aon")
                .mode(ImportMode.ALL_OR_NOTHING)
                .build();
        ImportResult result = t.imports().importCsv(ImportKind.CUSTOMERS, file, aon);

        assertThat(result.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(result.counts()).isEqualTo(new ImportCounts(0, 0, 0, 0, 0, 1));
        assertThat(result.errors()).hasSize(1);
        RowError error = result.errors().get(0);
        assertThat(error.row()).isEqualTo(9_999);
        assertThat(error.line()).isEqualTo(10_000);
        assertThat(error.externalId()).isEqualTo("C-9999");
        assertThat(error.field()).isEqualTo("email");
        assertThat(error.rule()).isEqualTo(ValidationRule.INVALID_FORMAT);
        assertThat(count(t)).isZero();
        List<dev.guanxi.crm.event.DomainEvent> pending =
                read(TENANT_A, uow -> uow.outbox().pending(10));
        assertThat(pending).isEmpty();
        ImportResult journal = t.imports().job("aon").orElseThrow();
        assertThat(journal.job().status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(journal.errors()).containsExactly(error);
    }

    @Test
    @DisplayName("an import stopped between batches resumes after the last committed one and ends with every row")
    void resumeBetweenBatches() {
        TenantCrm t = tenant();
        Path file = file(customers(2_345, -1));
        ImportOptions failing = ImportOptions.builder()
                .jobId("resume")
                .batchSize(500)
                .listener(p -> {
                    if (p.batches() == 2) {
                        throw new IllegalStateException("simulated failure after batch 2");
                    }
                })
                .build();
        assertThatThrownBy(() -> t.imports().importCsv(ImportKind.CUSTOMERS, file, failing))
                .hasMessageContaining("simulated failure");
        assertThat(count(t)).isEqualTo(1_000);
        ImportJob stopped = t.imports().job("resume").orElseThrow().job();
        assertThat(stopped.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(stopped.lastRow()).isEqualTo(1_000);
        assertThat(stopped.counts().created()).isEqualTo(1_000);

        List<ImportProgress> progress = new ArrayList<>();
        ImportResult done = t.imports()
                .importCsv(
                        ImportKind.CUSTOMERS,
                        file,
                        ImportOptions.builder()
                                .jobId("resume")
                                .batchSize(500)
                                .listener(progress::add)
                                .build());
        assertThat(progress).extracting(ImportProgress::rowsDone).containsExactly(1_500L, 2_000L, 2_345L);
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(2_345, 0, 0, 0, 0, 0));
        assertThat(done.rowsThisRun()).isEqualTo(1_345);
        assertExactly(t, 2_345);
    }

    @Test
    @DisplayName("a failure inside a batch rolls the batch back with its journal entry; the resumed import is exact")
    void resumeAfterFailedBatch() {
        FailingStorage failing = new FailingStorage(storage());
        TenantCrm t = crm(failing).tenant(TENANT_A);
        Path file = file(customers(1_250, -1));
        // units of work using the journal: 1 creates the job, 2 and 3 are batches 1 and 2; the 4th (batch 3) fails
        failing.failWrite(4);
        assertThatThrownBy(() -> t.imports().importCsv(ImportKind.CUSTOMERS, file, options("inside", 300)))
                .hasMessage("injected failure");
        assertThat(count(t)).isEqualTo(600);
        assertThat(t.imports().job("inside").orElseThrow().job().lastRow()).isEqualTo(600);

        failing.failWrite(0);
        ImportResult done = t.imports().importCsv(ImportKind.CUSTOMERS, file, options("inside", 300));
        assertThat(done.counts()).isEqualTo(new ImportCounts(1_250, 0, 0, 0, 0, 0));
        assertThat(done.job().batches()).isEqualTo(5);
        assertExactly(t, 1_250);
    }

    /** Exactly the file's customers: the count, and every external id once. */
    private void assertExactly(TenantCrm t, int n) {
        assertThat(count(t)).isEqualTo(n);
        Set<String> ids = new HashSet<>();
        long scanned = read(
                TENANT_A,
                uow -> uow.customers()
                        .scan(c -> assertThat(ids.add(c.externalId()))
                                .as("external id %s twice", c.externalId())
                                .isTrue()));
        assertThat(scanned).isEqualTo(n);
        for (int i = 1; i <= n; i++) {
            assertThat(ids).contains("C-" + i);
        }
    }

    // ---------------------------------------------------------------- the report

    @Test
    @DisplayName("the error report names each bad row, field and rule, and round-trips through the journal exactly")
    void errorReport() {
        TenantCrm t = tenant();
        Path file = file(List.of(
                "external_id,display_name,email,customer_type",
                "客户-1,张伟,zhang.wei@example.com,",
                "客户-2,李雷,not an e-mail 🎉,",
                "客户-3,王芳,,vip",
                "客户-1,again,,",
                "客户-5,\"broken\"quote,,",
                "客户-6,too,many,values,here",
                "客户-7,NUL \u0000 inside,,"));
        ImportResult result = t.imports().importCsv(ImportKind.CUSTOMERS, file, options("report", 3));
        assertThat(result.counts()).isEqualTo(new ImportCounts(1, 0, 0, 0, 0, 6));
        assertThat(result.errors())
                .extracting(e -> e.row() + " " + e.externalId() + " " + e.field() + " " + e.rule())
                .containsExactly(
                        "2 客户-2 email INVALID_FORMAT",
                        "3 客户-3 customer_type UNKNOWN_CODE",
                        "4 客户-1 external_id DUPLICATE",
                        "5 客户-5 row INVALID_FORMAT",
                        "6 客户-6 row INVALID_FORMAT",
                        "7 客户-7 display_name ILLEGAL_CHARACTER");
        assertThat(result.errors().get(0).message()).contains("not an e-mail 🎉");
        assertThat(t.imports().job("report").orElseThrow().errors()).isEqualTo(result.errors());
        StringWriter report = new StringWriter();
        result.writeErrorReport(report);
        String[] lines = report.toString().split("\r\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).isEqualTo("row,line,external_id,field,rule,message");
        assertThat(lines[3]).startsWith("4,5,客户-1,external_id,DUPLICATE,");
    }

    @Test
    @DisplayName("duplicate flags are kept with their batch: FLAG stores and flags a look-alike, SKIP leaves it out")
    void duplicateFlags() {
        TenantCrm t = tenant();
        CustomerId wang = t.customers()
                .register(CustomerDraft.person("Wang Fang")
                        .externalId("W-1")
                        .email("wang.fang@example.com", ContactPurpose.HOME)
                        .build())
                .id();
        Path file = file(List.of(
                "external_id,display_name,email",
                "C-1,FANG WANG,WANG.FANG@example.com",
                "C-2,Li Lei,li.lei@example.com",
                "C-3,LI LEI,li.lei@example.com"));
        ImportResult flagged = t.imports()
                .importCsv(
                        ImportKind.CUSTOMERS,
                        file,
                        ImportOptions.builder()
                                .jobId("flag")
                                .batchSize(2)
                                .duplicates(DuplicatePolicy.FLAG)
                                .build());
        assertThat(flagged.counts()).isEqualTo(new ImportCounts(1, 0, 0, 0, 2, 0));
        CustomerId c1 = t.customers().findByExternalId("C-1").orElseThrow().id();
        CustomerId c2 = t.customers().findByExternalId("C-2").orElseThrow().id();
        assertThat(flagged.flags())
                .extracting(ImportFlag::row, ImportFlag::customer, ImportFlag::duplicateOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, c1, wang),
                        org.assertj.core.groups.Tuple.tuple(
                                3L,
                                t.customers()
                                        .findByExternalId("C-3")
                                        .orElseThrow()
                                        .id(),
                                c2));
        assertThat(t.imports().job("flag").orElseThrow().flags()).isEqualTo(flagged.flags());

        TenantCrm b = crm(storage()).tenant(TENANT_B);
        b.customers()
                .register(CustomerDraft.person("Wang Fang")
                        .externalId("W-1")
                        .email("wang.fang@example.com", ContactPurpose.HOME)
                        .build());
        ImportResult skipped = b.imports()
                .importCsv(
                        ImportKind.CUSTOMERS,
                        file,
                        ImportOptions.builder()
                                .jobId("flag")
                                .duplicates(DuplicatePolicy.SKIP)
                                .build());
        assertThat(skipped.counts()).isEqualTo(new ImportCounts(1, 0, 0, 2, 0, 0));
        assertThat(b.imports().job("flag").orElseThrow().flags()).isEqualTo(skipped.flags());
        assertThat(count(b)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- MERGE

    private static CustomerDraft wangFang() {
        return CustomerDraft.person("Wang Fang")
                .externalId("W-1")
                .email("wang.fang@example.com", ContactPurpose.HOME)
                .build();
    }

    /** Row 1 duplicates Wang Fang (same e-mail, case folded); row 2 is a new customer unless {@code bad}. */
    private Path mergeFile(boolean bad) {
        return file(List.of(
                "external_id,display_name,legal_name,email,tags",
                "C-1,FANG WANG,Wang Fang Trading Ltd,WANG.FANG@example.com,vip",
                "C-2,Li Lei,," + (bad ? "not-an-e-mail" : "li.lei@example.com") + ","));
    }

    private static ImportOptions.Builder merging(String jobId) {
        return ImportOptions.builder().jobId(jobId).batchSize(10).duplicates(DuplicatePolicy.MERGE);
    }

    @Test
    @DisplayName("MERGE merges a duplicate row into the stored customer in the batch, logged and undoable; a re-import"
            + " writes nothing")
    void mergeOnImport() {
        TenantCrm t = tenant();
        Customer before = t.customers().register(wangFang());
        CustomerId wang = before.id();
        Path file = mergeFile(false);
        ImportResult merged = t.correlated("import-merge-1")
                .imports()
                .importCsv(ImportKind.CUSTOMERS, file, merging("m").build());
        // row 1 merged (counted updated), row 2 created
        assertThat(merged.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0));
        assertThat(merged.errors()).isEmpty();
        assertThat(merged.flags())
                .extracting(ImportFlag::row, ImportFlag::action, ImportFlag::customer, ImportFlag::duplicateOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, DuplicatePolicy.MERGE, wang, wang));
        assertThat(t.imports().job("m").orElseThrow().flags()).isEqualTo(merged.flags());
        assertThat(count(t)).isEqualTo(2);

        // default survivorship: display name SURVIVOR_WINS, legal name NON_EMPTY, tags UNION, external id kept
        Customer survivor = t.customers().findByExternalId("W-1").orElseThrow();
        assertThat(survivor.id()).isEqualTo(wang);
        assertThat(survivor.displayName()).isEqualTo("Wang Fang");
        assertThat(survivor.legalName()).isEqualTo("Wang Fang Trading Ltd");
        assertThat(survivor.tags()).containsExactly("vip");
        CustomerId resolved =
                t.customers().findByExternalId("C-1").orElseThrow().id();
        assertThat(resolved).isEqualTo(wang);

        List<dev.guanxi.crm.stewardship.MergeLogEntry> log = t.stewardship().merges(wang);
        assertThat(log).hasSize(1);
        dev.guanxi.crm.stewardship.MergeLogEntry entry = log.get(0);
        assertThat(entry.survivorId()).isEqualTo(wang);
        assertThat(entry.survivorBefore()).isEqualTo(before);
        assertThat(entry.loserBefore().externalId()).isEqualTo("C-1");
        assertThat(entry.loserBefore().displayName()).isEqualTo("FANG WANG");
        assertThat(entry.survivorAfter()).isEqualTo(survivor);
        // the merge is part of the import's call: its audit records carry the import's correlation id
        List<dev.guanxi.crm.audit.AuditRecord> audit = t.audit()
                .correlated("import-merge-1", dev.guanxi.crm.query.PageRequest.first(100))
                .items();
        assertThat(audit)
                .anySatisfy(r -> assertThat(r.entityId()).isEqualTo(wang.toString()))
                .anySatisfy(
                        r -> assertThat(r.entityId()).isEqualTo(entry.loserId().toString()));

        // a re-import (a new job of the same file) finds C-1 merged and C-2 stored: nothing is written
        ImportResult again = t.imports()
                .importCsv(ImportKind.CUSTOMERS, file, merging("m-again").build());
        assertThat(again.counts()).isEqualTo(new ImportCounts(0, 0, 2, 0, 0, 0));
        assertThat(again.flags()).isEmpty();
        assertThat(t.stewardship().merges(wang)).hasSize(1);
        assertThat(t.customers().findByExternalId("W-1").orElseThrow()).isEqualTo(survivor);
        assertThat(count(t)).isEqualTo(2);

        // undo restores both customers: Wang Fang as registered (next version), the row as imported
        t.stewardship().undoMerge(entry.id());
        Customer restored = t.customers().findByExternalId("W-1").orElseThrow();
        assertThat(restored.draft()).isEqualTo(before.draft());
        Customer row = t.customers().findByExternalId("C-1").orElseThrow();
        assertThat(row).isEqualTo(entry.loserBefore());
        assertThat(count(t)).isEqualTo(3);
    }

    @Test
    @DisplayName("MERGE: a row whose merged values break a rule is a row error; the other rows go on, nothing merged")
    void mergeRowError() {
        TenantCrm t = tenant();
        Customer before = t.customers().register(wangFang());
        ImportOptions options = merging("m-bad")
                .mergeOptions(dev.guanxi.crm.stewardship.MergeOptions.builder()
                        .choose(dev.guanxi.crm.stewardship.MergeField.DISPLAY_NAME, (field, s, l) -> 42)
                        .build())
                .build();
        ImportResult result = t.imports().importCsv(ImportKind.CUSTOMERS, mergeFile(false), options);
        assertThat(result.counts()).isEqualTo(new ImportCounts(1, 0, 0, 0, 0, 1));
        assertThat(result.errors())
                .extracting(RowError::row, RowError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, ValidationRule.WRONG_TYPE));
        assertThat(t.customers().findByExternalId("W-1").orElseThrow()).isEqualTo(before);
        assertThat(t.customers().findByExternalId("C-1")).isEmpty();
        assertThat(t.customers().findByExternalId("C-2")).isPresent();
        assertThat(t.stewardship().merges(before.id())).isEmpty();
        assertThat(count(t)).isEqualTo(2);
    }

    @Test
    @DisplayName("MERGE in an all-or-nothing import that is rejected merges nothing: the merge rolls back too")
    void mergeAllOrNothing() {
        TenantCrm t = tenant();
        Customer before = t.customers().register(wangFang());
        ImportResult rejected = t.imports()
                .importCsv(
                        ImportKind.CUSTOMERS,
                        mergeFile(true),
                        merging("m-all").mode(ImportMode.ALL_OR_NOTHING).build());
        assertThat(rejected.job().status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(rejected.counts()).isEqualTo(new ImportCounts(0, 0, 0, 0, 0, 1));
        assertThat(t.customers().findByExternalId("W-1").orElseThrow()).isEqualTo(before);
        assertThat(t.customers().findByExternalId("C-1")).isEmpty();
        assertThat(t.stewardship().merges(before.id())).isEmpty();
        assertThat(count(t)).isEqualTo(1);

        // the corrected file merges in one transaction
        ImportResult done = t.imports()
                .importCsv(
                        ImportKind.CUSTOMERS,
                        mergeFile(false),
                        merging("m-all-2").mode(ImportMode.ALL_OR_NOTHING).build());
        assertThat(done.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0));
        assertThat(t.stewardship().merges(before.id())).hasSize(1);
        assertThat(count(t)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- other kinds

    @Test
    @DisplayName("contacts, purchases, payments and interactions are idempotent; another tenant's customer is unknown")
    void otherKindsAreIdempotent() {
        TenantCrm t = tenant();
        t.imports()
                .importCsv(
                        ImportKind.CUSTOMERS,
                        file(List.of("external_id,kind,display_name", "C-1,ORGANISATION,Acme 有限公司", "C-2,PERSON,Li")),
                        options("customers", 10));
        crm(storage())
                .tenant(TENANT_B)
                .imports()
                .importCsv(ImportKind.CUSTOMERS, file(List.of("external_id,display_name", "X-1,Other")));
        List<ImportKind> kinds =
                List.of(ImportKind.CONTACTS, ImportKind.PURCHASES, ImportKind.PAYMENTS, ImportKind.INTERACTIONS);
        List<Path> files = List.of(
                file(List.of(
                        "external_id,customer_external_id,type,value,name,role",
                        "K-1,C-1,PERSON,,赵敏,采购经理",
                        "K-2,C-2,PHONE,+86 139 0000 1111,,",
                        "K-3,X-1,EMAIL,x@example.com,,")),
                file(List.of(
                        "order_number,customer_external_id,order_date,currency,product_code,quantity,unit_price,amount",
                        "O-1,C-1,2026-02-01,CNY,茶,2,10.50,",
                        "O-1,C-1,2026-02-01,CNY,杯,1,5.00,",
                        "O-2,C-2,2026-02-02,JPY,,,,1200",
                        "O-3,X-1,2026-02-02,CNY,,,,1")),
                file(List.of(
                        "external_id,customer_external_id,amount,currency,received_on,method",
                        "P-1,C-1,26.00,CNY,2026-02-05,BANK_TRANSFER",
                        "P-2,X-1,1,CNY,2026-02-05,",
                        "P-3,C-2,500,JPY,2026-02-06,CASH")),
                file(List.of(
                        "external_id,customer_external_id,channel,direction,occurred_at,subject,notes",
                        "I-1,C-1,PHONE,INBOUND,2026-02-01T09:30:00Z,询价,\"第一行\n第二行\"",
                        "I-2,X-1,EMAIL,OUTBOUND,,Hello,",
                        "I-3,C-2,EMAIL,OUTBOUND,2026-02-02T10:00:00Z,Newsletter 🎉,")));
        for (int k = 0; k < kinds.size(); k++) {
            ImportKind kind = kinds.get(k);
            ImportResult first = t.imports().importCsv(kind, files.get(k), options(kind + "-1", 2));
            assertThat(first.counts()).as("%s", kind).isEqualTo(new ImportCounts(2, 0, 0, 0, 0, 1));
            assertThat(first.errors())
                    .as("%s", kind)
                    .extracting(RowError::field, RowError::rule)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "customer_external_id", ValidationRule.UNKNOWN_REFERENCE));
            ImportResult again = t.imports().importCsv(kind, files.get(k), options(kind + "-2", 2));
            assertThat(again.counts()).as("%s again", kind).isEqualTo(new ImportCounts(0, 0, 2, 0, 0, 1));
        }
        Customer acme = t.customers().findByExternalId("C-1").orElseThrow();
        assertThat(acme.contactPersons()).hasSize(1);
        assertThat(t.sales().findOrderByNumber("O-1").orElseThrow().lines()).hasSize(2);
        assertThat(t.sales()
                        .listPayments(acme.id(), dev.guanxi.crm.query.PageRequest.first(10))
                        .items())
                .hasSize(1);
        assertThat(t.interactions()
                        .listByCustomer(acme.id(), dev.guanxi.crm.query.PageRequest.first(10))
                        .items()
                        .get(0)
                        .notes())
                .isEqualTo("第一行\n第二行");
    }

    // ---------------------------------------------------------------- the journal SPI

    @Test
    @DisplayName("the journal refuses a second job of the same id and a stale update; keys are replaced; tenants apart")
    void journalContract() {
        ImportJob job = ImportJob.start("job-1", ImportKind.CUSTOMERS, "key:k", T0);
        run(TENANT_A, uow -> uow.importJournal().insert(job));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.importJournal().insert(job)))
                .isInstanceOf(DuplicateKeyException.class);
        run(TENANT_B, uow -> uow.importJournal().insert(job));
        ImportJob next = job.afterBatch(10, new ImportCounts(8, 1, 0, 0, 0, 1), T0.plusSeconds(1));
        run(TENANT_A, uow -> uow.importJournal().update(1, next));
        assertThatThrownBy(() -> run(TENANT_A, uow -> uow.importJournal().update(1, next)))
                .isInstanceOf(StaleVersionException.class);
        java.util.Optional<ImportJob> inA =
                read(TENANT_A, uow -> uow.importJournal().find("job-1"));
        assertThat(inA).contains(next);
        java.util.Optional<ImportJob> inB =
                read(TENANT_B, uow -> uow.importJournal().find("job-1"));
        assertThat(inB).contains(job);

        RowError e1 = new RowError(3, 4, "客户-3", "email", ValidationRule.INVALID_FORMAT, "'😀 x' is not an e-mail");
        RowError e2 = new RowError(3, 4, "客户-3", "customer_type", ValidationRule.UNKNOWN_CODE, "İ\nı");
        RowError e0 = new RowError(1, 0, null, "record", ValidationRule.REQUIRED, "the record is null");
        run(TENANT_A, uow -> {
            uow.importJournal().appendErrors("job-1", List.of(e1, e2));
            uow.importJournal().appendErrors("job-1", List.of());
        });
        run(TENANT_A, uow -> uow.importJournal().appendErrors("job-1", List.of(e0)));
        List<RowError> errorsA = read(TENANT_A, uow -> uow.importJournal().errors("job-1"));
        assertThat(errorsA).containsExactly(e0, e1, e2);
        List<RowError> errorsB = read(TENANT_B, uow -> uow.importJournal().errors("job-1"));
        assertThat(errorsB).isEmpty();
        ImportFlag flag = new ImportFlag(
                2, "C-2", DuplicatePolicy.SKIP, null, new CustomerId(UUID.randomUUID()), 0.95, List.of("email"));
        run(TENANT_A, uow -> uow.importJournal().appendFlags("job-1", List.of(flag)));
        List<ImportFlag> flags = read(TENANT_A, uow -> uow.importJournal().flags("job-1"));
        assertThat(flags).containsExactly(flag);
        run(TENANT_A, uow -> uow.importJournal().clearReport("job-1"));
        List<RowError> cleared = read(TENANT_A, uow -> uow.importJournal().errors("job-1"));
        assertThat(cleared).isEmpty();
        List<ImportFlag> clearedFlags =
                read(TENANT_A, uow -> uow.importJournal().flags("job-1"));
        assertThat(clearedFlags).isEmpty();

        UUID record = UUID.randomUUID();
        ImportKey key = new ImportKey(ImportKind.PAYMENTS, "P-1", record, "a".repeat(64));
        ImportKey replaced = new ImportKey(ImportKind.PAYMENTS, "P-1", record, "b".repeat(64));
        run(TENANT_A, uow -> uow.importJournal().putKeys(List.of(key)));
        run(TENANT_A, uow -> uow.importJournal().putKeys(List.of(replaced)));
        ImportKey other = new ImportKey(ImportKind.PAYMENTS, "支付-2", UUID.randomUUID(), "c".repeat(64));
        run(TENANT_A, uow -> uow.importJournal().putKeys(List.of(other)));
        java.util.Map<String, ImportKey> found =
                read(TENANT_A, uow -> uow.importJournal().findKeys(ImportKind.PAYMENTS, List.of("P-1", "支付-2", "P-3")));
        assertThat(found).containsOnly(java.util.Map.entry("P-1", replaced), java.util.Map.entry("支付-2", other));
        java.util.Map<String, ImportKey> otherKind =
                read(TENANT_A, uow -> uow.importJournal().findKeys(ImportKind.INTERACTIONS, List.of("P-1")));
        assertThat(otherKind).isEmpty();
        java.util.Map<String, ImportKey> otherTenant =
                read(TENANT_B, uow -> uow.importJournal().findKeys(ImportKind.PAYMENTS, List.of("P-1")));
        assertThat(otherTenant).isEmpty();
    }

    @Test
    @DisplayName("resuming a job with another file is a typed error and changes nothing")
    void otherSourceRefused() {
        TenantCrm t = tenant();
        t.imports().importCsv(ImportKind.CUSTOMERS, file(customers(3, -1)), options("job", 10));
        Path other = file(customers(4, -1));
        assertThatThrownBy(() -> t.imports().importCsv(ImportKind.CUSTOMERS, other, options("job", 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("source");
                    assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_STATE);
                });
        assertThat(count(t)).isEqualTo(3);
    }

    /**
     * A store that fails the n-th read-write unit of work that uses the import journal, after its work ran, so that
     * everything it wrote rolls back: a failure inside a batch.
     */
    private static final class FailingStorage implements Storage {
        private final Storage delegate;
        private final AtomicInteger journalWrites = new AtomicInteger();
        private volatile int failAt;

        FailingStorage(Storage delegate) {
            this.delegate = delegate;
        }

        void failWrite(int n) {
            journalWrites.set(0);
            failAt = n;
        }

        @Override
        public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
            if (context.readOnly()) {
                return delegate.inTransaction(context, work);
            }
            return delegate.inTransaction(context, uow -> {
                boolean[] journal = {false};
                UnitOfWork spy = (UnitOfWork) Proxy.newProxyInstance(
                        UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class}, (proxy, method, args) -> {
                            if (method.getName().equals("importJournal")) {
                                journal[0] = true;
                            }
                            try {
                                return method.invoke(uow, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                T result = work.run(spy);
                if (journal[0] && journalWrites.incrementAndGet() == failAt) {
                    throw new IllegalStateException("injected failure");
                }
                return result;
            });
        }

        @Override
        public StorageCapabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public void close() {
            // the kit closes the store under test
        }
    }
}
