package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code CampaignResponseRepository}. STUB: to be completed by the area's work. */
public abstract class CampaignResponseRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected CampaignResponseRepositoryContract() {}
}
