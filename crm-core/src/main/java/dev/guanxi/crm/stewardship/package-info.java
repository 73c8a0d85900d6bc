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
 * <p>Merging duplicates: {@code planMerge} (the dry run: a {@link dev.guanxi.crm.stewardship.MergePlan} with a
 * {@link dev.guanxi.crm.stewardship.FieldDecision} per {@link dev.guanxi.crm.stewardship.MergeField}, decided by a
 * {@link dev.guanxi.crm.stewardship.SurvivorshipRule} or a host's {@link
 * dev.guanxi.crm.stewardship.SurvivorshipChooser} given in {@link dev.guanxi.crm.stewardship.MergeOptions}, and
 * every {@link dev.guanxi.crm.stewardship.MovedRow} by {@link dev.guanxi.crm.stewardship.ChildKind}), {@code
 * merge} (one transaction, all or nothing; the loser becomes a {@link
 * dev.guanxi.crm.stewardship.CustomerTombstone}), {@code undoMerge} and the merge log ({@link
 * dev.guanxi.crm.stewardship.MergeLogEntry}). A unique collision of a child row is a {@link
 * dev.guanxi.crm.stewardship.MergeConflictException}, never a deleted row; an undo that would lose a later change
 * is a {@link dev.guanxi.crm.stewardship.MergeNotUndoableException}.
 *
 * <p>Bulk import: {@link dev.guanxi.crm.stewardship.Imports} from {@link dev.guanxi.crm.TenantCrm#imports()} reads
 * CSV files (in the column layout of each {@link dev.guanxi.crm.stewardship.ImportKind}) and Java iterables of
 * {@link dev.guanxi.crm.stewardship.ImportedRecord}s, idempotent by external id, in atomic batches journaled so that
 * an interrupted import resumes ({@link dev.guanxi.crm.stewardship.ImportJob}), with an error report ({@link
 * dev.guanxi.crm.stewardship.RowError}), duplicate detection on import ({@link
 * dev.guanxi.crm.stewardship.DuplicatePolicy}, {@link dev.guanxi.crm.stewardship.ImportFlag}) and the
 * spreadsheet-safe CSV export of customers ({@link dev.guanxi.crm.stewardship.SpreadsheetCells}).
 * An import with {@link dev.guanxi.crm.stewardship.DuplicatePolicy#MERGE} merges a duplicate row into the stored
 * customer with the same merge engine, in the row's batch, recorded in the merge log (so it can be undone).
 */
@dev.guanxi.crm.Beta
package dev.guanxi.crm.stewardship;
