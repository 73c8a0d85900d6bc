package dev.guanxi.crm.storage.memory;

import dev.guanxi.crm.competitor.Competitor;
import dev.guanxi.crm.competitor.CompetitorId;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.CompetitorRepository;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** In-memory {@link CompetitorRepository}. Belongs to one unit of work; not thread-safe. */
final class MemoryCompetitorRepository extends MemoryRepository<CompetitorId, Competitor>
        implements CompetitorRepository {
    // Code point order, not String.compareTo's UTF-16 order, so that it matches a binary UTF-8 collation.
    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
    private static final Comparator<Competitor> BY_NAME_KEY = Comparator.comparing(Competitor::nameKey, CODE_POINTS);

    MemoryCompetitorRepository(MemoryTransaction tx) {
        super(tx, Competitor.class);
        unique("name", c -> Optional.of(c.nameKey()));
    }

    @Override
    public Optional<Competitor> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return findUnique("name", Competitor.nameKey(name));
    }

    @Override
    public Page<Competitor> list(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return Page.slice(select(c -> true, BY_NAME_KEY), page);
    }
}
