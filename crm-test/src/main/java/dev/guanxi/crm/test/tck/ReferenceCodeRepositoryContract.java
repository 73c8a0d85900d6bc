package dev.guanxi.crm.test.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conformance tests of {@code ReferenceCodeRepository}: upsert, case-sensitive lookup, listing per table
 * ordered by code, labels in any script, tenant isolation and rollback.
 */
public abstract class ReferenceCodeRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected ReferenceCodeRepositoryContract() {}

    private void upsert(ReferenceCode... codes) {
        run(TENANT_A, uow -> {
            for (ReferenceCode code : codes) {
                uow.referenceCodes().upsert(code);
            }
        });
    }

    private Optional<ReferenceCode> findCode(TenantId tenant, ReferenceCodeType type, String code) {
        return read(tenant, uow -> uow.referenceCodes().find(type, code));
    }

    private List<ReferenceCode> listCodes(TenantId tenant, ReferenceCodeType type) {
        return read(tenant, uow -> uow.referenceCodes().list(type));
    }

    /** A stored code is found equal, its label byte-identical. */
    @Test
    @DisplayName("finds a stored code, its label byte-identical")
    public void roundTrip() {
        ReferenceCode code = ReferenceCode.of(ReferenceCodeType.REGION, "mena", " الشرق الأوسط \uD83C\uDF0D ");
        upsert(code);

        ReferenceCode read =
                findCode(TENANT_A, ReferenceCodeType.REGION, "mena").orElseThrow();

        assertThat(read).isEqualTo(code);
        assertThat(read.label().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(code.label().getBytes(StandardCharsets.UTF_8));
    }

    /** Upsert replaces label and active flag of the same table and code. */
    @Test
    @DisplayName("replaces the label and active flag of an existing code")
    public void replaces() {
        upsert(ReferenceCode.of(ReferenceCodeType.CUSTOMER_STATUS, "blocked", "Blocked"));
        ReferenceCode changed = new ReferenceCode(ReferenceCodeType.CUSTOMER_STATUS, "blocked", "Gesperrt", false);

        upsert(changed);

        assertThat(listCodes(TENANT_A, ReferenceCodeType.CUSTOMER_STATUS)).containsExactly(changed);
    }

    /** Codes are identified by table and code, compared case-sensitively. */
    @Test
    @DisplayName("tells codes apart by table and by case")
    public void identity() {
        ReferenceCode north = ReferenceCode.of(ReferenceCodeType.REGION, "north", "North");
        ReferenceCode northUpper = ReferenceCode.of(ReferenceCodeType.REGION, "NORTH", "North (legacy)");
        ReferenceCode industry = ReferenceCode.of(ReferenceCodeType.INDUSTRY, "north", "Northern industries");
        upsert(north, northUpper, industry);

        assertThat(findCode(TENANT_A, ReferenceCodeType.REGION, "north")).contains(north);
        assertThat(findCode(TENANT_A, ReferenceCodeType.REGION, "NORTH")).contains(northUpper);
        assertThat(findCode(TENANT_A, ReferenceCodeType.REGION, "North")).isEmpty();
        assertThat(findCode(TENANT_A, ReferenceCodeType.INDUSTRY, "north")).contains(industry);
        assertThat(findCode(TENANT_A, ReferenceCodeType.CUSTOMER_TYPE, "north")).isEmpty();
    }

    /** Listing returns one table, active and inactive, ordered by code in String order. */
    @Test
    @DisplayName("lists one table, active and inactive codes, ordered by code in String order")
    public void list() {
        ReferenceCode west =
                ReferenceCode.of(ReferenceCodeType.REGION, "west", "West").deactivated();
        ReferenceCode east = ReferenceCode.of(ReferenceCodeType.REGION, "east", "East");
        ReferenceCode south = ReferenceCode.of(ReferenceCodeType.REGION, "South", "South");
        ReferenceCode a10 = ReferenceCode.of(ReferenceCodeType.REGION, "a10", "A10");
        ReferenceCode a9 = ReferenceCode.of(ReferenceCodeType.REGION, "a9", "A9");
        upsert(west, east, south, a9, a10, ReferenceCode.of(ReferenceCodeType.INDUSTRY, "retail", "Retail"));

        assertThat(listCodes(TENANT_A, ReferenceCodeType.REGION)).containsExactly(south, a10, a9, east, west);
        assertThat(listCodes(TENANT_A, ReferenceCodeType.CUSTOMER_TYPE)).isEmpty();
    }

    /** Another tenant does not see the codes. */
    @Test
    @DisplayName("keeps each tenant's code tables apart")
    public void isolation() {
        upsert(ReferenceCode.of(ReferenceCodeType.REGION, "north", "North"));
        run(
                TENANT_B,
                uow -> uow.referenceCodes()
                        .upsert(ReferenceCode.of(ReferenceCodeType.REGION, "north", "Norden")
                                .deactivated()));

        assertThat(listCodes(TENANT_B, ReferenceCodeType.REGION))
                .containsExactly(ReferenceCode.of(ReferenceCodeType.REGION, "north", "Norden")
                        .deactivated());
        assertThat(findCode(TENANT_A, ReferenceCodeType.REGION, "north"))
                .contains(ReferenceCode.of(ReferenceCodeType.REGION, "north", "North"));
    }

    /** Work that throws leaves nothing behind. */
    @Test
    @DisplayName("rolls back the codes of a unit of work that throws")
    public void rollback() {
        upsert(ReferenceCode.of(ReferenceCodeType.REGION, "north", "North"));

        assertThatThrownBy(() -> run(TENANT_A, uow -> {
                    uow.referenceCodes().upsert(ReferenceCode.of(ReferenceCodeType.REGION, "south", "South"));
                    uow.referenceCodes()
                            .upsert(ReferenceCode.of(ReferenceCodeType.REGION, "north", "Changed")
                                    .deactivated());
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(listCodes(TENANT_A, ReferenceCodeType.REGION))
                .containsExactly(ReferenceCode.of(ReferenceCodeType.REGION, "north", "North"));
    }

    /** A unit of work sees its own upserts before commit. */
    @Test
    @DisplayName("lets a unit of work read its own upserts")
    public void readsOwnWrites() {
        boolean seen = write(TENANT_A, uow -> {
            uow.referenceCodes().upsert(ReferenceCode.of(ReferenceCodeType.INDUSTRY, "it", "IT"));
            return uow.referenceCodes().find(ReferenceCodeType.INDUSTRY, "it").isPresent()
                    && uow.referenceCodes().list(ReferenceCodeType.INDUSTRY).size() == 1;
        });

        assertThat(seen).isTrue();
    }
}
