package dev.guanxi.crm.jdbc.internal;

import dev.guanxi.crm.spi.storage.StorageException;

/** A statement broke a unique index; the repository that ran it turns this into a {@code DuplicateKeyException}. */
final class UniqueViolation extends StorageException {
    private static final long serialVersionUID = 1L;

    UniqueViolation(Throwable cause) {
        super("unique constraint violated", cause);
    }
}
