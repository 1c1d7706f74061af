package vn.motcua.rating.state;

import java.util.Map;

/** One business day's ratings: how many per level and how many per reason code. */
public record DayTally(Map<String, Long> levels, Map<String, Long> reasons) {
    public DayTally {
        levels = Map.copyOf(levels);
        reasons = Map.copyOf(reasons);
    }

    public long total() {
        return levels.values().stream().mapToLong(Long::longValue).sum();
    }
}
