package dev.guanxi.crm.internal.membership;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.NotFoundException;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.event.MembershipTierChanged;
import dev.guanxi.crm.internal.Aggregates;
import dev.guanxi.crm.internal.Check;
import dev.guanxi.crm.internal.CrmContext;
import dev.guanxi.crm.internal.CrmContext.WriteScope;
import dev.guanxi.crm.loyalty.Membership;
import dev.guanxi.crm.loyalty.MembershipProgramme;
import dev.guanxi.crm.loyalty.PointsAccount;
import dev.guanxi.crm.loyalty.PointsEarnRule;
import dev.guanxi.crm.loyalty.PointsEntry;
import dev.guanxi.crm.loyalty.PointsEntryId;
import dev.guanxi.crm.loyalty.PointsEntryKind;
import dev.guanxi.crm.loyalty.PointsExpiry;
import dev.guanxi.crm.loyalty.TierChange;
import dev.guanxi.crm.loyalty.TierDecision;
import dev.guanxi.crm.loyalty.TierReview;
import dev.guanxi.crm.loyalty.TierRule;
import dev.guanxi.crm.money.CurrencyConverter;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.sales.Order;
import dev.guanxi.crm.sales.OrderId;
import dev.guanxi.crm.sales.OrderLine;
import dev.guanxi.crm.spi.storage.PointsLedgerRepository;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Default {@link Membership}: every post is one unit of work (find the key, read or open the account, check,
 * store the account with its version check, insert the entry), run again by {@link Retry} when it lost a race.
 * Thread-safe (holds no mutable state).
 */
public final class DefaultMembership implements Membership {
    private static final String ORDER_KEY = RESERVED_KEY_PREFIX + "order:";
    private static final String EXPIRE_KEY = RESERVED_KEY_PREFIX + "expire:";
    /** Accounts per slice of a tenant-wide run, and entries per page when a ledger is read whole. */
    private static final int BATCH = 500;

    private final CrmContext context;
    private final TenantId tenant;
    private final MembershipProgramme programme;

    /**
     * @param context the CRM's configuration and storage
     * @param tenant the tenant this API works in
     */
    public DefaultMembership(CrmContext context, TenantId tenant) {
        this.context = context;
        this.tenant = tenant;
        this.programme = context.membership();
    }

    @Override
    public MembershipProgramme programme() {
        return programme;
    }

    // ---- accounts and posts ----

    @Override
    public PointsAccount enrol(CustomerId customerId) {
        Check.required("customerId", customerId);
        return Retry.optimistic(() -> context.write(tenant, scope -> {
            Aggregates.requireCustomer(scope.uow(), customerId);
            return accountFor(scope, customerId);
        }));
    }

    @Override
    public PointsEntry earn(CustomerId customerId, String businessKey, long points, String reason) {
        return post(customerId, businessKey, PointsEntryKind.EARN, count(points), reason);
    }

    @Override
    public PointsEntry redeem(CustomerId customerId, String businessKey, long points, String reason) {
        return post(customerId, businessKey, PointsEntryKind.REDEEM, -count(points), reason);
    }

    @Override
    public PointsEntry adjust(CustomerId customerId, String businessKey, long points, String reason) {
        if (points == 0 || Math.abs(points) > PointsEntry.MAX_POINTS) {
            throw Check.fail(
                    "points",
                    ValidationRule.OUT_OF_RANGE,
                    "an adjustment must not be zero nor exceed " + PointsEntry.MAX_POINTS + " points either way");
        }
        return post(customerId, businessKey, PointsEntryKind.ADJUST, points, reason);
    }

    private static long count(long points) {
        if (points < 1 || points > PointsEntry.MAX_POINTS) {
            throw Check.fail(
                    "points", ValidationRule.OUT_OF_RANGE, "points must be between 1 and " + PointsEntry.MAX_POINTS);
        }
        return points;
    }

    /** A post's outcome: the new entry, or the entry already stored under the key (a replay). */
    private record Posted(PointsEntry entry, boolean replay) {}

