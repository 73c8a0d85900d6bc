package dev.guanxi.crm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * RELIABILITY T2: collects the text of every statement a storage runs (through {@link
 * JdbcStorage.Builder#statementLog}) and checks that each one touching a tenant table is scoped to a tenant:
 * an insert lists {@code tenant_id} first, a merge likewise, a query, update or delete has {@code tenant_id =
 * ?} in its condition. Schema statements (migrations) are not data access and are skipped.
 */
final class TenantPredicateAudit {
    private static final Pattern TENANT_TABLE = Pattern.compile("\\b(" + String.join("|", Schema.TABLES) + ")\\b");
    private final Set<String> statements = ConcurrentHashMap.newKeySet();

    void record(String sql) {
        statements.add(sql);
    }

    /** @return how many distinct statements were seen */
    int size() {
        return statements.size();
    }

    /** Fails if a data statement on a tenant table is not scoped to a tenant. */
    void check() {
        int checked = 0;
        for (String sql : statements) {
            String s = sql.strip().replaceAll("\\s+", " ");
            String upper = s.toUpperCase(Locale.ROOT);
            if (!TENANT_TABLE.matcher(s).find() || upper.startsWith("CREATE ") || upper.startsWith("ALTER ")) {
                continue;
            }
            checked++;
            if (upper.startsWith("COPY ")) {
                assertThat(s).as("copy lists the tenant first").containsPattern("^COPY guanxi_\\w+ \\(tenant_id,");
            } else if (upper.startsWith("INSERT INTO") || upper.startsWith("MERGE INTO")) {
                assertThat(s)
                        .as("insert lists the tenant first")
                        .containsPattern("^\\w+ INTO guanxi_\\w+ \\(tenant_id,");
            } else {
                assertThat(s).as("statement is scoped to a tenant").contains("tenant_id = ?");
            }
        }
        assertThat(checked).as("statements checked").isGreaterThan(20);
    }
}
