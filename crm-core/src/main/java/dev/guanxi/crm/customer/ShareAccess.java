package dev.guanxi.crm.customer;

import dev.guanxi.crm.Beta;

/**
 * What a colleague a customer is {@linkplain CustomerShare shared} with may do (客户共享). The SDK records the
 * grant; a CRM built with the default access model ({@link dev.guanxi.crm.access.AccessPolicy#ownTeamAll})
 * enforces it, and a host's own {@link dev.guanxi.crm.access.AccessPolicy} receives it with each request.
 *
 * @since 0.1.0
 */
@Beta
public enum ShareAccess {
    /** May see the customer and its history. */
    READ,
    /** May also change the customer and record interactions, orders and cases for it. */
    WRITE;

    /** @return whether this access allows changes */
    public boolean allowsWrite() {
        return this == WRITE;
    }
}
