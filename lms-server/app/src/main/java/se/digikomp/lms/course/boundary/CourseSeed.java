package se.digikomp.lms.course.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import se.digikomp.lms.course.control.CourseCatalogue;
import se.digikomp.lms.course.control.CourseImporter;
import se.digikomp.lms.course.control.CourseSeeder;
import se.digikomp.lms.course.control.CourseSettings;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.platform.SchemaMigrations;

/**
 * At start-up, after the migrations: imports the courses of {@code lms.course.seed-dir} (default {@code courses},
 * relative to the working directory: the repository root when started as README says) that are new or have a new
 * version, shared with every organisation. No such folder: logged and skipped.
 */
@ApplicationScoped
public class CourseSeed {

    /** After the schema migrations and the demo data. */
    public static final int PRIORITY = SchemaMigrations.PRIORITY + 300;

    private static final System.Logger LOG = System.getLogger(CourseSeed.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    CourseImporter importer;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    CourseSettings settings;

    void seed(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        Path folder = Path.of(settings.seedDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            LOG.log(Level.INFO, "No course folder at {0} (lms.course.seed-dir): start-up import of courses skipped",
                    folder);
            return;
        }
        long begin = System.nanoTime();
        try {
            CourseSeeder.Result result = new CourseSeeder(dataSource, importer, catalogue, settings.limits())
                    .seed(folder);
            LOG.log(Level.INFO, "Start-up import of {0}: {1} imported, {2} up to date, {3} failed, in {4} ms", folder,
                    result.imported(), result.upToDate(), result.failed(), (System.nanoTime() - begin) / 1_000_000);
        } catch (IOException | SQLException e) {
            LOG.log(Level.WARNING, "Start-up import of {0} not done: {1}", folder, e.getMessage());
        }
    }
}
