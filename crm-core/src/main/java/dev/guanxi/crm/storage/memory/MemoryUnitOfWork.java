package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.spi.storage.AuditRepository;
import dev.guanxi.crm.spi.storage.CampaignRepository;
import dev.guanxi.crm.spi.storage.CampaignResponseRepository;
import dev.guanxi.crm.spi.storage.CampaignTargetRepository;
import dev.guanxi.crm.spi.storage.CompetitorDealingRepository;
import dev.guanxi.crm.spi.storage.CompetitorRepository;
import dev.guanxi.crm.spi.storage.ContractRepository;
import dev.guanxi.crm.spi.storage.CustomerRepository;
import dev.guanxi.crm.spi.storage.EventOutbox;
import dev.guanxi.crm.spi.storage.ImportJournalRepository;
import dev.guanxi.crm.spi.storage.InteractionRepository;
import dev.guanxi.crm.spi.storage.InvoiceRepository;
import dev.guanxi.crm.spi.storage.LifecycleRepository;
import dev.guanxi.crm.spi.storage.MergeLogRepository;
import dev.guanxi.crm.spi.storage.OpportunityRepository;
import dev.guanxi.crm.spi.storage.OrderRepository;
import dev.guanxi.crm.spi.storage.OwnershipRepository;
import dev.guanxi.crm.spi.storage.PaymentRepository;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import dev.guanxi.crm.spi.storage.ReferenceCodeRepository;
import dev.guanxi.crm.spi.storage.ScoreRepository;
import dev.guanxi.crm.spi.storage.ServiceCaseRepository;
import dev.guanxi.crm.spi.storage.SurveyResponseRepository;
import dev.guanxi.crm.spi.storage.TaskRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.util.concurrent.atomic.AtomicLong;

/** Repositories over one {@link MemoryTransaction}, created lazily. */
final class MemoryUnitOfWork implements UnitOfWork {
    private final MemoryTransaction tx;
    private final AtomicLong eventSequence;
    private final AtomicLong auditSequence;
    private CustomerRepository customers;
    private ReferenceCodeRepository referenceCodes;
    private InteractionRepository interactions;
    private TaskRepository tasks;
    private OrderRepository orders;
    private InvoiceRepository invoices;
    private PaymentRepository payments;
    private OpportunityRepository opportunities;
    private ContractRepository contracts;
    private ServiceCaseRepository serviceCases;
    private SurveyResponseRepository surveyResponses;
    private CampaignRepository campaigns;
    private CampaignResponseRepository campaignResponses;
    private CompetitorRepository competitors;
    private CompetitorDealingRepository competitorDealings;
    private EventOutbox outbox;
    private ScoreRepository scores;
    private PointsLedgerRepository points;
    private OwnershipRepository ownership;
    private LifecycleRepository lifecycle;
    private CampaignTargetRepository campaignTargets;
    private dev.guanxi.crm.spi.storage.PrivacyRepository privacy;
    private MergeLogRepository mergeLog;
    private ImportJournalRepository importJournal;
    private AuditRepository audit;

    MemoryUnitOfWork(MemoryTransaction tx, AtomicLong eventSequence, AtomicLong auditSequence) {
        this.tx = tx;
        this.eventSequence = eventSequence;
        this.auditSequence = auditSequence;
    }

    @Override
    public TenantId tenant() {
        return tx.tenant();
    }

    @Override
    public CustomerRepository customers() {
        return customers == null ? customers = new MemoryCustomerRepository(tx) : customers;
    }

    @Override
    public ReferenceCodeRepository referenceCodes() {
        return referenceCodes == null ? referenceCodes = new MemoryReferenceCodeRepository(tx) : referenceCodes;
    }

    @Override
    public InteractionRepository interactions() {
        return interactions == null ? interactions = new MemoryInteractionRepository(tx) : interactions;
    }

    @Override
    public TaskRepository tasks() {
        return tasks == null ? tasks = new MemoryTaskRepository(tx) : tasks;
    }

    @Override
    public OrderRepository orders() {
        return orders == null ? orders = new MemoryOrderRepository(tx) : orders;
    }

    @Override
    public InvoiceRepository invoices() {
        return invoices == null ? invoices = new MemoryInvoiceRepository(tx) : invoices;
    }

    @Override
    public PaymentRepository payments() {
        return payments == null ? payments = new MemoryPaymentRepository(tx) : payments;
    }

    @Override
    public OpportunityRepository opportunities() {
        return opportunities == null ? opportunities = new MemoryOpportunityRepository(tx) : opportunities;
    }

    @Override
    public ContractRepository contracts() {
        return contracts == null ? contracts = new MemoryContractRepository(tx) : contracts;
    }

    @Override
    public ServiceCaseRepository serviceCases() {
        return serviceCases == null ? serviceCases = new MemoryServiceCaseRepository(tx) : serviceCases;
    }

    @Override
    public SurveyResponseRepository surveyResponses() {
        return surveyResponses == null ? surveyResponses = new MemorySurveyResponseRepository(tx) : surveyResponses;
    }

    @Override
    public CampaignRepository campaigns() {
        return campaigns == null ? campaigns = new MemoryCampaignRepository(tx) : campaigns;
    }

    @Override
    public CampaignResponseRepository campaignResponses() {
        return campaignResponses == null
                ? campaignResponses = new MemoryCampaignResponseRepository(tx)
                : campaignResponses;
    }

    @Override
    public CompetitorRepository competitors() {
        return competitors == null ? competitors = new MemoryCompetitorRepository(tx) : competitors;
    }

    @Override
    public CompetitorDealingRepository competitorDealings() {
        return competitorDealings == null
                ? competitorDealings = new MemoryCompetitorDealingRepository(tx)
                : competitorDealings;
    }

    @Override
    public ScoreRepository scores() {
        return scores == null ? scores = new MemoryScoreRepository(tx) : scores;
    }

    @Override
    public PointsLedgerRepository points() {
        return points == null ? points = new MemoryPointsLedgerRepository(tx) : points;
    }

    @Override
    public OwnershipRepository ownership() {
        return ownership == null ? ownership = new MemoryOwnershipRepository(tx) : ownership;
    }

    @Override
    public LifecycleRepository lifecycle() {
        return lifecycle == null ? lifecycle = new MemoryLifecycleRepository(tx) : lifecycle;
    }

    @Override
    public CampaignTargetRepository campaignTargets() {
        return campaignTargets == null ? campaignTargets = new MemoryCampaignTargetRepository(tx) : campaignTargets;
    }

    @Override
    public MergeLogRepository mergeLog() {
        return mergeLog == null ? mergeLog = new MemoryMergeLogRepository(tx) : mergeLog;
    }

    @Override
    public AuditRepository audit() {
        return audit == null ? audit = new MemoryAuditRepository(tx, auditSequence) : audit;
    }

    @Override
    public EventOutbox outbox() {
        return outbox == null ? outbox = new MemoryEventOutbox(tx, eventSequence) : outbox;
    }

    @Override
    public dev.guanxi.crm.spi.storage.PrivacyRepository privacy() {
        return privacy == null ? privacy = new MemoryPrivacyRepository(tx, this) : privacy;
    }

    @Override
    public ImportJournalRepository importJournal() {
        return importJournal == null ? importJournal = new MemoryImportJournalRepository(tx) : importJournal;
    }
}
