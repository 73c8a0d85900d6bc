package dev.guanxi.crm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MutableClock")
class MutableClockTest {
    private static final Instant START = Instant.parse("2026-01-15T09:00:00Z");

    @Test
    @DisplayName("starts at the given instant, in UTC, from an Instant or an ISO text")
    void startsWhereTold() {
        MutableClock fromInstant = MutableClock.at(START);
        MutableClock fromText = MutableClock.at("2026-01-15T09:00:00Z");

        assertThat(fromInstant.instant()).isEqualTo(START);
        assertThat(fromInstant.millis()).isEqualTo(START.toEpochMilli());
        assertThat(fromText.instant()).isEqualTo(START);
        assertThat(fromInstant.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    @DisplayName("stands still until moved")
    void standsStill() {
        MutableClock clock = MutableClock.at(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    @DisplayName("advance moves forward or back by a duration and returns the new instant")
    void advance() {
        MutableClock clock = MutableClock.at(START);

        assertThat(clock.advance(Duration.ofDays(30))).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(clock.advance(Duration.ofNanos(1)))
                .isEqualTo(START.plus(Duration.ofDays(30)).plusNanos(1));
        assertThat(clock.advance(Duration.ofDays(-31).minusNanos(1))).isEqualTo(START.minus(Duration.ofDays(1)));
        assertThat(clock.instant()).isEqualTo(START.minus(Duration.ofDays(1)));
    }

    @Test
    @DisplayName("set jumps to any instant, earlier or later")
    void set() {
        MutableClock clock = MutableClock.at(START);

        clock.set(Instant.parse("2030-06-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-06-01T00:00:00Z"));
        clock.set(Instant.parse("1999-12-31T23:59:59Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("1999-12-31T23:59:59Z"));
    }

    @Test
    @DisplayName("withZone gives a view in another zone that shares the time both ways")
    void withZoneSharesTime() {
        MutableClock utc = MutableClock.at(START);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        MutableClock local = utc.withZone(shanghai);

        assertThat(local.getZone()).isEqualTo(shanghai);
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(ZonedDateTime.now(local).getHour()).isEqualTo(17);
        utc.advance(Duration.ofHours(1));
        assertThat(local.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
        local.set(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(utc.instant()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    @DisplayName("rejects null instants, durations and zones")
    void rejectsNulls() {
        MutableClock clock = MutableClock.at(START);

        assertThatThrownBy(() -> MutableClock.at((Instant) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.withZone(null)).isInstanceOf(NullPointerException.class);
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    @DisplayName("toString shows the current instant and the zone")
    void describesItself() {
        MutableClock clock = MutableClock.at(START);
        clock.advance(Duration.ofMinutes(1));

        assertThat(clock).hasToString("MutableClock[2026-01-15T09:01:00Z, Z]");
    }
}
