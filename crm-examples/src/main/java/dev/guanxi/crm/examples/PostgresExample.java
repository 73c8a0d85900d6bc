package dev.guanxi.crm.examples;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.examples.ErpVendorPluginExample.ErpPlugin;
import dev.guanxi.crm.examples.ErpVendorPluginExample.RecordingBillingPort;
import dev.guanxi.crm.jdbc.JdbcStorage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The application of {@link ErpVendorPluginExample} — custom fields, the price-list rule, the contract guard and
 * the billing bridge — against a real PostgreSQL server. The only change is the store: {@code
 * JdbcStorage.builder(url, user, password).build()} creates (migrates) the schema on first use; nothing else in
 * the application knows which database it runs on.
 *
 * <pre>
 * java -cp crm-examples/target/crm-examples.jar dev.guanxi.crm.examples.PostgresExample \
 *     jdbc:postgresql://localhost:5432/guanxi guanxi secret
 * </pre>
 *
 * The database must be empty of tenant {@value ErpVendorPluginExample#TENANT} (the scenario registers its
 * customers once). In production pass a pooled {@link javax.sql.DataSource} to {@link
 * JdbcStorage#builder(javax.sql.DataSource)} instead of a URL.
 */
public final class PostgresExample {
    private PostgresExample() {}

    /**
     * Runs the scenario on PostgreSQL.
     *
     * @param args the JDBC URL ({@code jdbc:postgresql://host:port/database}), the user and the password (the
     *     last two optional)
     */
    public static void main(String[] args) {
        if (args.length < 1 || !args[0].startsWith("jdbc:postgresql:")) {
            System.err.println("usage: PostgresExample jdbc:postgresql://host:port/database [user [password]]");
            System.exit(2);
            return;
        }
        String user = args.length > 1 ? args[1] : null;
        String password = args.length > 2 ? args[2] : null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        RecordingBillingPort billing = new RecordingBillingPort();
        ErpPlugin plugin = new ErpPlugin(billing);
        // tag::postgres[]
        JdbcStorage storage = JdbcStorage.builder(args[0], user, password).build(); // migrates the schema
        try (Crm crm =
                ErpVendorPluginExample.open(storage, Clock.fixed(ErpVendorPluginExample.NOW, ZoneOffset.UTC), plugin)) {
            out.println("PostgreSQL schema ready (" + storage.dialect() + ")");
            ErpVendorPluginExample.run(crm, plugin, out);
        }
        // end::postgres[]
        out.println("billing received " + billing.messages().size() + " messages:");
        billing.messages().forEach(m -> out.println("  " + m));
    }
}
