package dev.guanxi.crm.test;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.event.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link Crm} on the in-memory store, with a {@link MutableClock} starting at {@link
 * #START} and every event recorded. Test methods (and {@code @BeforeEach} methods) declare what they need as
 * parameters: {@link Crm}, {@link TenantCrm} (tenant {@link #TENANT}), {@link MutableClock} or {@link
 * RecordedEvents}. All parameters of one test share the same instances; the next test gets new ones.
 *
 * <pre>{@code
 * @ExtendWith(CrmExtension.class)
 * class DiscountRuleTest {
 *     @Test
 *     void keyCustomersGetTheDiscount(TenantCrm crm, MutableClock clock) { ... }
 * }
 * }</pre>
 */
public final class CrmExtension implements ParameterResolver, AfterEachCallback {
    /** The instant every test's clock starts at. */
    public static final Instant START = Instant.parse("2026-01-15T09:00:00Z");
    /** The tenant of the injected {@link TenantCrm}. */
    public static final TenantId TENANT = TenantId.of("test-tenant");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CrmExtension.class);

    /** Creates the extension (JUnit does, through {@code @ExtendWith}). */
    public CrmExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Crm.class
                || type == TenantCrm.class
                || type == MutableClock.class
                || type == RecordedEvents.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fresh fresh = context.getStore(NAMESPACE).getOrComputeIfAbsent(Fresh.class, k -> new Fresh(), Fresh.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == Crm.class) {
            return fresh.crm;
        }
        if (type == TenantCrm.class) {
            return fresh.crm.tenant(TENANT);
        }
        if (type == MutableClock.class) {
            return fresh.clock;
        }
        return fresh.events;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Fresh fresh = context.getStore(NAMESPACE).remove(Fresh.class, Fresh.class);
        if (fresh != null) {
            fresh.crm.close();
        }
    }

    private static final class Fresh {
        final MutableClock clock = MutableClock.at(START);
        final RecordedEvents events = new RecordedEvents();
        final Crm crm = Crm.builder().clock(clock).listener(events::add).build();
    }

    /** The events a test's CRM delivered, in delivery order. Thread-safe. */
    public static final class RecordedEvents {
        private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());

        RecordedEvents() {}

        void add(DomainEvent event) {
            events.add(event);
        }

        /** @return every event delivered so far */
        public List<DomainEvent> all() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }

        /**
         * @param type an event type
         * @param <E> the event type
         * @return the delivered events of that type, in order
         */
        public <E extends DomainEvent> List<E> of(Class<E> type) {
            return all().stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** Forgets the events delivered so far. */
        public void clear() {
            events.clear();
        }
    }
}
