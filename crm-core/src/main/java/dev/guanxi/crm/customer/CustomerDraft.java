package dev.guanxi.crm.customer;

import dev.guanxi.crm.internal.Check;

/**
 * What a host supplies to register a customer. Holds no id, version or timestamps: those are the CRM's.
 *
 * @param kind person or organisation
 * @param displayName the name shown in lists
 */
public record CustomerDraft(PartyKind kind, String displayName) {
    /** Validates the components. */
    public CustomerDraft {
        Check.required("kind", kind);
        Check.text("displayName", displayName, Check.NAME_MAX);
    }

    /**
     * @param displayName the person's name, in any script
     * @return a builder for a person
     */
    public static Builder person(String displayName) {
        return new Builder(PartyKind.PERSON, displayName);
    }

    /**
     * @param displayName the organisation's name, in any script
     * @return a builder for an organisation
     */
    public static Builder organisation(String displayName) {
        return new Builder(PartyKind.ORGANISATION, displayName);
    }

    /** Builds a {@link CustomerDraft}. Not thread-safe. */
    public static final class Builder {
        private final PartyKind kind;
        private final String displayName;

        private Builder(PartyKind kind, String displayName) {
            this.kind = kind;
            this.displayName = displayName;
        }

        /**
         * @return the draft
         * @throws dev.guanxi.crm.ValidationException if a value is invalid
         */
        public CustomerDraft build() {
            return new CustomerDraft(kind, displayName);
        }
    }
}
