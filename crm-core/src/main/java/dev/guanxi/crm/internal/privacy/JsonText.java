package dev.guanxi.crm.internal.privacy;

import dev.guanxi.crm.privacy.PersonalDataExport;
import java.util.Map;

/**
 * Renders a {@link PersonalDataExport} as JSON (RFC 8259): objects, arrays and strings only, no type
 * information. Stateless and thread-safe.
 */
public final class JsonText {
    private JsonText() {}

    /**
     * @param export the export
     * @return its JSON text
     */
    public static String export(PersonalDataExport export) {
        StringBuilder out = new StringBuilder(1024);
        out.append("{\"tenant\":");
        string(out, export.tenant().value());
        out.append(",\"customerId\":");
        string(out, export.customerId().toString());
        out.append(",\"exportedAt\":");
        string(out, export.exportedAt().toString());
        out.append(",\"entries\":[");
        boolean first = true;
        for (PersonalDataExport.Entry e : export.entries()) {
            out.append(first ? "" : ",").append("\n{\"source\":");
            first = false;
            string(out, e.source());
            out.append(",\"id\":");
            string(out, e.id());
            out.append(",\"setAt\":");
            if (e.setAt() == null) {
                out.append("null");
            } else {
                string(out, e.setAt().toString());
            }
            out.append(",\"fields\":{");
            boolean firstField = true;
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                out.append(firstField ? "" : ",");
                firstField = false;
                string(out, f.getKey());
                out.append(':');
                string(out, f.getValue());
            }
            out.append("}}");
        }
        return out.append("]}").toString();
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
