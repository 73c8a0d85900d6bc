package dev.guanxi.crm.stewardship;

import dev.guanxi.crm.Beta;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@linkplain Stewardship#scanDuplicates duplicate scan} found and what it did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customers how many customers were read
 * @param blocks how many blocks (customers sharing a blocking key) of 2 to {@code maxBlockSize} were scored
 * @param pairsScored how many distinct pairs were compared (a pair sharing several blocks is compared once)
 * @param oversizedBlocks by matcher name, how many blocks were larger than {@code maxBlockSize} and skipped;
 *     matchers without such blocks are absent
 * @param oversizedMembers the customers of the skipped blocks, summed over the blocks
 * @param candidates the pairs whose score reached the detector's threshold, best first (higher score, then
 *     {@code customerA} and {@code customerB} in scan order)
 * @since 0.1.0
 */
@Beta
public record DuplicateScanReport(
        long customers,
        long blocks,
        long pairsScored,
        Map<String, Long> oversizedBlocks,
        long oversizedMembers,
        List<DuplicateCandidate> candidates) {
    /**
     * Validates the counts and copies the collections.
     *
     * @param customers how many customers were read
     * @param blocks how many blocks (customers sharing a blocking key) of 2 to {@code maxBlockSize} were scored
     * @param pairsScored how many distinct pairs were compared (a pair sharing several blocks is compared once)
     * @param oversizedBlocks by matcher name, how many blocks were larger than {@code maxBlockSize} and skipped;
     *     matchers without such blocks are absent
     * @param oversizedMembers the customers of the skipped blocks, summed over the blocks
     * @param candidates the pairs whose score reached the detector's threshold, best first (higher score, then {@code
     *     customerA} and {@code customerB} in scan order)
     * @throws IllegalArgumentException if a count is negative
     */
    public DuplicateScanReport {
        if (customers < 0 || blocks < 0 || pairsScored < 0 || oversizedMembers < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        oversizedBlocks = Map.copyOf(new TreeMap<>(Objects.requireNonNull(oversizedBlocks, "oversizedBlocks")));
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
    }

    /** @return how many blocks were skipped for their size, over all matchers */
    public long oversizedBlockCount() {
        return oversizedBlocks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return a short human-readable summary of the scan */
    public String reason() {
        return customers + " customers, " + blocks + " blocks, " + pairsScored + " pairs compared, "
                + candidates.size() + " candidate pairs"
                + (oversizedBlocks.isEmpty()
                        ? ""
                        : "; skipped oversized blocks " + new TreeMap<>(oversizedBlocks) + " (" + oversizedMembers
                                + " members)");
    }
}
