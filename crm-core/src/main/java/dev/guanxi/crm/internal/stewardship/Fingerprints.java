package dev.guanxi.crm.internal.stewardship;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.stewardship.ImportKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The fingerprints of import sources and the derived job ids. Stateless. */
final class Fingerprints {
    private Fingerprints() {}

    /**
     * Reads a file once: the SHA-256 of its bytes, checking on the way that they are UTF-8.
     *
     * @param file the file
     * @return {@code sha256:} and 64 lower-case hex digits
     * @throws ValidationException on {@code source} ({@link ValidationRule#INVALID_FORMAT}) if the bytes are not
     *     UTF-8
     * @throws UncheckedIOException if the file cannot be read
     */
    static String file(Path file) {
        MessageDigest sha = sha256();
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = n < 0;
                if (n > 0) {
                    sha.update(bytes.array(), bytes.position(), n);
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                while (true) {
                    CoderResult r = utf8.decode(bytes, chars, end);
                    if (r.isError()) {
                        throw notUtf8(offset + bytes.position());
                    }
                    chars.clear();
                    if (r.isUnderflow()) {
                        break;
                    }
                }
                offset += bytes.position();
                bytes.compact();
                if (end) {
                    if (bytes.position() > 0 || utf8.flush(chars).isError()) {
                        throw notUtf8(offset);
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static ValidationException notUtf8(long offset) {
        return new ValidationException(
                "source", ValidationRule.INVALID_FORMAT, "the file is not UTF-8: bad bytes at byte offset " + offset);
    }

    /** @return the fingerprint of an iterable with a caller's key */
    static String key(String key) {
        return "key:" + key;
    }

    /** @return the default job id of a source: the kind in lower case, a dash, 32 hex digits of its SHA-256 */
    static String jobId(ImportKind kind, String source) {
        return kind.name().toLowerCase(Locale.ROOT) + "-" + sha256Hex(source).substring(0, 32);
    }

    /** @return the SHA-256 of a text's UTF-8 bytes in lower-case hex */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
