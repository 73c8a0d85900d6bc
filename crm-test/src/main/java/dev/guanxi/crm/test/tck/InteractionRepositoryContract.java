package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code InteractionRepository}. STUB: to be completed by the area's work. */
public abstract class InteractionRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected InteractionRepositoryContract() {}
}