    private PointsEntry post(
            CustomerId customerId, String businessKey, PointsEntryKind kind, long points, String reason) {
        Check.required("customerId", customerId);
        Check.text("businessKey", businessKey, PointsEntry.BUSINESS_KEY_MAX);
        if (businessKey.startsWith(RESERVED_KEY_PREFIX)) {
            throw Check.fail(
                    "businessKey",
                    ValidationRule.INVALID_FORMAT,
                    "business keys beginning with '" + RESERVED_KEY_PREFIX + "' are reserved for the SDK");
        }
        Check.text("reason", reason, PointsEntry.REASON_MAX);
        Posted posted = Retry.optimistic(() -> context.write(tenant, scope -> {
            Optional<PointsEntry> existing = scope.uow().points().findEntryByBusinessKey(businessKey);
            if (existing.isPresent()) {
                return new Posted(existing.get(), true);
            }
            Aggregates.requireCustomer(scope.uow(), customerId);
            PointsAccount account = accountFor(scope, customerId);
            LocalDate expiresOn = kind == PointsEntryKind.EARN ? programme.expiryFor(today(scope.now())) : null;
            return new Posted(
                    append(scope, account, businessKey, kind, points, expiresOn, reason, null)
                            .entry(),
                    false);
        }));
        PointsEntry entry = posted.entry();
        if (posted.replay()
                && !(entry.customerId().equals(customerId) && entry.kind() == kind && entry.points() == points)) {
            throw new DuplicateKeyException("businessKey", businessKey, entry.id());
        }
        return entry;
    }

    @Override
    public Optional<PointsEntry> earnForPurchase(OrderId orderId) {
        Check.required("orderId", orderId);
        String key = ORDER_KEY + orderId;
        return Retry.optimistic(() -> context.write(tenant, scope -> {
            PointsLedgerRepository points = scope.uow().points();
            Optional<PointsEntry> existing = points.findEntryByBusinessKey(key);
            if (existing.isPresent()) {
                return existing;
            }
            Order order = scope.uow().orders().find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
            if (!order.isPlaced()) {
                throw Check.fail("orderId", ValidationRule.INVALID_STATE, "the order is cancelled");
            }
            if (programme.earnRules().isEmpty()) {
                return Optional.<PointsEntry>empty();
            }
            Aggregates.requireCustomer(scope.uow(), order.customerId());
            Optional<PointsAccount> current = points.find(order.customerId());
            String tier = current.map(PointsAccount::tier).orElse(null);
            CurrencyConverter converter = converter();
            long total = 0;
            StringBuilder reason = new StringBuilder("order ")
                    .append(order.orderNumber() == null ? order.id().toString() : order.orderNumber())
                    .append(" (")
                    .append(order.total())
                    .append(")");
            String separator = ": ";
            for (PointsEarnRule rule : programme.earnRules()) {
                Money eligible = Money.zero(order.currency());
                for (OrderLine line : order.lines()) {
                    if (rule.appliesTo(line.productCode())) {
                        eligible = eligible.plus(line.lineTotal());
                    }
                }
                if (eligible.isZero()) {
                    continue;
                }
                Money base = converter.convert(eligible, order.orderDate()).amount();
                long earned = rule.pointsFor(base, tier);
                if (earned > 0) {
                    total = Math.addExact(total, earned);
                    reason.append(separator).append(rule.code()).append(' ').append(earned);
                    separator = ", ";
                }
            }
            if (total == 0) {
                return Optional.<PointsEntry>empty();
            }
            if (total > PointsEntry.MAX_POINTS) {
                throw Check.fail(
                        "orderId", ValidationRule.OUT_OF_RANGE, "the order earns more than " + PointsEntry.MAX_POINTS);
            }
            PointsAccount account = current.isPresent() ? current.get() : accountFor(scope, order.customerId());
            LocalDate expiresOn = programme.expiryFor(today(scope.now()));
            return Optional.of(append(
                            scope,
                            account,
                            key,
                            PointsEntryKind.EARN,
                            total,
                            expiresOn,
                            truncate(reason.toString()),
                            orderId)
                    .entry());
        }));
    }

