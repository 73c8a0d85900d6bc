package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code ReferenceCodeRepository}. STUB: to be completed by the area's work. */
public abstract class ReferenceCodeRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected ReferenceCodeRepositoryContract() {}
}
