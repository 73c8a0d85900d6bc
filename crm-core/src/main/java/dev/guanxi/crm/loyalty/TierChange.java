package dev.guanxi.crm.loyalty;

import dev.guanxi.crm.Beta;

/**
 * Which way a tier evaluation moved a member.
 *
 * <p>Immutable and thread-safe.
 */
@Beta
public enum TierChange {
    /** To a higher tier (or into the programme): an entry rule was met. */
    PROMOTED,
    /** To a lower tier (or out of the programme): the keep rule was no longer met. */
    DEMOTED,
    /** The member stays where they are. */
    UNCHANGED
}