    /** The account, or a new one stored at version 1 (a racing opener makes this a DuplicateKeyException). */
    private static PointsAccount accountFor(WriteScope scope, CustomerId customerId) {
        PointsLedgerRepository points = scope.uow().points();
        Optional<PointsAccount> existing = points.find(customerId);
        if (existing.isPresent()) {
            return existing.get();
        }
        PointsAccount opened = PointsAccount.open(customerId, scope.now());
        points.insert(opened);
        return opened;
    }

    /** An account after an entry was posted to it, and the entry. */
    private record Appended(PointsAccount account, PointsEntry entry) {}

    /**
     * Posts one entry: the account is stored first, with its version check, so that of two posts built on the
     * same balance one fails before it inserts anything.
     */
    private static Appended append(
            WriteScope scope,
            PointsAccount account,
            String key,
            PointsEntryKind kind,
            long points,
            LocalDate expiresOn,
            String reason,
            OrderId orderId) {
        long balance;
        try {
            balance = Math.addExact(account.balance(), points);
        } catch (ArithmeticException e) {
            throw Check.fail("points", ValidationRule.OUT_OF_RANGE, "the balance would overflow");
        }
        if (balance < 0) {
            throw Check.fail(
                    "points",
                    ValidationRule.OUT_OF_RANGE,
                    (kind == PointsEntryKind.REDEEM ? "redeeming " + -points : "adjusting by " + points)
                            + " points would leave a negative balance (the balance is " + account.balance() + ")");
        }
        PointsEntry entry = new PointsEntry(
                PointsEntryId.random(),
                account.id(),
                account.entries() + 1,
                key,
                kind,
                points,
                balance,
                scope.now(),
                expiresOn,
                reason,
                orderId);
        PointsAccount next = account.post(entry, scope.now());
        scope.uow().points().update(account.version(), next);
        scope.uow().points().insertEntry(entry);
        return new Appended(next, entry);
    }

    // ---- reads ----

    @Override
    public long balance(CustomerId customerId) {
        return account(customerId).map(PointsAccount::balance).orElse(0L);
    }

    @Override
    public Optional<PointsAccount> account(CustomerId customerId) {
        Check.required("customerId", customerId);
        return context.read(tenant, uow -> uow.points().find(customerId));
    }

    @Override
    public Page<PointsEntry> ledger(CustomerId customerId, PageRequest page) {
        Check.required("page", page);
        return context.read(tenant, uow -> {
            Aggregates.requireCustomer(uow, customerId);
            return uow.points().listEntries(customerId, page);
        });
    }

    @Override
    public Optional<PointsEntry> findEntry(String businessKey) {
        Check.required("businessKey", businessKey);
        return context.read(tenant, uow -> uow.points().findEntryByBusinessKey(businessKey));
    }

    // ---- expiry ----

    @Override
    public PointsExpiry expire(LocalDate asOf) {
        Check.notFuture("asOf", asOf, context.clock());
        long accounts = 0;
        long entries = 0;
        long expired = 0;
        CustomerId after = null;
        while (true) {
            CustomerId from = after;
            List<PointsAccount> slice = context.read(tenant, uow -> uow.points().listAccounts(from, asOf, BATCH));
            for (PointsAccount a : slice) {
                long[] done =
                        Retry.optimistic(() -> context.write(tenant, scope -> expireAccount(scope, a.id(), asOf)));
                if (done[0] > 0) {
                    accounts++;
                    entries += done[0];
                    expired += done[1];
                }
            }
            if (slice.size() < BATCH) {
                return new PointsExpiry(asOf, accounts, entries, expired);
            }
            after = slice.get(slice.size() - 1).id();
        }
    }

