package dev.guanxi.crm.internal.audit;

import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.field.CustomFields;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An entity as flat fields: a map from each field's path to the canonical text of its value, as {@link
 * FieldChange} describes them (records by component, lists by index, maps and sets by key, an id or any other
 * record of one component as that component). Absent values (null, an empty optional) have no entry, and
 * collections are never null in the SDK's records, so two states of an entity differ exactly when their flat
 * fields differ.
 *
 * <p>How a type is taken apart is worked out once per class (record components and their accessors) and kept;
 * flattening an entity then costs O(its leaves). Stateless and thread-safe.
 */
public final class FlatState {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private FlatState() {}

    /**
     * Flattens an entity: its record components by name at the top level.
     *
     * @param entity a record, or {@code null}
     * @return the fields in the order of the components (an empty map for {@code null}); a new, modifiable map
     */
    public static Map<String, String> of(Object entity) {
        Map<String, String> out = new LinkedHashMap<>();
        if (entity == null) {
            return out;
        }
        Shape shape = SHAPES.get(entity.getClass());
        if (shape.kind == Kind.RECORD || shape.kind == Kind.SINGLE) {
            components(shape, "", entity, out); // the root is never collapsed: a field needs a name
        } else {
            throw new IllegalArgumentException(
                    "not a record: " + entity.getClass().getName());
        }
        return out;
    }

    /**
     * Compares two flat states.
     *
     * @param before the fields before (empty for a create)
     * @param after the fields after (empty for a delete)
     * @return one change per field whose value differs, in the order of {@code after}'s fields, then the fields
     *     only {@code before} has, in its order
     */
    public static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (!e.getValue().equals(old)) {
                changes.add(new FieldChange(e.getKey(), old, e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                changes.add(new FieldChange(e.getKey(), e.getValue(), null));
            }
        }
        return changes;
    }

