package se.digikomp.lms.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed sign-ins for one username slow down and then stop further attempts. The first {@code freeFailures}
 * failures cost nothing; each further failure makes the next attempt wait {@code firstDelay}, doubling each time
 * (1x, 2x, 4x, ...); at {@code lockAfter} failures the username is locked for {@code lockDuration}. An attempt
 * while waiting or locked is refused without checking the password (and without counting). A success clears
 * the record. The same rules apply to usernames that do not exist, so the answers never tell them apart.
 */
public record LockPolicy(int freeFailures, Duration firstDelay, int lockAfter, Duration lockDuration) {

    /** What the store holds for one username. */
    public record State(int failures, Instant nextAttemptAt, Instant lockedUntil) {
        public static final State NONE = new State(0, null, null);
    }

    /** The state after one more failure, and whether this failure locked the username. */
    public record Failure(State state, boolean lockedNow) {
    }

    public LockPolicy {
        if (freeFailures < 1 || lockAfter <= freeFailures || firstDelay.isNegative() || lockDuration.isNegative()) {
            throw new IllegalArgumentException("sign-in throttling needs 1 <= delay-after < lock-after and"
                    + " non-negative durations");
        }
    }

    /** Until when an attempt now must be refused, if it must. */
    public Optional<Instant> refusedUntil(State state, Instant now) {
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            return Optional.of(state.lockedUntil());
        }
        if (state.nextAttemptAt() != null && now.isBefore(state.nextAttemptAt())) {
            return Optional.of(state.nextAttemptAt());
        }
        return Optional.empty();
    }

    public Failure afterFailure(State state, Instant now) {
        boolean lockExpired = state.lockedUntil() != null && !now.isBefore(state.lockedUntil());
        int failures = (lockExpired ? 0 : state.failures()) + 1;
        if (failures >= lockAfter) {
            return new Failure(new State(failures, null, now.plus(lockDuration)), true);
        }
        if (failures < freeFailures) {
            return new Failure(new State(failures, null, null), false);
        }
        long factor = 1L << Math.min(failures - freeFailures, 20);
        return new Failure(new State(failures, now.plus(firstDelay.multipliedBy(factor)), null), false);
    }
}