    /** @return {entries posted, points expired} */
    private static long[] expireAccount(WriteScope scope, CustomerId customerId, LocalDate asOf) {
        PointsLedgerRepository points = scope.uow().points();
        Optional<PointsAccount> found = points.find(customerId);
        if (found.isEmpty()
                || found.get().nextExpiry() == null
                || found.get().nextExpiry().isAfter(asOf)) {
            return new long[2];
        }
        PointsAccount account = found.get();
        PointsLots lots = PointsLots.replay(ledger(scope.uow(), customerId));
        long posted = 0;
        long expired = 0;
        for (PointsLots.Lot lot : lots.dueBy(asOf)) {
            String key = EXPIRE_KEY + lot.source.id();
            if (points.findEntryByBusinessKey(key).isPresent()) {
                continue; // cannot happen with a ledger the SDK wrote; never expire a lot twice
            }
            String reason = lot.remaining + " of " + lot.source.points() + " points earned on "
                    + lot.source.postedOn() + " (" + lot.source.businessKey() + ") expired on "
                    + lot.source.expiresOn();
            Appended appended =
                    append(scope, account, key, PointsEntryKind.EXPIRE, -lot.remaining, null, truncate(reason), null);
            account = appended.account();
            posted++;
            expired += lot.remaining;
        }
        LocalDate next = lots.nextExpiryAfter(asOf);
        if (!Objects.equals(account.nextExpiry(), next)) {
            points.update(account.version(), account.withNextExpiry(next, scope.now()));
        }
        return new long[] {posted, expired};
    }

    /** A member's whole ledger in sequence order. */
    private static List<PointsEntry> ledger(UnitOfWork uow, CustomerId customerId) {
        List<PointsEntry> all = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
        while (next.isPresent()) {
            Page<PointsEntry> page = uow.points().listEntries(customerId, next.get());
            all.addAll(page.items());
            next = page.nextRequest();
        }
        return all;
    }

    // ---- tiers ----

    @Override
    public TierDecision evaluateTier(CustomerId customerId, LocalDate asOf) {
        Check.required("customerId", customerId);
        Check.notFuture("asOf", asOf, context.clock());
        CurrencyConverter converter = converter();
        return Retry.optimistic(() -> context.write(tenant, scope -> {
            Aggregates.requireCustomer(scope.uow(), customerId);
            Optional<PointsAccount> account = scope.uow().points().find(customerId);
            LocalDate since = account.map(PointsAccount::tierSince).orElse(null);
            if (since != null && asOf.isBefore(since)) {
                throw Check.fail(
                        "asOf",
                        ValidationRule.DATE_ORDER,
                        "the member's tier last changed on " + since + ", after " + asOf);
            }
            TierPolicy.Outcome outcome = evaluate(scope, customerId, account, asOf, converter);
            return new TierDecision(customerId, asOf, outcome.from(), outcome.to(), outcome.change(), outcome.reason());
        }));
    }

    @Override
    public TierReview evaluateTiers(LocalDate asOf) {
        Check.notFuture("asOf", asOf, context.clock());
        CurrencyConverter converter = converter();
        long evaluated = 0;
        long promoted = 0;
        long demoted = 0;
        CustomerId after = null;
        while (true) {
            CustomerId from = after;
            List<PointsAccount> slice = context.read(tenant, uow -> uow.points().listAccounts(from, null, BATCH));
            for (PointsAccount a : slice) {
                TierChange change = Retry.optimistic(() -> context.write(tenant, scope -> {
                    Optional<PointsAccount> account = scope.uow().points().find(a.id());
                    if (account.isEmpty()
                            || (account.get().tierSince() != null
                                    && asOf.isBefore(account.get().tierSince()))) {
                        return null;
                    }
                    return evaluate(scope, a.id(), account, asOf, converter).change();
                }));
                if (change != null) {
                    evaluated++;
                    promoted += change == TierChange.PROMOTED ? 1 : 0;
                    demoted += change == TierChange.DEMOTED ? 1 : 0;
                }
            }
            if (slice.size() < BATCH) {
                return new TierReview(asOf, evaluated, promoted, demoted);
            }
            after = slice.get(slice.size() - 1).id();
        }
    }

