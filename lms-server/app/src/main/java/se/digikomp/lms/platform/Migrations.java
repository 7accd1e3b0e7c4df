package se.digikomp.lms.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway scripts in {@code db/migration} (foundation V1-V9, LRS V10-V29, features V30+). */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** @return how many migrations this call applied (0 when the schema was already up to date) */
    public static int apply(DataSource dataSource, ClassLoader classLoader) {
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(LOCATION)
                .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
