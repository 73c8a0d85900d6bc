package dev.guanxi.crm.jdbc.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.guanxi.crm.event.DomainEvent;
import dev.guanxi.crm.field.CustomFields;
import dev.guanxi.crm.field.FieldType;
import dev.guanxi.crm.money.Money;
import dev.guanxi.crm.spi.storage.StorageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of aggregates and events in the document columns. Jackson binds the domain records through
 * their canonical constructors, so a stored document is validated again when it is read. Only record
 * components are bound (no getter detection: derived values such as {@code Invoice.outstanding()} are never
 * written). There is no polymorphic typing: events carry an explicit type name from a closed registry built
 * from the sealed {@link DomainEvent} hierarchy, so no class is ever named by stored data (RELIABILITY S2).
 * Custom field values are written with their {@link FieldType}, so that they come back with the same Java
 * type; decimals keep their scale.
 */
public final class Json {
    private static final ObjectMapper MAPPER = createMapper();
    private static final Map<String, Class<? extends DomainEvent>> EVENT_TYPES = eventTypes();

    private Json() {}

    /** @return the mapper, configured as described on the class; thread-safe */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param type the type to write
     * @return a writer for it
     */
    public static ObjectWriter writer(Class<?> type) {
        return MAPPER.writerFor(type);
    }

    /**
     * @param type the type to read
     * @return a reader for it
     */
    public static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    /**
     * Writes a value.
     *
     * @param writer a writer from {@link #writer}
     * @param value the value
     * @return its JSON text
     */
    public static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a stored document.
     *
     * @param reader a reader from {@link #reader}
     * @param json the stored text
     * @param <T> the type
     * @return the value
     * @throws StorageException if the document cannot be read (it was not written by this module, or was changed)
     */
    public static <T> T read(ObjectReader reader, String json) {
        try {
            return reader.readValue(json);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("a stored document cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param event an event
     * @return the stable type name stored with it
     */
    public static String eventType(DomainEvent event) {
        return event.getClass().getSimpleName();
    }

    /**
     * @param typeName a stored type name
     * @return the event class
     * @throws StorageException for an unknown name
     */
    public static Class<? extends DomainEvent> eventClass(String typeName) {
        Class<? extends DomainEvent> type = EVENT_TYPES.get(typeName);
        if (type == null) {
            throw new StorageException("unknown stored event type '" + typeName + "'");
        }
        return type;
    }

    private static Map<String, Class<? extends DomainEvent>> eventTypes() {
        Map<String, Class<? extends DomainEvent>> types = new TreeMap<>();
        collect(DomainEvent.class, types);
        return Map.copyOf(types);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> type, Map<String, Class<? extends DomainEvent>> into) {
        if (type.isRecord()) {
            Class<? extends DomainEvent> previous = into.put(type.getSimpleName(), (Class<? extends DomainEvent>) type);
            if (previous != null && previous != type) {
                throw new IllegalStateException("two events named " + type.getSimpleName());
            }
            return;
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> sub : permitted) {
                collect(sub, into);
            }
        }
    }

    private static ObjectMapper createMapper() {
        SimpleModule module = new SimpleModule("guanxi-storage");
        module.addSerializer(CustomFields.class, new CustomFieldsSerializer());
        module.addDeserializer(CustomFields.class, new CustomFieldsDeserializer());
        module.addSerializer(Locale.class, new LocaleSerializer());
        module.addDeserializer(Locale.class, new LocaleDeserializer());
        module.addSerializer(Money.class, new MoneySerializer());
        module.addDeserializer(Money.class, new MoneyDeserializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(module)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(MapperFeature.AUTO_DETECT_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_SETTERS)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
    }

    /** Money as {@code {"amount":"12.30","currency":"EUR"}}: the amount as text keeps its scale exactly. */
    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            return money(node);
        }
    }

    private static Money money(JsonNode node) {
        return Money.of(
                new BigDecimal(node.get("amount").asText()),
                Currency.getInstance(node.get("currency").asText()));
    }

    /** Locales by BCP 47 language tag, which (unlike {@link Locale#toString}) keeps scripts and extensions. */
    private static final class LocaleSerializer extends JsonSerializer<Locale> {
        @Override
        public void serialize(Locale value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toLanguageTag());
        }
    }

    private static final class LocaleDeserializer extends JsonDeserializer<Locale> {
        @Override
        public Locale deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Locale.forLanguageTag(p.getValueAsString());
        }
    }

    /**
     * Custom fields as {@code {"ns.name": {"type": "DECIMAL", "value": "12.3400"}, ...}}: the type says which
     * Java type the value is read back as; decimals, instants and dates as text.
     */
    private static final class CustomFieldsSerializer extends JsonSerializer<CustomFields> {
        @Override
        public void serialize(CustomFields value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeStartObject();
            for (Map.Entry<String, Object> e : value.asMap().entrySet()) {
                Object v = e.getValue();
                FieldType type = FieldType.ofValue(v).orElseThrow();
                gen.writeObjectFieldStart(e.getKey());
                gen.writeStringField("type", type.name());
                gen.writeFieldName("value");
                switch (type) {
                    case STRING -> gen.writeString((String) v);
                    case LONG -> gen.writeNumber((Long) v);
                    case DECIMAL -> gen.writeString(((BigDecimal) v).toString());
                    case BOOLEAN -> gen.writeBoolean((Boolean) v);
                    case DATE, INSTANT -> gen.writeString(v.toString());
                    case MONEY -> new MoneySerializer().serialize((Money) v, gen, serializers);
                }
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    private static final class CustomFieldsDeserializer extends JsonDeserializer<CustomFields> {
        @Override
        public CustomFields deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            Map<String, Object> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue().get("value");
                FieldType type = FieldType.valueOf(e.getValue().get("type").asText());
                Object value = switch (type) {
                    case STRING -> v.asText();
                    case LONG -> v.longValue();
                    case DECIMAL -> new BigDecimal(v.asText());
                    case BOOLEAN -> v.booleanValue();
                    case DATE -> LocalDate.parse(v.asText());
                    case INSTANT -> Instant.parse(v.asText());
                    case MONEY -> money(v);
                };
                values.put(e.getKey(), value);
            }
            return CustomFields.of(values);
        }
    }
}