    /**
     * Renders an id (or any value) as one line of canonical text: a leaf as {@link FieldChange} renders it, a
     * record by its components' texts joined by {@code /}.
     *
     * @param value the id
     * @return its text, or {@code null} for {@code null}
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        Shape shape = SHAPES.get(value.getClass());
        if (shape.kind == Kind.SINGLE) {
            return text(shape.get(0, value));
        }
        if (shape.kind == Kind.RECORD) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < shape.names.length; i++) {
                if (i > 0) {
                    b.append('/');
                }
                String part = text(shape.get(i, value));
                b.append(part == null ? "" : part);
            }
            return b.toString();
        }
        String leaf = leaf(shape.kind, value);
        return leaf != null ? leaf : value.toString();
    }

    private static void flatten(String path, Object value, Map<String, String> out) {
        if (value == null) {
            return;
        }
        Shape shape = SHAPES.get(value.getClass());
        String leaf = leaf(shape.kind, value);
        if (leaf != null) {
            out.put(path, leaf);
            return;
        }
        switch (shape.kind) {
            case SINGLE -> flatten(path, shape.get(0, value), out);
            case RECORD -> components(shape, path, value, out);
            case OPTIONAL -> flatten(path, ((Optional<?>) value).orElse(null), out);
            case CUSTOM_FIELDS -> map(path, ((CustomFields) value).asMap(), out);
            case MAP -> map(path, (Map<?, ?>) value, out);
            case LIST -> {
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    flatten(path + '[' + i + ']', list.get(i), out);
                }
            }
            case COLLECTION -> collection(path, (Collection<?>) value, out);
            default -> out.put(path, value.toString());
        }
    }

    private static void components(Shape shape, String path, Object value, Map<String, String> out) {
        for (int i = 0; i < shape.names.length; i++) {
            flatten(path.isEmpty() ? shape.names[i] : path + '.' + shape.names[i], shape.get(i, value), out);
        }
    }

    private static void map(String path, Map<?, ?> map, Map<String, String> out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(text(k), v));
        sorted.forEach((k, v) -> flatten(path + '[' + escape(k) + ']', v, out));
    }

    /** A set: members that are leaves by their text as key; others sorted by their flat text, by position. */
    private static void collection(String path, Collection<?> members, Map<String, String> out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        boolean leaves = true;
        for (Object member : members) {
            if (member == null) {
                continue;
            }
            String key = leaf(SHAPES.get(member.getClass()).kind, member);
            if (key == null) {
                leaves = false;
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", member, flat);
                key = flat.toString();
            }
            sorted.put(key, member);
        }
        int i = 0;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            flatten(path + '[' + (leaves ? escape(e.getKey()) : String.valueOf(i++)) + ']', e.getValue(), out);
        }
    }

    private static String escape(String key) {
        if (key.indexOf(']') < 0 && key.indexOf('\\') < 0) {
            return key;
        }
        return key.replace("\\", "\\\\").replace("]", "\\]");
    }

    /** The text of a leaf value, or {@code null} if the value is not a leaf. */
    private static String leaf(Kind kind, Object value) {
        return switch (kind) {
            case TEXT -> (String) value;
            case PLAIN -> value.toString();
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case ENUM -> ((Enum<?>) value).name();
            case CURRENCY -> ((Currency) value).getCurrencyCode();
            case LOCALE -> ((Locale) value).toLanguageTag();
            case ZONE -> ((ZoneId) value).getId();
            case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
            default -> null;
        };
    }

    /** How values of one class are taken apart. */
    private enum Kind {
        TEXT,
        PLAIN,
        DECIMAL,
        ENUM,
        CURRENCY,
        LOCALE,
        ZONE,
        BYTES,
        SINGLE,
        RECORD,
        OPTIONAL,
        CUSTOM_FIELDS,
        MAP,
        LIST,
        COLLECTION,
        OTHER
    }

    /** A class's kind and, for a record, its components' names and accessors. */
    private static final class Shape {
        final Kind kind;
        final String[] names;
        final Method[] accessors;

        private Shape(Kind kind, String[] names, Method[] accessors) {
            this.kind = kind;
            this.names = names;
            this.accessors = accessors;
        }

        static Shape of(Class<?> type) {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                String[] names = new String[components.length];
                Method[] accessors = new Method[components.length];
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true); // records of the SDK are public; a host's may not be
                }
                return new Shape(components.length == 1 ? Kind.SINGLE : Kind.RECORD, names, accessors);
            }
            return new Shape(kindOf(type), new String[0], new Method[0]);
        }

        private static Kind kindOf(Class<?> type) {
            if (type == String.class) {
                return Kind.TEXT;
            }
            if (type == BigDecimal.class) {
                return Kind.DECIMAL;
            }
            if (type.isEnum()
                    || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
                return Kind.ENUM;
            }
            if (Number.class.isAssignableFrom(type)
                    || type == Boolean.class
                    || type == Character.class
                    || type == java.util.UUID.class
                    || java.time.temporal.TemporalAccessor.class.isAssignableFrom(type)
                            && !ZoneId.class.isAssignableFrom(type)
                    || java.time.temporal.TemporalAmount.class.isAssignableFrom(type)) {
                return Kind.PLAIN;
            }
            if (Currency.class.isAssignableFrom(type)) {
                return Kind.CURRENCY;
            }
            if (type == Locale.class) {
                return Kind.LOCALE;
            }
            if (ZoneId.class.isAssignableFrom(type)) {
                return Kind.ZONE;
            }
            if (type == byte[].class) {
                return Kind.BYTES;
            }
            if (Optional.class.isAssignableFrom(type)) {
                return Kind.OPTIONAL;
            }
            if (CustomFields.class.isAssignableFrom(type)) {
                return Kind.CUSTOM_FIELDS;
            }
            if (Map.class.isAssignableFrom(type)) {
                return Kind.MAP;
            }
            if (List.class.isAssignableFrom(type)) {
                return Kind.LIST;
            }
            if (Collection.class.isAssignableFrom(type)) {
                return Kind.COLLECTION;
            }
            return Kind.OTHER;
        }

        Object get(int i, Object value) {
            try {
                return accessors[i].invoke(value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(
                        "cannot read " + names[i] + " of " + value.getClass().getName(), e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
