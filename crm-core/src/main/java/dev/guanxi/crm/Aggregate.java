package dev.guanxi.crm;

/**
 * An entity that is stored and changed as one unit, identified by a typed id and guarded by a version.
 * Every stored change raises the version by one; a change based on an older version is refused with
 * {@link StaleVersionException}.
 *
 * <p>Every aggregate of the SDK is an immutable, thread-safe record: a change produces a new instance with
 * the next version, and the old instance stays valid.
 *
 * @param <I> the id type
 */
public interface Aggregate<I> {
    /** @return the id, unique within the tenant */
    I id();

    /** @return the version, 1 for a newly created aggregate, +1 for every stored change */
    long version();
}
