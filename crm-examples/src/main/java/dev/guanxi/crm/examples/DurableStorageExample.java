package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.jdbc.JdbcStorage;
import java.nio.file.Files;
import java.nio.file.Path;

/** The durable-storage example of README.md, verbatim between the tags; a test runs it. */
public final class DurableStorageExample {
    private DurableStorageExample() {}

    /**
     * Runs the example in a directory.
     *
     * @param args the database directory (default: a new temporary directory)
     * @throws Exception if the directory cannot be created
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("guanxi-example");
        // tag::durable[]
        // Embedded H2 in a directory: the schema is created (migrated) on open. For PostgreSQL or MariaDB pass
        // your pooled DataSource instead: JdbcStorage.builder(dataSource).build().
        try (Crm crm = Crm.builder().storage(JdbcStorage.h2(dir)).build()) {
            crm.tenant("acme")
                    .customers()
                    .register(CustomerDraft.organisation("杭州龙井茶业有限公司")
                            .externalId("ERP-1001")
                            .email("office@longjing.example", ContactPurpose.WORK)
                            .build());
        }

        // After a restart the data is there. Events committed but not delivered when the JVM stopped are still in
        // the outbox: a host delivers them once at start-up.
        try (Crm crm = Crm.builder().storage(JdbcStorage.h2(dir)).build()) {
            TenantCrm acme = crm.tenant("acme");
            acme.deliverPendingEvents();
            Customer tea = acme.customers().findByExternalId("ERP-1001").orElseThrow();
            System.out.println(tea.displayName() + " is version " + tea.version());
        }
        // end::durable[]
    }
}
