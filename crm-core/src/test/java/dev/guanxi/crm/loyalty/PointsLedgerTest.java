package dev.guanxi.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.customer.NoSuchCustomerException;
import dev.guanxi.crm.query.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The points ledger: earn, redeem, adjust, idempotent by business key, never negative")
class PointsLedgerTest extends MembershipTestSupport {

    @Test
    @DisplayName("earn, redeem and adjust post signed entries whose running balance is the account's balance")
    void postsSignedEntries() {
        PointsEntry earned = membership.earn(customer, "signup-1", 100, "sign-up bonus");
        clock.advance(Duration.ofMinutes(1));
        PointsEntry redeemed = membership.redeem(customer, "coupon-1", 30, "coupon");
        PointsEntry adjusted = membership.adjust(customer, "fix-1", -5, "double counted");

        // 100 - 30 - 5 = 65
        assertThat(earned.points()).isEqualTo(100);
        assertThat(earned.kind()).isEqualTo(PointsEntryKind.EARN);
        assertThat(earned.balanceAfter()).isEqualTo(100);
        assertThat(earned.expiresOn()).as("no programme: points never expire").isNull();
        assertThat(earned.occurredAt()).isEqualTo(START);
        assertThat(redeemed.points()).isEqualTo(-30);
        assertThat(redeemed.balanceAfter()).isEqualTo(70);
        assertThat(adjusted.points()).isEqualTo(-5);
        assertThat(adjusted.balanceAfter()).isEqualTo(65);
        long balance = membership.balance(customer);
        assertThat(balance).isEqualTo(65);
        assertThat(ledger(customer)).containsExactly(earned, redeemed, adjusted);
        PointsAccount account = membership.account(customer).orElseThrow();
        // opened at 1, then one version per post
        assertThat(account.version()).isEqualTo(4);
        assertThat(account.entries()).isEqualTo(3);
        assertThat(account.createdAt()).isEqualTo(START);
        assertThat(account.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertConsistent(customer);
    }

    @Test
    @DisplayName("redeeming more than the balance is OUT_OF_RANGE on points and stores nothing")
    void redeemBeyondBalance() {
        membership.earn(customer, "e1", 50, "bonus");
        PointsAccount before = membership.account(customer).orElseThrow();

        assertInvalid(() -> membership.redeem(customer, "r1", 51, "too much"), "points", ValidationRule.OUT_OF_RANGE);

        assertThat(membership.account(customer)).contains(before);
        assertThat(membership.findEntry("r1")).isEmpty();
        PointsEntry exact = membership.redeem(customer, "r1", 50, "all of it");
        assertThat(exact.balanceAfter()).isZero();
        assertConsistent(customer);
    }

    @Test
    @DisplayName("redeeming without an account fails and opens no account")
    void redeemWithoutAccount() {
        assertInvalid(
                () -> membership.redeem(customer, "r1", 1, "nothing there"), "points", ValidationRule.OUT_OF_RANGE);
        assertThat(membership.account(customer)).isEmpty();
    }

    @Test
    @DisplayName("a negative adjustment may not drive the balance below zero; a positive one is fine")
    void adjustBounds() {
        membership.earn(customer, "e1", 10, "bonus");
        assertInvalid(() -> membership.adjust(customer, "a1", -11, "too much"), "points", ValidationRule.OUT_OF_RANGE);
        PointsEntry up = membership.adjust(customer, "a1", 7, "goodwill");
        PointsEntry down = membership.adjust(customer, "a2", -17, "reset");
        assertThat(up.balanceAfter()).isEqualTo(17);
        assertThat(down.balanceAfter()).isZero();
        assertConsistent(customer);
    }

    @Test
    @DisplayName("replaying a post with the same business key returns the stored entry and changes nothing")
    void idempotentReplay() {
        PointsEntry first = membership.earn(customer, "pos-7731:paid", 120, "purchase at POS");
        PointsAccount after = membership.account(customer).orElseThrow();
        clock.advance(Duration.ofHours(1));

        PointsEntry again = membership.earn(customer, "pos-7731:paid", 120, "purchase at POS (retried)");
        PointsEntry redeem = membership.redeem(customer, "r-1", 20, "voucher");
        PointsEntry redeemAgain = membership.redeem(customer, "r-1", 20, "voucher");

        assertThat(again).isEqualTo(first);
        assertThat(redeemAgain).isEqualTo(redeem);
        assertThat(ledger(customer)).hasSize(2);
        assertThat(membership.balance(customer)).isEqualTo(100);
        assertThat(membership.account(customer).orElseThrow().version()).isEqualTo(after.version() + 1);
        assertConsistent(customer);
    }

    @Test
    @DisplayName("a replay is returned even when the balance no longer covers it (the post happened once)")
    void replayOfRedemptionAfterBalanceFell() {
        membership.earn(customer, "e1", 30, "bonus");
        PointsEntry r = membership.redeem(customer, "r1", 30, "all");
        assertThat(membership.redeem(customer, "r1", 30, "all")).isEqualTo(r);
    }

    @Test
    @DisplayName("a key that holds a different post is a DuplicateKeyException naming the holder")
    void keyWithDifferentPost() {
        PointsEntry first = membership.earn(customer, "k1", 10, "bonus");
        CustomerId other = newCustomer(acme, "李娜");

        for (Runnable conflicting : List.<Runnable>of(
                () -> membership.earn(customer, "k1", 11, "other amount"),
                () -> membership.adjust(customer, "k1", 10, "other kind"),
                () -> membership.earn(other, "k1", 10, "other member"))) {
            assertThatThrownBy(conflicting::run).isInstanceOfSatisfying(DuplicateKeyException.class, e -> {
                assertThat(e.field()).isEqualTo("businessKey");
                assertThat(e.rule()).isEqualTo(ValidationRule.DUPLICATE);
                assertThat(e.existingId()).contains(first.id());
            });
        }
        assertThat(membership.account(other)).isEmpty();
        assertThat(ledger(customer)).containsExactly(first);
    }

    @Test
    @DisplayName("bad input names the field and the rule, and stores nothing")
    void badInput() {
        assertInvalid(() -> membership.earn(customer, "k", 0, "r"), "points", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> membership.earn(customer, "k", -5, "r"), "points", ValidationRule.OUT_OF_RANGE);
        assertInvalid(
                () -> membership.earn(customer, "k", PointsEntry.MAX_POINTS + 1, "r"),
                "points",
                ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> membership.redeem(customer, "k", 0, "r"), "points", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> membership.adjust(customer, "k", 0, "r"), "points", ValidationRule.OUT_OF_RANGE);
        assertInvalid(() -> membership.earn(null, "k", 1, "r"), "customerId", ValidationRule.REQUIRED);
        assertInvalid(() -> membership.earn(customer, null, 1, "r"), "businessKey", ValidationRule.REQUIRED);
        assertInvalid(() -> membership.earn(customer, " ", 1, "r"), "businessKey", ValidationRule.BLANK);
        assertInvalid(() -> membership.earn(customer, "x".repeat(201), 1, "r"), "businessKey", ValidationRule.TOO_LONG);
        assertInvalid(
                () -> membership.earn(customer, "a\u0000b", 1, "r"), "businessKey", ValidationRule.ILLEGAL_CHARACTER);
        assertInvalid(
                () -> membership.earn(customer, "gx:order:mine", 1, "r"), "businessKey", ValidationRule.INVALID_FORMAT);
        assertInvalid(() -> membership.earn(customer, "k", 1, null), "reason", ValidationRule.REQUIRED);
        assertInvalid(() -> membership.earn(customer, "k", 1, "r".repeat(501)), "reason", ValidationRule.TOO_LONG);
        assertThat(membership.account(customer)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a business key of 200 code points (emoji and CJK) is accepted and found exactly")
    void longUnicodeKey() {
        String key = "🙂".repeat(100) + "积".repeat(100);
        PointsEntry e = membership.earn(customer, key, 1, "unicode key");
        assertThat(membership.findEntry(key)).contains(e);
        assertThat(membership.findEntry(key.substring(2))).isEmpty();
    }

    @Test
    @DisplayName("posting for a customer that does not exist in the tenant is NoSuchCustomerException")
    void unknownCustomer() {
        CustomerId stranger = CustomerId.random();
        assertThatThrownBy(() -> membership.earn(stranger, "k", 1, "r")).isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> membership.ledger(stranger, PageRequest.first(10)))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> membership.enrol(stranger)).isInstanceOf(NoSuchCustomerException.class);
        assertThat(membership.balance(stranger)).isZero();
    }

    @Test
    @DisplayName("another tenant sees neither the account, the ledger nor the business keys")
    void tenantIsolation() {
        PointsEntry mine = membership.earn(customer, "shared-key", 40, "bonus");
        TenantCrm other = crm.tenant("globex");
        CustomerId theirs = newCustomer(other, "王芳");

        PointsEntry theirEntry = other.membership().earn(theirs, "shared-key", 5, "bonus");

        assertThat(theirEntry.id()).isNotEqualTo(mine.id());
        assertThat(other.membership().balance(customer)).isZero();
        assertThat(other.membership().account(customer)).isEmpty();
        assertThat(other.membership().findEntry("shared-key")).contains(theirEntry);
        assertThat(membership.findEntry("shared-key")).contains(mine);
        assertThatThrownBy(() -> other.membership().ledger(customer, PageRequest.first(5)))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> other.membership().redeem(customer, "x", 1, "r"))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThat(membership.balance(customer)).isEqualTo(40);
    }

