package dev.guanxi.crm.test.tck;

/** Conformance tests of {@code CampaignRepository}. STUB: to be completed by the area's work. */
public abstract class CampaignRepositoryContract extends RepositoryContract {
    /** Creates the contract. */
    protected CampaignRepositoryContract() {}
}
