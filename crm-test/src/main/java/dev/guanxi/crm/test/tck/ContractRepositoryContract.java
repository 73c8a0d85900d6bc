package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code ContractRepository}. STUB: to be completed by the area's work. */
public abstract class ContractRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected ContractRepositoryContract() {}
}
