package dev.guanxi.crm.access;

import dev.guanxi.crm.Beta;
import dev.guanxi.crm.StaffId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The host's directory of teams: which teams a member of staff belongs to. The {@linkplain
 * AccessPolicy#ownTeamAll default access model} asks it for the teams of a customer's owner, to decide whether the
 * customer is in one of the principal's teams. Guanxi keeps no team data of its own.
 *
 * <p>Implementations must be thread-safe; the SDK asks at most once per owner and unit of work.
 *
 * @since 0.1.0
 */
@Beta
@FunctionalInterface
public interface TeamDirectory {
    /**
     * @param staff a member of staff
     * @return their teams, empty if none (or unknown); never null
     */
    Set<String> teamsOf(StaffId staff);

    /** @return a directory in which nobody is in a team */
    static TeamDirectory none() {
        return staff -> Set.of();
    }

    /**
     * @param teams each member of staff's teams
     * @return a directory over an immutable copy of {@code teams}
     */
    static TeamDirectory of(Map<StaffId, Set<String>> teams) {
        Map<StaffId, Set<String>> copy = new HashMap<>();
        teams.forEach((staff, set) -> copy.put(Objects.requireNonNull(staff, "staff"), Set.copyOf(set)));
        Map<StaffId, Set<String>> frozen = Map.copyOf(copy);
        return staff -> frozen.getOrDefault(staff, Set.of());
    }
}