    /** Decides, and stores and publishes a change; the reason is rendered only for a change. */
    private TierPolicy.Outcome evaluate(
            WriteScope scope,
            CustomerId customerId,
            Optional<PointsAccount> account,
            LocalDate asOf,
            CurrencyConverter converter) {
        String current = account.map(PointsAccount::tier).orElse(null);
        TierPolicy.Outcome outcome =
                TierPolicy.decide(programme, current, new Windows(scope.uow(), customerId, asOf, converter));
        if (outcome.change() != TierChange.UNCHANGED) {
            PointsAccount stored = account.isPresent() ? account.get() : accountFor(scope, customerId);
            scope.uow().points().update(stored.version(), stored.withTier(outcome.to(), asOf, scope.now()));
            scope.publish(new MembershipTierChanged(
                    scope.metadata(), customerId, outcome.from(), outcome.to(), outcome.reason(), asOf));
        }
        return outcome;
    }

    /**
     * A member's spend and earned points in windows ending on a day, read once, when a rule first asks: the
     * orders of the longest window (newest first, stopping at its start), and a sum of earn entries per window.
     */
    private final class Windows implements TierPolicy.Windows {
        private final UnitOfWork uow;
        private final CustomerId customerId;
        private final LocalDate asOf;
        private final CurrencyConverter converter;
        private final Map<Integer, Long> points = new HashMap<>();
        private List<Order> orders;

        Windows(UnitOfWork uow, CustomerId customerId, LocalDate asOf, CurrencyConverter converter) {
            this.uow = uow;
            this.customerId = customerId;
            this.asOf = asOf;
            this.converter = converter;
        }

        @Override
        public Money spent(int days) {
            LocalDate start = asOf.minusDays(days - 1L);
            long minor = 0;
            Currency base = converter.base();
            for (Order o : orders()) {
                if (!o.orderDate().isBefore(start)) {
                    minor = Math.addExact(
                            minor, converter.toBaseMinor(o.total().minorUnits(), o.currency(), o.orderDate()));
                }
            }
            return Money.ofMinor(minor, base);
        }

        @Override
        public long pointsEarned(int days) {
            return points.computeIfAbsent(
                    days,
                    d -> uow.points()
                            .sumEntries(
                                    customerId,
                                    PointsEntryKind.EARN,
                                    startOf(asOf.minusDays(d - 1L)),
                                    startOf(asOf.plusDays(1))));
        }

        /** The placed orders dated in the longest window that counts spend. */
        private List<Order> orders() {
            if (orders != null) {
                return orders;
            }
            int longest = 1;
            for (var tier : programme.tiers()) {
                for (TierRule rule : List.of(tier.entry(), tier.keep())) {
                    if (rule.minSpend() != null) {
                        longest = Math.max(longest, rule.windowDays());
                    }
                }
            }
            LocalDate start = asOf.minusDays(longest - 1L);
            List<Order> found = new ArrayList<>();
            Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_LIMIT));
            while (next.isPresent()) {
                Page<Order> page = uow.orders().listByCustomer(customerId, next.get());
                boolean older = false;
                for (Order o : page.items()) {
                    if (o.orderDate().isBefore(start)) {
                        older = true;
                    } else if (!o.orderDate().isAfter(asOf) && o.isPlaced()) {
                        found.add(o);
                    }
                }
                next = older ? Optional.empty() : page.nextRequest();
            }
            orders = found;
            return found;
        }
    }

    /** @return a converter into the base currency, or null without a programme (then nothing counts spend) */
    private CurrencyConverter converter() {
        Currency base = programme.baseCurrency().orElse(null);
        if (base == null) {
            return null;
        }
        return programme
                .exchangeRates()
                .map(rates -> CurrencyConverter.to(base, rates))
                .orElseGet(() -> CurrencyConverter.single(base));
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Cuts a generated reason to the entry's limit, at a code point boundary. */
    private static String truncate(String reason) {
        if (reason.codePointCount(0, reason.length()) <= PointsEntry.REASON_MAX) {
            return reason;
        }
        return reason.substring(0, reason.offsetByCodePoints(0, PointsEntry.REASON_MAX - 1)) + "…";
    }
}
