package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.Channel;
import dev.guanxi.crm.StaffId;
import dev.guanxi.crm.TenantId;
import dev.guanxi.crm.customer.Consent;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.event.EventMetadata;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.test.tck.SampleAggregates.Texts;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sample events of every type of the sealed {@link DomainEvent} hierarchy, found by walking {@link
 * Class#getPermittedSubclasses()}, so that a new event type is covered without changing the kit. Each is
 * built with its canonical constructor from sample values chosen by component type: hard Unicode or payload
 * texts, BHD and JPY amounts, instants with microseconds before the epoch and after 2038, dates at the edges
 * of {@code SampleAggregates}, a maximal customer, every id type. A component type the factory does not know
 * fails loudly, naming the event and the type, so the kit is extended rather than skipping the event.
 *
 * <p>Stateless and thread-safe.
 */
final class SampleEvents {
    private static final List<Money> AMOUNTS =
            List.of(Money.of("1.005", "BHD"), Money.of("12345", "JPY"), Money.of("999999999999999.999", "BHD"));
    private static final List<Instant> INSTANTS =
            List.of(SampleAggregates.PRE_EPOCH, SampleAggregates.AFTER_2038, SampleAggregates.CREATED);
    private static final List<LocalDate> DATES =
            List.of(SampleAggregates.BIRTHDAY, SampleAggregates.LAST_DAY, SampleAggregates.LEAP_DAY);

    private SampleEvents() {}

    /** @return every record type of the event hierarchy, by name */
    static List<Class<?>> types() {
        List<Class<?>> leaves = new ArrayList<>();
        collect(DomainEvent.class, leaves);
        leaves.sort(Comparator.comparing(Class::getName));
        return leaves;
    }

    private static void collect(Class<?> type, List<Class<?>> leaves) {
        if (type.isRecord()) {
            leaves.add(type);
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> sub : permitted) {
                collect(sub, leaves);
            }
        }
    }

    /**
     * An event with every component set.
     *
     * @param type an event record type
     * @param tenant the tenant of its metadata
     * @param texts where its texts come from
     * @return the event
     */
    static DomainEvent maximal(Class<?> type, TenantId tenant, Texts texts) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Map<Class<?>, Integer> occurrences = new HashMap<>();
        Customer[] customer = new Customer[1];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            int k = occurrences.merge(c, 1, Integer::sum) - 1;
            args[i] = sample(type, components[i], k, tenant, texts, customer);
        }
        return construct(type, args);
    }

    /**
     * An event with every component {@code null} that its constructor allows to be.
     *
     * @param type an event record type
     * @param tenant the tenant of its metadata
     * @return the event, or empty if no component may be {@code null}
     */
    static Optional<DomainEvent> minimal(Class<?> type, TenantId tenant) {
        DomainEvent full = maximal(type, tenant, Texts.unicode());
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = values(full);
        boolean any = false;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive() || components[i].getType() == EventMetadata.class) {
                continue;
            }
            Object kept = args[i];
            args[i] = null;
            try {
                construct(type, args);
                any = true;
            } catch (RuntimeException refused) {
                args[i] = kept; // required, or not together with the components already null
            }
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(construct(type, args));
    }

    /**
     * Every event type, maximal, then each minimal one.
     *
     * @param tenant the tenant of the events' metadata
     * @param texts where the maximal events' texts come from
     * @return the events, each with a new event id
     */
    static List<DomainEvent> all(TenantId tenant, Texts texts) {
        List<DomainEvent> events = new ArrayList<>();
        for (Class<?> type : types()) {
            events.add(maximal(type, tenant, texts));
        }
        for (Class<?> type : types()) {
            minimal(type, tenant).ifPresent(events::add);
        }
        return events;
    }

    private static Object sample(
            Class<?> event, RecordComponent component, int k, TenantId tenant, Texts texts, Customer[] customer) {
        Class<?> type = component.getType();
        String field = event.getSimpleName() + "." + component.getName() + (k == 0 ? "" : "#" + k);
        if (type == EventMetadata.class) {
            return new EventMetadata(UUID.randomUUID(), tenant, SampleAggregates.CREATED);
        } else if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == TenantId.class) {
            return tenant;
        } else if (type == String.class) {
            return texts.line(field, 500);
        } else if (type == Money.class) {
            return AMOUNTS.get(k % AMOUNTS.size());
        } else if (type == Instant.class) {
            return INSTANTS.get(k % INSTANTS.size());
        } else if (type == LocalDate.class) {
            return DATES.get(k % DATES.size());
        } else if (type == long.class || type == Long.class) {
            return 7L + k;
        } else if (type == int.class || type == Integer.class) {
            return k == 0 ? 5 : 0;
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[(k + 1) % constants.length];
        } else if (type == StaffId.class) {
            return texts.staff(field);
        } else if (type == Consent.class) {
            return Consent.optIn(Channel.EMAIL, SampleAggregates.CREATED, texts.line(field, 500));
        } else if (type == Customer.class) {
            if (customer[0] == null) {
                customer[0] = SampleAggregates.maximalCustomer(texts);
                return customer[0];
            }
            return SampleAggregates.withVersion(customer[0], customer[0].version() + k);
        } else if (isIdType(type)) {
            return construct(type, new Object[] {UUID.randomUUID()});
        }
        throw new IllegalStateException("SampleEvents has no sample value of " + type.getName() + " for "
                + event.getSimpleName() + "." + component.getName() + ": extend the conformance kit");
    }

    private static boolean isIdType(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components != null && components.length == 1 && components[0].getType() == UUID.class;
    }

    private static Object[] values(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(record);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static Object[] values(DomainEvent event) {
        return values((Record) event);
    }

    @SuppressWarnings("unchecked")
    private static <T> T construct(Class<?> type, Object[] args) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (T) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
