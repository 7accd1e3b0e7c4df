package se.digikomp.lms.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;

/**
 * Migrates the schema when the application starts, before anything else touches the database
 * (demo data and other start-up work observe the same event with a larger priority number).
 * If migration fails the application does not deploy, so a broken schema is never served.
 */
@ApplicationScoped
public class SchemaMigrations {

    /** Start-up observers that need the schema use a priority after this one. */
    public static final int PRIORITY = 100;

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private volatile boolean applied;

    void migrate(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        long begin = System.nanoTime();
        int count = Migrations.apply(dataSource, SchemaMigrations.class.getClassLoader());
        applied = true;
        LOG.log(Level.INFO, "Database schema up to date: {0} migration(s) applied in {1} ms",
                count, (System.nanoTime() - begin) / 1_000_000);
    }

    public boolean applied() {
        return applied;
    }
}
