package se.digikomp.lms.course.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.course.entity.ImportLimits;

/** The {@code lms.course.*} settings (README's configuration table). */
@ApplicationScoped
public class CourseSettings {

    @Inject
    @ConfigProperty(name = "lms.course.max-package-bytes", defaultValue = "524288000")
    long maxPackageBytes;

    @Inject
    @ConfigProperty(name = "lms.course.max-entries", defaultValue = "10000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "lms.course.max-file-bytes", defaultValue = "209715200")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "lms.course.max-total-bytes", defaultValue = "1073741824")
    long maxTotalBytes;

    @Inject
    @ConfigProperty(name = "lms.course.max-compression-ratio", defaultValue = "100")
    int maxCompressionRatio;

    @Inject
    @ConfigProperty(name = "lms.course.seed-dir", defaultValue = "courses")
    String seedDir;

    public ImportLimits limits() {
        return new ImportLimits(maxPackageBytes, maxEntries, maxFileBytes, maxTotalBytes, maxCompressionRatio);
    }

    public String seedDir() {
        return seedDir;
    }
}
