package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;

/**
 * What a principal wants to do with a record. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Beta
public enum Operation {
    /** See the record (find it, list it, read its history). */
    READ,
    /** Create, change or delete the record. */
    WRITE,
    /** Grant or revoke colleagues' shares of a customer. */
    SHARE
}
