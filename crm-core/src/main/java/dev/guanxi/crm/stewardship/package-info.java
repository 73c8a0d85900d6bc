/**
 * Data stewardship: finding duplicate customers before they are created and across a whole tenant.
 *
 * <p>Entry point: {@link dev.guanxi.crm.stewardship.Stewardship} from {@link
 * dev.guanxi.crm.TenantCrm#stewardship()}, with {@code duplicatesOf(draft)} (check one customer before it is
 * registered) and {@code scanDuplicates(options)} (the whole tenant, with blocking, so it is not O(n²)).
 *
 * <p>Here too: the pure normalisers ({@link dev.guanxi.crm.stewardship.EmailNormalizer}, {@link
 * dev.guanxi.crm.stewardship.PhoneNormalizer} to E.164, {@link dev.guanxi.crm.stewardship.NameNormalizer} with
 * width, case, punctuation and legal-form folding, and the {@link dev.guanxi.crm.stewardship.NameRomanizer} SPI
 * for pinyin); the {@link dev.guanxi.crm.stewardship.DuplicateMatcher} SPI and the built-ins in {@link
 * dev.guanxi.crm.stewardship.DuplicateMatchers}; the {@link dev.guanxi.crm.stewardship.DuplicateDetector} that
 * combines matchers with weights and a threshold; and the results, which explain themselves with the {@link
 * dev.guanxi.crm.stewardship.MatchEvidence} of every matcher that fired.
 *
 * <p>Merging duplicates (survivorship, dry run, undo) is not here yet.
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.stewardship;
