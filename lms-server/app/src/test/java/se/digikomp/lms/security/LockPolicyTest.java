package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockPolicyTest {

    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
    private final LockPolicy policy = new LockPolicy(5, Duration.ofSeconds(1), 10, Duration.ofMinutes(15));

    @Test
    void theFirstFiveFailuresCostNothing() {
        LockPolicy.State state = LockPolicy.State.NONE;
        for (int i = 1; i < 5; i++) {
            state = policy.afterFailure(state, T).state();
            assertEquals(Optional.empty(), policy.refusedUntil(state, T), "after " + i);
        }
    }

    @Test
    void fromTheFifthFailureEachAttemptWaitsTwiceAsLong() {
        LockPolicy.State state = LockPolicy.State.NONE;
        for (int i = 1; i <= 4; i++) {
            state = policy.afterFailure(state, T).state();
        }
        Instant now = T;
        long expected = 1;
        for (int failure = 5; failure <= 9; failure++) {
            state = policy.afterFailure(state, now).state();
            assertEquals(Optional.of(now.plusSeconds(expected)), policy.refusedUntil(state, now), "failure " + failure);
            assertTrue(policy.refusedUntil(state, now.plusSeconds(expected)).isEmpty());
            now = now.plusSeconds(expected);
            expected *= 2;
        }
    }

    @Test
    void theTenthFailureLocksForTheLockDurationThenCountingStartsAgain() {
        LockPolicy.State state = LockPolicy.State.NONE;
        LockPolicy.Failure failure = null;
        for (int i = 1; i <= 10; i++) {
            failure = policy.afterFailure(state, T);
            state = failure.state();
            assertEquals(i == 10, failure.lockedNow(), "failure " + i);
        }
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(15))), policy.refusedUntil(state, T.plusSeconds(60)));
        Instant later = T.plus(Duration.ofMinutes(15));
        assertTrue(policy.refusedUntil(state, later).isEmpty(), "the lock is temporary");
        LockPolicy.Failure afterLock = policy.afterFailure(state, later);
        assertEquals(1, afterLock.state().failures());
        assertFalse(afterLock.lockedNow());
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LockPolicy(0, Duration.ZERO, 3, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LockPolicy(5, Duration.ZERO, 5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new LockPolicy(5, Duration.ofSeconds(-1), 10, Duration.ZERO));
    }
}
