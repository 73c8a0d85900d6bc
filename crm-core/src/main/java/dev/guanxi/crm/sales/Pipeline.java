package dev.guanxi.crm.sales;

/** A sales pipeline. STUB: to be completed by the sales work. */
public final class Pipeline {
    private final String name;

    private Pipeline(String name) {
        this.name = name;
    }

    /** @return the pipeline's unique name */
    public String name() {
        return name;
    }

    /** @return the default pipeline */
    public static Pipeline standard() {
        return new Pipeline("standard");
    }
}
