package dev.guanxi.crm.internal.scoring;

import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash a scoring run stores in {@link ScoreSnapshot#inputsHash()}: SHA-256 of the snapshot's labels and
 * metrics (names and values, in name order), not of its run or day. A run skips a customer whose results hash to
 * the stored value — which is what makes a rerun after a crash cheap and leaves unchanged customers alone.
 * The results are hashed rather than the customer's own inputs because the 80/20 grading, RFM and the matrix
 * rank a customer among all others: unchanged inputs can still give changed results.
 */
final class ResultHash {
    /** The key under which the previous snapshot's hash is passed along with its labels. */
    static final String KEY = "\\u0000hash";

    private ResultHash() {}

    static String of(ScoreSnapshot snapshot) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> e : snapshot.labels().entrySet()) {
            update(digest, "L" + e.getKey() + "=" + e.getValue());
        }
        for (Map.Entry<String, BigDecimal> e : snapshot.metrics().entrySet()) {
            update(
                    digest,
                    "M" + e.getKey() + "=" + e.getValue().stripTrailingZeros().toPlainString());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
