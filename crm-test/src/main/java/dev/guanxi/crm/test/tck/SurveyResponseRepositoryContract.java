package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code SurveyResponseRepository}. STUB: to be completed by the area's work. */
public abstract class SurveyResponseRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected SurveyResponseRepositoryContract() {}
}
