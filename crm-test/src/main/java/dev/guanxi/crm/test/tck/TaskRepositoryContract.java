package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code TaskRepository}. STUB: to be completed by the area's work. */
public abstract class TaskRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected TaskRepositoryContract() {}
}
