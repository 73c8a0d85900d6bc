package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.DuplicateKeyException;
import dev.guanxi.crm.customer.CustomerId;
import dev.guanxi.crm.privacy.Erasure;
import dev.guanxi.crm.spi.storage.PrivacyRepository;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * In-memory {@link PrivacyRepository}: the salt, the suppression hashes and the erasure records as tables; the
 * logs are scrubbed through the unit of work's other repositories. The in-memory outbox removes delivered events,
 * so it has none to delete. Used by one unit of work at a time; not thread-safe on its own.
 */
final class MemoryPrivacyRepository implements PrivacyRepository {
    private static final String SALT = "privacy#salt";

    private final MemoryUnitOfWork uow;
    private final MemoryTable<String, byte[]> salt;
    private final MemoryTable<String, String> suppressed;
    private final MemoryTable<CustomerId, Erasure> erasures;

    MemoryPrivacyRepository(MemoryTransaction tx, MemoryUnitOfWork uow) {
        this.uow = uow;
        this.salt = new MemoryTable<>(tx, SALT, byte[].class);
        this.suppressed = new MemoryTable<>(tx, "privacy#suppressed", String.class);
        this.erasures = new MemoryTable<>(tx, Erasure.class.getName(), Erasure.class);
    }

    @Override
    public Optional<byte[]> salt() {
        return salt.get(SALT).map(byte[]::clone);
    }

    @Override
    public void createSalt(byte[] value) {
        Objects.requireNonNull(value, "salt");
        if (value.length < 16 || value.length > 64) {
            throw new IllegalArgumentException("a salt has 16 to 64 bytes, got " + value.length);
        }
        if (salt.get(SALT).isPresent()) {
            throw new DuplicateKeyException("salt", "tenant salt", null);
        }
        salt.put(SALT, value.clone());
    }

    @Override
    public int suppress(Collection<String> hashes) {
        int added = 0;
        for (String h : new LinkedHashSet<>(hashes)) {
            if (suppressed.get(h).isEmpty()) {
                suppressed.put(h, h);
                added++;
            }
        }
        return added;
    }

    @Override
    public int unsuppress(Collection<String> hashes) {
        int removed = 0;
        for (String h : new LinkedHashSet<>(hashes)) {
            if (suppressed.get(h).isPresent()) {
                suppressed.remove(h);
                removed++;
            }
        }
        return removed;
    }

    @Override
    public Set<String> suppressed(Collection<String> hashes) {
        Set<String> found = new LinkedHashSet<>();
        for (String h : hashes) {
            suppressed.get(h).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public void recordErasure(Erasure erasure) {
        Objects.requireNonNull(erasure, "erasure");
        if (erasures.get(erasure.customerId()).isPresent()) {
            throw new DuplicateKeyException("customerId", erasure.customerId().toString(), erasure.customerId());
        }
        erasures.put(erasure.customerId(), erasure);
    }

    @Override
    public Optional<Erasure> erasure(CustomerId customerId) {
        return erasures.get(Objects.requireNonNull(customerId, "customerId"));
    }

    @Override
    public Map<String, Integer> scrubLogs(CustomerId customerId, String marker) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(marker, "marker");
        Map<String, Integer> changed = new TreeMap<>();
        changed.put("points", ((MemoryPointsLedgerRepository) uow.points()).scrub(customerId, marker));
        changed.put("ownership", ((MemoryOwnershipRepository) uow.ownership()).scrub(customerId, marker));
        changed.put("lifecycle", ((MemoryLifecycleRepository) uow.lifecycle()).scrub(customerId, marker));
        changed.put("mergeLog", ((MemoryMergeLogRepository) uow.mergeLog()).scrub(customerId));
        // the purchase view carries replaced orders (with their old line texts) until the next scan: drop it
        ((MemoryOrderRepository) uow.orders()).forgetViews();
        changed.values().removeIf(n -> n == 0);
        return changed;
    }
}
