package se.digikomp.lms.oidc.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-ins one browser session has under way, by {@code state} (a person may have started in two tabs).
 * At most {@link #MAX} are kept, the oldest dropped first; each is taken once.
 */
public final class PendingSignIns implements Serializable {

    /** The session attribute that holds them. */
    public static final String ATTRIBUTE = PendingSignIns.class.getName();
    static final int MAX = 5;
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, PendingSignIn> byState = new LinkedHashMap<>();

    public synchronized void add(PendingSignIn pending) {
        byState.put(pending.state(), pending);
        Iterator<Map.Entry<String, PendingSignIn>> oldest = byState.entrySet().iterator();
        while (byState.size() > MAX && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The sign-in waiting for {@code state}, removed, unless it has expired. */
    public synchronized Optional<PendingSignIn> take(String state, Instant now) {
        PendingSignIn pending = state == null ? null : byState.remove(state);
        return pending == null || pending.expired(now) ? Optional.empty() : Optional.of(pending);
    }

    /** Which organisation a state belonged to, for the audit log, without taking it. */
    public synchronized Optional<PendingSignIn> peek(String state) {
        return Optional.ofNullable(state == null ? null : byState.get(state));
    }
}