    @Test
    @DisplayName("enrol opens an empty account once and returns it as it is afterwards")
    void enrol() {
        PointsAccount opened = membership.enrol(customer);
        assertThat(opened.balance()).isZero();
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.tier()).isNull();
        membership.earn(customer, "e", 3, "bonus");
        PointsAccount again = membership.enrol(customer);
        assertThat(again.balance()).isEqualTo(3);
        assertThat(again.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("property: random earn/redeem/adjust with replays keep balance = Σ entries and never negative")
    void randomPostsKeepTheInvariant() {
        Random random = new Random(20260115);
        long expected = 0;
        for (int i = 0; i < 300; i++) {
            int op = random.nextInt(3);
            long points = 1 + random.nextInt(60);
            String key = "k" + random.nextInt(120); // collisions exercise replays and mismatches
            try {
                PointsEntry e = switch (op) {
                    case 0 -> membership.earn(customer, key, points, "earn");
                    case 1 -> membership.redeem(customer, key, points, "redeem");
                    default -> membership.adjust(customer, key, random.nextBoolean() ? points : -points, "adjust");
                };
                assertThat(e.businessKey()).isEqualTo(key);
            } catch (dev.guanxi.crm.ValidationException e) {
                assertThat(e.field()).isIn("businessKey", "points");
            }
            Optional<PointsAccount> account = membership.account(customer);
            expected = account.map(PointsAccount::balance).orElse(0L);
            assertThat(expected).isNotNegative();
        }
        assertConsistent(customer);
        assertThat(membership.balance(customer)).isEqualTo(expected);
    }
}
