package se.digikomp.lms.privacy.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import se.digikomp.lms.platform.SchemaMigrations;
import se.digikomp.lms.privacy.entity.Erasure;

/**
 * Runs an erasure's statement batches to the end ({@link Erasures#nextBatch} until none is left, then
 * {@link Erasures#complete}). The request that records a decision runs it at once and answers when it is done; an
 * erasure the server stopped in the middle of is finished in the background after the next start.
 */
@ApplicationScoped
public class ErasureJob {

    private static final System.Logger LOG = System.getLogger(ErasureJob.class.getName());

    @Inject
    Erasures erasures;

    @Resource
    ManagedExecutorService executor;

    /** Pseudonymises every remaining statement of the erasure and completes it. */
    public Erasure run(long erasureId, String remoteAddress) {
        long batches = 0;
        while (erasures.nextBatch(erasureId)) {
            batches++;
        }
        Erasure done = erasures.complete(erasureId, remoteAddress);
        LOG.log(Level.INFO, "erasure {0} complete: {1} statements rewritten in {2} batches", erasureId,
                done.statementsRewritten(), batches);
        return done;
    }

    void resume(@Observes @Priority(SchemaMigrations.PRIORITY + 50) @Initialized(ApplicationScoped.class) Object started) {
        java.util.List<Long> unfinished;
        try {
            unfinished = erasures.unfinished();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unfinished erasures could not be looked for; they are resumed at the next start", e);
            return;
        }
        for (long id : unfinished) {
            LOG.log(Level.INFO, "erasure {0} was not complete: resumed", id);
            executor.execute(() -> {
                try {
                    run(id, null);
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "erasure " + id + " could not be resumed; it is resumed at the next start", e);
                }
            });
        }
    }
}
