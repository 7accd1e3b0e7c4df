package se.digikomp.lms.xapi.control;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two transactions that met on the same rows: InnoDB rolled one back (deadlock, error 1213) or it waited too long
 * for a lock (1205). The database is fine and nothing of the rolled-back work was kept, so the work is run again a
 * bounded number of times; only when every attempt met another writer does the client hear about it, as a busy
 * LRS and not as a database outage.
 */
final class WriteConflicts {

    /** Attempts of one write before the client is told to try again. */
    static final int ATTEMPTS = 8;

    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;

    private WriteConflicts() {
    }

    /** Whether e (or a cause of it) is a deadlock or lock-wait timeout: the transaction may be run again. */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException s && (s.getErrorCode() == ER_LOCK_DEADLOCK
                    || s.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
                    || (s.getSQLState() != null && s.getSQLState().startsWith("40")))) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause before attempt + 1, growing with the attempt, so the writers that met part. */
    static void pause(int attempt) {
        long bound = Math.min(64, 2L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answer when every attempt met another writer: 503 with a reason, the client may send it again. */
    static XapiException busy() {
        return new XapiException(503, "other requests were changing the same data at the same moment and this"
                + " write met them " + ATTEMPTS + " times; nothing was stored, send the request again");
    }
}
