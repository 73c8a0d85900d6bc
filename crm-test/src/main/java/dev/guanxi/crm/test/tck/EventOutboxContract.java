package dev.guanxi.crm.test.tck;

/** Conformance tests of units of work. STUB. */
public abstract class EventOutboxContract extends RepositoryContract {
    /** Creates the contract. */
    protected EventOutboxContract() {}
}
