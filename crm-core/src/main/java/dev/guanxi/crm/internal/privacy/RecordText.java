package dev.guanxi.crm.internal.privacy;

import dev.guanxi.crm.field.CustomFields;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Records as flat text fields (for the export) and records rebuilt with some components replaced (for the
 * erasure), by reflection over record components: no per-type code, so a new component is exported and kept
 * without anyone remembering to. Stateless and thread-safe.
 */
final class RecordText {
    private RecordText() {}

    /**
     * Flattens a record: each component by name, nested records as {@code a.b}, list and set elements as
     * {@code a[i]}, map entries and custom fields as {@code a[key]}; an id-like record (one component holding a
     * UUID, string or number) as its value; {@code null} values left out.
     */
    static SortedMap<String, String> flatten(Record record) {
        SortedMap<String, String> out = new TreeMap<>();
        flatten("", record, out);
        return out;
    }

    private static void flatten(String path, Object value, SortedMap<String, String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof CustomFields fields) {
            fields.asMap().forEach((k, v) -> flatten(path + "[" + k + "]", v, out));
        } else if (value instanceof Record r) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            if (components.length == 1 && isScalar(read(components[0], r))) {
                out.put(path, String.valueOf(read(components[0], r)));
                return;
            }
            for (RecordComponent c : components) {
                flatten(path.isEmpty() ? c.getName() : path + "." + c.getName(), read(c, r), out);
            }
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                flatten(path + "[" + i++ + "]", element, out);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path + "[" + k + "]", v, out));
        } else {
            out.put(path, String.valueOf(value));
        }
    }

    private static boolean isScalar(Object v) {
        return v instanceof UUID || v instanceof String || v instanceof Number;
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + c + " of " + r.getClass().getName(), e);
        }
    }

    /**
     * Rebuilds a record with some components replaced through its canonical constructor (which validates
     * again).
     *
     * @param record the record
     * @param changes the new value of each named component, from its old value
     * @throws IllegalArgumentException if a name is not a component of the record
     */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, Map<String, UnaryOperator<Object>> changes) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int matched = 0;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = read(components[i], record);
            UnaryOperator<Object> change = changes.get(components[i].getName());
            if (change != null) {
                args[i] = change.apply(args[i]);
                matched++;
            }
        }
        if (matched != changes.size()) {
            throw new IllegalArgumentException(
                    record.getClass().getSimpleName() + " lacks one of the components " + changes.keySet());
        }
        try {
            Constructor<R> canonical = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot rebuild " + record.getClass().getName(), e);
        }
    }

    /** A change that replaces a non-null text by {@code marker} and keeps {@code null}. */
    static UnaryOperator<Object> text(String marker) {
        return old -> old == null ? null : marker;
    }

    /** A change that rebuilds each record of a list with the given changes. */
    static UnaryOperator<Object> each(Map<String, UnaryOperator<Object>> changes) {
        return old -> old == null
                ? null
                : ((List<?>) old).stream().map(e -> with((Record) e, changes)).toList();
    }
}
