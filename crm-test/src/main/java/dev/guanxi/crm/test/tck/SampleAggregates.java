package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorContact;
import dev.guanxi.crm.competitor.CompetitorDealing;
import dev.guanxi.crm.competitor.CompetitorDealingId;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.competitor.CompetitorProduct;
import dev.guanxi.crm.competitor.DealingKind;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.ContactPerson;
import dev.guanxi.crm.customer.ContactPoint;
import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.ImportantDate;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.PostalAddress;
import dev.guanxi.crm.customer.Preferences;
import dev.guanxi.crm.customer.ReferenceCode;
import dev.guanxi.crm.customer.ReferenceCodeType;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.field.FieldKey;
import dev.guanxi.crm.field.FieldType;
import dev.guanxi.crm.interaction.Direction;
import dev.guanxi.crm.interaction.Interaction;
import dev.guanxi.crm.interaction.InteractionId;
import dev.guanxi.crm.interaction.Outcome;
import dev.guanxi.crm.interaction.OutcomeKind;
import dev.guanxi.crm.interaction.Task;
import dev.guanxi.crm.interaction.TaskId;
import dev.guanxi.crm.interaction.TaskStatus;
import dev.guanxi.crm.marketing.AidaStage;
import dev.guanxi.crm.marketing.Campaign;
import dev.guanxi.crm.marketing.CampaignId;
import dev.guanxi.crm.marketing.CampaignResponse;
import dev.guanxi.crm.marketing.CampaignResponseId;
import dev.guanxi.crm.marketing.CampaignStatus;
import dev.guanxi.crm.marketing.StageReached;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.sales.Contract;
import dev.guanxi.crm.sales.ContractId;
import dev.guanxi.crm.sales.ContractKind;
import dev.guanxi.crm.sales.ContractStatus;
import dev.guanxi.crm.sales.Invoice;
import dev.guanxi.crm.sales.InvoiceId;
import dev.guanxi.crm.sales.InvoiceStatus;
import dev.guanxi.crm.sales.Opportunity;
import dev.guanxi.crm.sales.OpportunityId;
import dev.guanxi.crm.sales.OpportunityStatus;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.sales.OrderStatus;
import dev.guanxi.crm.sales.Payment;
import dev.guanxi.crm.sales.PaymentId;
import dev.guanxi.crm.sales.PaymentMethod;
import dev.guanxi.crm.sales.StageEntry;
import dev.guanxi.crm.service.CaseKind;
import dev.guanxi.crm.service.CaseStatus;
import dev.guanxi.crm.service.ServiceCase;
import dev.guanxi.crm.service.ServiceCaseId;
import dev.guanxi.crm.service.Severity;
import dev.guanxi.crm.service.StatusChange;
import dev.guanxi.crm.service.SurveyResponse;
import dev.guanxi.crm.service.SurveyResponseId;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Sample aggregates of every repository for the round-trip, metacharacter and tenant tests, built with the
 * records' canonical constructors so that every component can be set: a <em>maximal</em> instance has every
 * optional component set and every collection non-empty (where two optional components exclude each other,
 * such as a contract's termination reason and its successor, there are two maximal instances), a
 * <em>minimal</em> one has every optional component {@code null} or empty.
 *
 * <p>Where the texts come from is a {@link Texts}: hard Unicode (CJK with a surrogate pair, an emoji ZWJ
 * sequence, combining marks, Turkish dotted and dotless i, Arabic mixed with Latin), or an SQL metacharacter
 * payload. Amounts are in a three-decimal (BHD) and a zero-decimal currency (JPY), some at the largest amount
 * {@link Money} allows; instants have microseconds and lie at DST changes, just before the epoch and just
 * after the 32-bit {@code TIMESTAMP} end of 2038; dates lie at DST changes, on a leap day, in 1900 and on
 * 9999-12-31.
 *
 * <p>Custom field values are not checked against {@link dev.guanxi.crm.field.FieldDefinition field
 * definitions} by a store (that is the API's job when a customer is written), so the samples carry values of
 * every {@link FieldType} without registering definitions.
 *
 * <p>Stateless and thread-safe.
 */
final class SampleAggregates {
    /** When the samples were created: on the Europe/Berlin spring-forward hour, with microseconds. */
    static final Instant CREATED = Instant.parse("2025-03-30T01:30:00.123456Z");
    /** When the samples were last changed: in the repeated autumn hour. */
    static final Instant UPDATED = Instant.parse("2025-10-26T01:30:00.000001Z");
    /** One microsecond before the epoch (negative epoch microseconds). */
    static final Instant PRE_EPOCH = Instant.parse("1969-12-31T23:59:59.999999Z");
    /** Just after the largest 32-bit epoch second (MariaDB's {@code TIMESTAMP} ends before it). */
    static final Instant AFTER_2038 = Instant.parse("2038-01-19T03:14:08.000001Z");
    /** The epoch itself, which a store must not confuse with "no value". */
    static final Instant EPOCH = Instant.EPOCH;

    /** A birthday the tests of time zones use. */
    static final LocalDate BIRTHDAY = LocalDate.of(1990, 2, 28);
    /** The European spring DST change. */
    static final LocalDate SPRING_FORWARD = LocalDate.of(2025, 3, 30);
    /** The European autumn DST change. */
    static final LocalDate FALL_BACK = LocalDate.of(2025, 10, 26);
    /** A leap day. */
    static final LocalDate LEAP_DAY = LocalDate.of(2024, 2, 29);
    /** A date of local mean time offsets in many zones' history. */
    static final LocalDate OLD = LocalDate.of(1900, 1, 1);
    /** The "open end" date hosts use. */
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** The custom fields of the samples, one of each {@link FieldType}. */
    static final FieldKey<String> FIELD_STRING = FieldKey.string("tck", "text");

    static final FieldKey<Long> FIELD_LONG = FieldKey.integer("tck", "count");
    static final FieldKey<BigDecimal> FIELD_DECIMAL = FieldKey.decimal("tck", "rate");
    static final FieldKey<Boolean> FIELD_BOOLEAN = FieldKey.bool("tck", "blocked");
    static final FieldKey<LocalDate> FIELD_DATE = FieldKey.date("tck", "since");
    static final FieldKey<Instant> FIELD_INSTANT = FieldKey.instant("tck", "synced");
    static final FieldKey<Money> FIELD_MONEY = FieldKey.money("tck", "deposit");

    /**
     * The hard Unicode texts: CJK, a CJK ideograph outside the BMP (a surrogate pair), an emoji family joined
     * by ZWJ, combining marks (not normalised), Turkish dotted capital and dotless small i, Arabic with Latin.
     */
    static final List<String> HARD_TEXTS = List.of(
            "张伟",
            "\uD842\uDFB7野家",
            "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "Cafe\u0301 N\u0303o\u0308",
            "İstanbul ılık",
            "محمد Trading ذ.م.م");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private SampleAggregates() {}

    /**
     * Where the samples take their texts from. Field names are only a seed: in Unicode mode they pick and
     * label the text (so that two fields rarely hold the same text, and a swap of two columns shows), in
     * payload mode every text is the payload itself, except for fields whose name contains {@code #}, which
     * get the part after {@code #} in front of the payload (for values that must differ within one
     * aggregate, such as tags or product names).
     */
    static final class Texts {
        private final String payload;

        private Texts(String payload) {
            this.payload = payload;
        }

        /** @return texts in many scripts */
        static Texts unicode() {
            return new Texts(null);
        }

        /**
         * @param payload an SQL metacharacter payload, a valid one-line text
         * @return texts that are the payload
         */
        static Texts payload(String payload) {
            return new Texts(payload);
        }

        /** @return whether these are payload texts */
        boolean isPayload() {
            return payload != null;
        }

        /** A one-line text of at most {@code max} code points. */
        String line(String field, int max) {
            if (payload != null) {
                int hash = field.indexOf('#');
                return fit(hash < 0 ? payload : field.substring(hash + 1) + payload, max);
            }
            int start = Math.floorMod(field.hashCode(), HARD_TEXTS.size());
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < HARD_TEXTS.size(); i++) {
                text.append(HARD_TEXTS.get((start + i) % HARD_TEXTS.size())).append(' ');
            }
            return fit(text.append(field).toString(), max);
        }

        /** A text of several lines, with a tab and CR LF, ending with the payload in payload mode. */
        String multiline(String field, int max) {
            if (payload != null) {
                return fit(line(field, max) + "\r\n\t" + payload + "\n" + payload, max);
            }
            return fit(line(field, max / 2) + "\r\nzweite Zeile\tmit Tab\n" + HARD_TEXTS.get(2) + " 第三行", max);
        }

        /** A code of {@code [A-Za-z0-9_.-]}: the payload if it is one, else a code with LIKE wildcards. */
        String code(String field) {
            if (payload != null) {
                return CODE.matcher(payload).matches() ? payload : "x__";
            }
            return fit("tck_" + field.replaceAll("[^A-Za-z0-9_.-]", "-"), 64);
        }

        /** A member of staff: texts without leading or trailing white space. */
        StaffId staff(String field) {
            return StaffId.of(line(field, 128).strip());
        }

        /** A valid e-mail address: internationalised, or full of metacharacters the syntax allows. */
        String email() {
            return payload != null ? "o'brien--/*%_`$$@example.com" : "张伟.\uD842\uDFB7野家@例子.中国";
        }

        /** A valid web address. */
        String website() {
            return payload != null
                    ? "https://example.com/" + payload.replace(" ", "")
                    : "https://例子.中国/产品?q=\uD842\uDFB7野家#\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        }

        private static String fit(String text, int max) {
            if (text.codePointCount(0, text.length()) <= max) {
                return text;
            }
            return text.substring(0, text.offsetByCodePoints(0, max));
        }
    }

    // ---------------------------------------------------------------- customers and codes

    /** A customer with every component set, in an organisation's shape. */
    static Customer maximalCustomer(Texts t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(FIELD_STRING.qualifiedName(), t.line("customFields.text", 200));
        fields.put(FIELD_LONG.qualifiedName(), Long.MIN_VALUE);
        fields.put(FIELD_DECIMAL.qualifiedName(), new BigDecimal("12.3400"));
        fields.put(FIELD_BOOLEAN.qualifiedName(), Boolean.TRUE);
        fields.put(FIELD_DATE.qualifiedName(), SPRING_FORWARD);
        fields.put(FIELD_INSTANT.qualifiedName(), PRE_EPOCH);
        fields.put(FIELD_MONEY.qualifiedName(), Money.of("1.005", "BHD"));
        Set<String> tags = new TreeSet<>(List.of(t.line("tags#1", 64), t.line("tags#2", 64), t.line("tags#3", 64)));
        return new Customer(
                CustomerId.random(),
                PartyKind.ORGANISATION,
                t.line("displayName", 200),
                t.line("legalName", 200),
                List.of(
                        ContactPoint.email(t.email(), ContactPurpose.WORK)
                                .asPrimary()
                                .withValidity(LEAP_DAY, FALL_BACK),
                        ContactPoint.phone("+973 (17) 00-0000", ContactPurpose.HOME),
                        ContactPoint.fax("+86 10 6552 9989", ContactPurpose.BILLING),
                        ContactPoint.postal(
                                new PostalAddress(
                                        List.of(t.line("lines#1", 200), t.line("lines#2", 200)),
                                        t.line("locality", 200),
                                        t.line("administrativeArea", 200),
                                        t.line("postalCode", 20),
                                        "BH"),
                                ContactPurpose.SHIPPING),
                        ContactPoint.messaging(t.line("network", 64), t.line("handle", 200), ContactPurpose.WORK)),
                List.of(
                        new ContactPerson(
                                t.line("contactPersons#1", 200),
                                t.line("contactPersons.role", 200),
                                List.of(
                                        ContactPoint.phone("+86 138 0013 8000", ContactPurpose.WORK)
                                                .asPrimary(),
                                        ContactPoint.email(t.email(), ContactPurpose.WORK))),
                        ContactPerson.of(t.line("contactPersons#2", 200), null)),
                t.code("customerType"),
                t.code("status"),
                t.code("region"),
                t.code("industry"),
                tags,
                new Preferences(
                        Channel.SOCIAL,
                        Locale.forLanguageTag("tr-TR"),
                        List.of(
                                Consent.optIn(Channel.EMAIL, CREATED, t.line("consent.source", 500)),
                                Consent.optOut(Channel.SMS, PRE_EPOCH, null),
                                Consent.optIn(Channel.SMS, AFTER_2038, t.line("consent#2", 500)))),
                List.of(
                        ImportantDate.birthday(BIRTHDAY),
                        ImportantDate.foundingDay(OLD),
                        ImportantDate.contractAnniversary(LEAP_DAY),
                        ImportantDate.other(t.line("importantDates.label", 200), FALL_BACK)),
                t.line("externalId", 128),
                t.staff("owner"),
                Money.of("999999999999999.999", "BHD"),
                CustomFields.of(fields),
                1,
                CREATED,
                UPDATED);
    }

    /** A person with a one-code-point name (a surrogate pair) and nothing else. */
    static Customer minimalCustomer() {
        return Customer.create(
                CustomerId.random(), CustomerDraft.person("\uD842\uDFB7").build(), EPOCH);
    }

    /** Codes of every table: an inactive one with a hard label, and an active one with a one-letter label. */
    static List<ReferenceCode> referenceCodes(Texts t) {
        List<ReferenceCode> codes = new java.util.ArrayList<>();
        for (ReferenceCodeType type : ReferenceCodeType.values()) {
            codes.add(new ReferenceCode(type, t.code("rc." + type), t.line("label." + type, 200), false));
            codes.add(ReferenceCode.of(type, "Z." + type.ordinal(), "z"));
        }
        return codes;
    }

    // ---------------------------------------------------------------- interactions and tasks

    /** An interaction with every link, an outcome, notes over several lines and a contact person. */
    static Interaction maximalInteraction(Texts t) {
        return new Interaction(
                InteractionId.random(),
                CustomerId.random(),
                Channel.SALES_VISIT,
                Direction.OUTBOUND,
                PRE_EPOCH,
                t.line("subject", 500),
                t.multiline("notes", 20_000),
                Outcome.of(OutcomeKind.NEGATIVE, t.line("outcome.summary", 500)),
                t.staff("staffId"),
                t.line("contactPerson", 200),
                ServiceCaseId.random(),
                OpportunityId.random(),
                CampaignId.random(),
                1,
                CREATED,
                UPDATED);
    }

    /** An interaction with a subject only. */
    static Interaction minimalInteraction() {
        return new Interaction(
                InteractionId.random(),
                CustomerId.random(),
                Channel.PHONE,
                Direction.INBOUND,
                EPOCH,
                "x",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    /** A done task following up an interaction. */
    static Task maximalTask(Texts t) {
        return new Task(
                TaskId.random(),
                CustomerId.random(),
                InteractionId.random(),
                t.line("title", 500),
                t.multiline("notes", 20_000),
                t.staff("assignee"),
                LEAP_DAY,
                TaskStatus.DONE,
                AFTER_2038,
                1,
                CREATED,
                UPDATED);
    }

    /** An open task without notes or interaction. */
    static Task minimalTask() {
        return new Task(
                TaskId.random(),
                CustomerId.random(),
                null,
                "x",
                null,
                StaffId.of("x"),
                OLD,
                TaskStatus.OPEN,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    // ---------------------------------------------------------------- sales

    /** A cancelled BHD order with a number, descriptions, discounts and a 12-digit fractional quantity. */
    static Order maximalOrder(Texts t) {
        List<OrderLine> lines = List.of(
                new OrderLine(
                        t.line("productCode#1", 64),
                        t.line("description#1", 500),
                        new BigDecimal("1.5"),
                        Money.of("1.005", "BHD"),
                        Money.of("0.001", "BHD")),
                new OrderLine(
                        t.line("productCode#2", 64),
                        t.line("description#2", 500),
                        new BigDecimal("123456789012.123456"),
                        Money.of("0.001", "BHD"),
                        null),
                new OrderLine(
                        t.line("productCode#3", 64),
                        t.line("description#3", 500),
                        BigDecimal.ONE,
                        Money.of("0", "BHD"),
                        null));
        return new Order(
                OrderId.random(),
                CustomerId.random(),
                t.line("orderNumber", 64),
                FALL_BACK,
                lines,
                OrderLine.sum(lines),
                OrderStatus.CANCELLED,
                AFTER_2038,
                2,
                CREATED,
                UPDATED);
    }

    /** A placed JPY order of one line, without number or description. */
    static Order minimalOrder() {
        List<OrderLine> lines = List.of(OrderLine.of("x", 1, Money.of("12345", "JPY")));
        return new Order(
                OrderId.random(),
                CustomerId.random(),
                null,
                OLD,
                lines,
                OrderLine.sum(lines),
                OrderStatus.PLACED,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    /** A partly paid BHD invoice of an order, written off with a reason. */
    static Invoice maximalInvoice(Texts t) {
        return new Invoice(
                InvoiceId.random(),
                CustomerId.random(),
                t.line("invoiceNumber", 64),
                OrderId.random(),
                LEAP_DAY,
                LAST_DAY,
                Money.of("999999999999999.999", "BHD"),
                Money.of("1.005", "BHD"),
                InvoiceStatus.WRITTEN_OFF,
                SPRING_FORWARD,
                FALL_BACK,
                t.line("writeOffReason", 500),
                3,
                CREATED,
                UPDATED);
    }

    /** An open JPY invoice without order. */
    static Invoice minimalInvoice() {
        return new Invoice(
                InvoiceId.random(),
                CustomerId.random(),
                "x",
                null,
                OLD,
                OLD,
                Money.of("1", "JPY"),
                Money.of("0", "JPY"),
                InvoiceStatus.OPEN,
                null,
                null,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    /** A BHD payment against an invoice, with a reference. */
    static Payment maximalPayment(Texts t) {
        return new Payment(
                PaymentId.random(),
                CustomerId.random(),
                InvoiceId.random(),
                Money.of("1.005", "BHD"),
                BIRTHDAY,
                PaymentMethod.WALLET,
                t.line("reference", 200),
                1,
                CREATED,
                UPDATED);
    }

    /** A JPY payment on account, without reference. */
    static Payment minimalPayment() {
        return new Payment(
                PaymentId.random(),
                CustomerId.random(),
                null,
                Money.of("1", "JPY"),
                OLD,
                PaymentMethod.CASH,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    /** A lost opportunity on a pipeline of its own, with a stage history, reason and competitor note. */
    static Opportunity maximalOpportunity(Texts t) {
        return new Opportunity(
                OpportunityId.random(),
                CustomerId.random(),
                t.line("name", 200),
                t.code("pipeline"),
                "NEGOTIATION",
                Money.of("999999999999999.999", "BHD"),
                0,
                LAST_DAY,
                OpportunityStatus.LOST,
                t.line("lostReason", 500),
                t.line("competitorNote", 500),
                List.of(
                        new StageEntry("QUALIFICATION", PRE_EPOCH),
                        new StageEntry(t.code("stage"), EPOCH),
                        new StageEntry("NEGOTIATION", CREATED)),
                AFTER_2038,
                4,
                CREATED,
                UPDATED);
    }

    /** An open JPY opportunity of zero amount, without close date. */
    static Opportunity minimalOpportunity() {
        return new Opportunity(
                OpportunityId.random(),
                CustomerId.random(),
                "x",
                "standard",
                "QUALIFICATION",
                Money.of("0", "JPY"),
                100,
                null,
                OpportunityStatus.OPEN,
                null,
                null,
                List.of(new StageEntry("QUALIFICATION", EPOCH)),
                null,
                1,
                EPOCH,
                EPOCH);
    }

    /**
     * Two contracts with every component set that can be set together: one renewed by a successor, one
     * terminated with a reason; both renew a predecessor and have a renewal date.
     */
    static List<Contract> maximalContracts(Texts t) {
        Contract renewed = new Contract(
                ContractId.random(),
                CustomerId.random(),
                ContractKind.SERVICE,
                t.line("contractNumber#1", 64),
                t.line("title", 500),
                LEAP_DAY,
                LAST_DAY,
                Money.of("1.005", "BHD"),
                FALL_BACK,
                ContractStatus.RENEWED,
                null,
                ContractId.random(),
                ContractId.random(),
                3,
                CREATED,
                UPDATED);
        Contract terminated = new Contract(
                ContractId.random(),
                CustomerId.random(),
                ContractKind.SALES,
                t.line("contractNumber#2", 64),
                t.line("title#2", 500),
                SPRING_FORWARD,
                FALL_BACK,
                Money.of("9999999999", "JPY"),
                FALL_BACK,
                ContractStatus.TERMINATED,
                t.line("terminationReason", 500),
                ContractId.random(),
                null,
                2,
                CREATED,
                UPDATED);
        return List.of(renewed, terminated);
    }

    /** A draft JPY contract of one day without renewal date or links. */
    static Contract minimalContract() {
        return new Contract(
                ContractId.random(),
                CustomerId.random(),
                ContractKind.SALES,
                "x",
                "x",
                OLD,
                OLD,
                Money.of("0", "JPY"),
                null,
                ContractStatus.DRAFT,
                null,
                null,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    // ---------------------------------------------------------------- service

    /** A closed case, reopened once, with a full status history, resolution and notes. */
    static ServiceCase maximalServiceCase(Texts t) {
        List<StatusChange> history = List.of(
                new StatusChange(CaseStatus.OPEN, PRE_EPOCH, null),
                new StatusChange(CaseStatus.IN_PROGRESS, EPOCH, t.multiline("history#1", 20_000)),
                new StatusChange(CaseStatus.RESOLVED, CREATED, t.multiline("history#2", 20_000)),
                new StatusChange(CaseStatus.OPEN, CREATED.plusNanos(1_000), t.multiline("history#3", 20_000)),
                new StatusChange(CaseStatus.RESOLVED, UPDATED, t.multiline("resolution", 20_000)),
                new StatusChange(CaseStatus.CLOSED, AFTER_2038, null));
        return new ServiceCase(
                ServiceCaseId.random(),
                CustomerId.random(),
                CaseKind.COMPLAINT,
                Severity.HIGH,
                Channel.CALL_CENTRE,
                t.line("subject", 500),
                t.multiline("description", 20_000),
                CaseStatus.CLOSED,
                t.staff("assignee"),
                PRE_EPOCH,
                AFTER_2038,
                t.multiline("resolution", 20_000),
                UPDATED,
                AFTER_2038,
                1,
                history,
                7,
                CREATED,
                UPDATED);
    }

    /** An open case without description or assignee. */
    static ServiceCase minimalServiceCase() {
        return new ServiceCase(
                ServiceCaseId.random(),
                CustomerId.random(),
                CaseKind.REQUEST,
                Severity.LOW,
                Channel.WEB,
                "x",
                null,
                CaseStatus.OPEN,
                null,
                EPOCH,
                EPOCH,
                null,
                null,
                null,
                0,
                List.of(new StatusChange(CaseStatus.OPEN, EPOCH, null)),
                1,
                EPOCH,
                EPOCH);
    }

    /** A survey response with both scores (NPS zero, which is not "none"), a comment, a case and a channel. */
    static SurveyResponse maximalSurveyResponse(Texts t) {
        return new SurveyResponse(
                SurveyResponseId.random(),
                CustomerId.random(),
                PRE_EPOCH,
                5,
                0,
                t.multiline("comment", 20_000),
                ServiceCaseId.random(),
                Channel.SMS,
                1,
                CREATED,
                UPDATED);
    }

    /** A CSAT-only response without comment, case or channel. */
    static SurveyResponse minimalSurveyResponse() {
        return new SurveyResponse(
                SurveyResponseId.random(), CustomerId.random(), EPOCH, 1, null, null, null, null, 1, EPOCH, EPOCH);
    }

    // ---------------------------------------------------------------- marketing

    /** A cancelled campaign with description, segment, the largest target list and a BHD budget. */
    static Campaign maximalCampaign(Texts t) {
        return new Campaign(
                CampaignId.random(),
                t.code("campaign.code"),
                t.line("name", 200),
                t.multiline("description", 20_000),
                Channel.FAX,
                SPRING_FORWARD,
                LAST_DAY,
                t.line("targetSegment", 500),
                Campaign.MAX_TARGET_LIST_SIZE,
                Money.of("999999999999999.999", "BHD"),
                CampaignStatus.CANCELLED,
                2,
                CREATED,
                UPDATED);
    }

    /** A planned campaign with code {@code x}, without description, segment or list size, budget JPY 0. */
    static Campaign minimalCampaign() {
        return new Campaign(
                CampaignId.random(),
                "x",
                "x",
                null,
                Channel.EMAIL,
                OLD,
                OLD,
                null,
                null,
                Money.of("0", "JPY"),
                CampaignStatus.PLANNED,
                1,
                EPOCH,
                EPOCH);
    }

    /** A response that went through all four AIDA stages, with a note, an order and an opportunity. */
    static CampaignResponse maximalCampaignResponse(Texts t) {
        return new CampaignResponse(
                CampaignResponseId.random(),
                CampaignId.random(),
                CustomerId.random(),
                List.of(
                        new StageReached(AidaStage.AWARENESS, PRE_EPOCH, Channel.SOCIAL),
                        new StageReached(AidaStage.INTEREST, EPOCH, Channel.WEB),
                        new StageReached(AidaStage.DESIRE, CREATED, Channel.EMAIL),
                        new StageReached(AidaStage.ACTION, AFTER_2038, Channel.FACE_TO_FACE)),
                t.multiline("note", 20_000),
                OrderId.random(),
                OpportunityId.random(),
                4,
                CREATED,
                UPDATED);
    }

    /** A response at one stage, without note, order or opportunity. */
    static CampaignResponse minimalCampaignResponse() {
        return new CampaignResponse(
                CampaignResponseId.random(),
                CampaignId.random(),
                CustomerId.random(),
                List.of(new StageReached(AidaStage.INTEREST, EPOCH, Channel.EMAIL)),
                null,
                null,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    // ---------------------------------------------------------------- competitors

    /** A competitor with web site, strengths, weaknesses, two products and two people. */
    static Competitor maximalCompetitor(Texts t) {
        return new Competitor(
                CompetitorId.random(),
                t.line("competitor.name", 200),
                t.website(),
                t.multiline("strengths", 20_000),
                t.multiline("weaknesses", 20_000),
                List.of(
                        new CompetitorProduct(
                                t.line("products#1", 200),
                                t.line("category", 200),
                                Money.of("1.005", "BHD"),
                                t.line("priceNote", 500),
                                t.code("comparableTo")),
                        CompetitorProduct.named(t.line("products#2", 200))),
                List.of(
                        new CompetitorContact(t.line("people#1", 200), t.line("people.role", 200)),
                        new CompetitorContact(t.line("people#2", 200), null)),
                2,
                CREATED,
                UPDATED);
    }

    /** A competitor with the name {@code x} only. */
    static Competitor minimalCompetitor() {
        return new Competitor(CompetitorId.random(), "x", null, null, null, List.of(), List.of(), 1, EPOCH, EPOCH);
    }

    /** An ended dealing with a product, a JPY value and a note. */
    static CompetitorDealing maximalCompetitorDealing(Texts t) {
        return new CompetitorDealing(
                CompetitorDealingId.random(),
                CompetitorId.random(),
                CustomerId.random(),
                DealingKind.LOST_DEAL_TO,
                t.line("productName", 200),
                Money.of("999999999999999", "JPY"),
                LEAP_DAY,
                LAST_DAY,
                t.multiline("note", 20_000),
                2,
                CREATED,
                UPDATED);
    }

    /** A dealing without product, value, end or note. */
    static CompetitorDealing minimalCompetitorDealing() {
        return new CompetitorDealing(
                CompetitorDealingId.random(),
                CompetitorId.random(),
                CustomerId.random(),
                DealingKind.BIDDING,
                null,
                null,
                OLD,
                null,
                null,
                1,
                EPOCH,
                EPOCH);
    }

    // ---------------------------------------------------------------- reflection helpers

    /**
     * Returns a copy of an aggregate record with another version and nothing else changed, built with the
     * canonical constructor (so the copy passes the same checks).
     *
     * @param aggregate an aggregate record with a {@code long version} component
     * @param version the new version
     * @param <A> the aggregate type
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    static <A> A withVersion(A aggregate, long version) {
        return (A) with((Record) aggregate, Map.of("version", version));
    }

    /**
     * Returns a copy of a record with some components replaced, built with the canonical constructor (so the
     * copy passes the same checks).
     *
     * @param record the record
     * @param replacements new values by component name
     * @param <R> the record type
     * @return the copy
     * @throws IllegalArgumentException if a name is not a component
     * @throws RuntimeException whatever the constructor throws for the new values
     */
    static <R extends Record> R with(R record, Map<String, ?> replacements) {
        Class<?> type = record.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int replaced = 0;
        try {
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                types[i] = components[i].getType();
                if (replacements.containsKey(name)) {
                    args[i] = replacements.get(name);
                    replaced++;
                } else {
                    args[i] = components[i].getAccessor().invoke(record);
                }
            }
            if (replaced != replacements.size()) {
                throw new IllegalArgumentException(
                        type.getSimpleName() + " has no component among " + replacements.keySet());
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            R copy = (R) canonical.newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot copy " + record, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record, e);
        }
    }

    /**
     * Creates a new random id of an id type, by its static {@code random()} factory.
     *
     * @param idType an id record such as {@code CustomerId}
     * @return a new id
     */
    static Object randomId(Class<?> idType) {
        try {
            return idType.getMethod("random").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(idType + " has no random() factory", e);
        }
    }
}
