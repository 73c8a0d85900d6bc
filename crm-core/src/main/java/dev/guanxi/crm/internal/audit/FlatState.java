package dev.guanxi.crm.internal.audit;

import dev.guanxi.crm.audit.FieldChange;
import dev.guanxi.crm.field.CustomFields;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
        if (entity != null) {
            root(entity, out::put);
        }
        return out;
    }

    /**
     * The changes of a create: every field of {@code entity} with its value as new, none old. The same as {@code
     * diff(Map.of(), of(entity))}, without building the map (the bulk path).
     *
     * @param entity a record
     * @return the changes, in the order of the fields
     */
    public static List<FieldChange> created(Object entity) {
        List<FieldChange> changes = new ArrayList<>(32);
        root(entity, (path, value) -> changes.add(new FieldChange(path, null, value)));
        return changes;
    }

    /**
     * The changes of a delete: every field of {@code entity} with its value as old, none new.
     *
     * @param entity a record
     * @return the changes, in the order of the fields
     */
    public static List<FieldChange> deleted(Object entity) {
        List<FieldChange> changes = new ArrayList<>(32);
        root(entity, (path, value) -> changes.add(new FieldChange(path, value, null)));
        return changes;
    }

    private static void root(Object entity, Sink out) {
        Shape shape = SHAPES.get(entity.getClass());
        if (shape.kind == Kind.RECORD || shape.kind == Kind.SINGLE) {
            components(shape, "", entity, out); // the root is never collapsed: a field needs a name
        } else {
            throw new IllegalArgumentException(
                    "not a record: " + entity.getClass().getName());
        }
    }

    /** Where flattened fields go. */
    @FunctionalInterface
    private interface Sink {
        void put(String path, String value);
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
     * Compares two states of one entity field by field, as {@code diff(of(before), of(after))} but flattening only
     * the top-level fields whose values differ ({@link Object#equals}: records, lists, sets and maps compare by
     * value): an update that changes two fields of a customer flattens those two, not the whole customer.
     *
     * @param before the entity before
     * @param after the entity after, of the same record class
     * @return one change per field whose value differs: the entity's top-level fields in order, and within each
     *     the paths of its new state in order, then the paths only its old state has
     */
    public static List<FieldChange> diff(Object before, Object after) {
        if (before.getClass() != after.getClass()) {
            return diff(of(before), of(after));
        }
        Shape shape = SHAPES.get(before.getClass());
        if (shape.kind != Kind.RECORD && shape.kind != Kind.SINGLE) {
            throw new IllegalArgumentException(
                    "not a record: " + before.getClass().getName());
        }
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < shape.names.length; i++) {
            Object a = shape.get(i, before);
            Object b = shape.get(i, after);
            if (java.util.Objects.equals(a, b)) {
                continue;
            }
            Map<String, String> old = new LinkedHashMap<>();
            Map<String, String> now = new LinkedHashMap<>();
            flatten(shape.names[i], a, old::put);
            flatten(shape.names[i], b, now::put);
            changes.addAll(diff(old, now));
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

    private static void flatten(String path, Object value, Sink out) {
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

    private static void components(Shape shape, String path, Object value, Sink out) {
        for (int i = 0; i < shape.names.length; i++) {
            flatten(path.isEmpty() ? shape.names[i] : path + '.' + shape.names[i], shape.get(i, value), out);
        }
    }

    private static void map(String path, Map<?, ?> map, Sink out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(text(k), v));
        sorted.forEach((k, v) -> flatten(path + '[' + escape(k) + ']', v, out));
    }

    /** A set: members that are leaves by their text as key; others sorted by their flat text, by position. */
    private static void collection(String path, Collection<?> members, Sink out) {
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
                flatten("", member, flat::put);
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
        final MethodHandle[] accessors;

        private Shape(Kind kind, String[] names, MethodHandle[] accessors) {
            this.kind = kind;
            this.names = names;
            this.accessors = accessors;
        }

        static Shape of(Class<?> type) {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                String[] names = new String[components.length];
                MethodHandle[] accessors = new MethodHandle[components.length];
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    Method accessor = components[i].getAccessor();
                    accessor.setAccessible(true); // records of the SDK are public; a host's may not be
                    try {
                        accessors[i] = MethodHandles.lookup()
                                .unreflect(accessor)
                                .asType(MethodType.methodType(Object.class, Object.class));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + names[i] + " of " + type.getName(), e);
                    }
                }
                return new Shape(components.length == 1 ? Kind.SINGLE : Kind.RECORD, names, accessors);
            }
            return new Shape(kindOf(type), new String[0], new MethodHandle[0]);
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
                return (Object) accessors[i].invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(
                        "cannot read " + names[i] + " of " + value.getClass().getName(), e);
            }
        }
    }
}
