package se.digikomp.lms.course.control;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import se.digikomp.lms.course.entity.ImportLimits;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.packager.bundle.DeterministicZip;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.PackageBuilder;
import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Unit;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.InvalidSourceException;
import se.digikomp.packager.source.Metadata;
import se.digikomp.packager.source.MetadataReader;
import se.digikomp.packager.source.Problems;

/**
 * Imports the course sources of a folder (the repository's {@code courses/}) as shared courses, through
 * course-packager as a library: each course is built as ONE cmi5 package holding all its languages (one AU per
 * lesson) and imported by the same pipeline as an upload. Only what is new is built: a course whose
 * {@code course.yaml} id and version already have a shared version is skipped after reading that one file, so a
 * restart costs a few milliseconds per course. A database lock keeps two nodes starting together from importing
 * the same course twice. A course that does not build is logged and skipped; it never stops the server.
 */
public final class CourseSeeder {

    /** What a run did. */
    public record Result(int imported, int upToDate, int failed) {
    }

    private static final System.Logger LOG = System.getLogger(CourseSeeder.class.getName());
    private static final String LOCK = "digikomp.course.seed";

    private final DataSource dataSource;
    private final CourseImporter importer;
    private final CourseCatalogue catalogue;
    private final ImportLimits limits;

    public CourseSeeder(DataSource dataSource, CourseImporter importer, CourseCatalogue catalogue,
                        ImportLimits limits) {
        this.dataSource = dataSource;
        this.importer = importer;
        this.catalogue = catalogue;
        this.limits = limits;
    }

    public Result seed(Path folder) throws IOException, SQLException {
        List<Path> courses;
        try (Stream<Path> list = Files.list(folder)) {
            courses = list.filter(d -> Files.isRegularFile(d.resolve(CourseReader.METADATA_FILE))).sorted().toList();
        }
        try (Connection lock = dataSource.getConnection()) {
            lock(lock);
            try {
                int imported = 0;
                int upToDate = 0;
                int failed = 0;
                for (Path dir : courses) {
                    switch (seedOne(dir)) {
                        case 1 -> imported++;
                        case 0 -> upToDate++;
                        default -> failed++;
                    }
                }
                return new Result(imported, upToDate, failed);
            } finally {
                try (PreparedStatement release = lock.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, LOCK);
                    release.executeQuery().close();
                }
            }
        }
    }

    /** 1 imported, 0 already there, -1 failed. */
    private int seedOne(Path dir) {
        String slug = dir.getFileName().toString();
        try {
            Path yaml = dir.resolve(CourseReader.METADATA_FILE);
            Optional<Metadata> metadata = new MetadataReader(yaml, new Problems()).read(Files.readString(yaml));
            if (metadata.isPresent() && catalogue.sharedVersionExists(metadata.get().id(), metadata.get().version())) {
                return 0;
            }
            Course course = CourseReader.read(dir);
            PackagePlan plan = PackagePlan.of(course, Format.CMI5, Unit.LESSON, course.languages());
            Path zip = Files.createTempFile("lms-course-seed-", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(zip)) {
                    DeterministicZip.write(PackageBuilder.build(plan), out);
                }
                CourseImporter.Imported imported = importer.importPackage(zip, Hashes.sha256(zip), Files.size(zip),
                        Optional.of(PackageFormat.CMI5), new CourseImporter.Owner(null, null), limits,
                        Optional.ofNullable(course.duration()));
                LOG.log(Level.INFO, "Start-up import: {0} {1} as course version {2}", slug, course.version(),
                        imported.versionId());
                return 1;
            } finally {
                Files.deleteIfExists(zip);
            }
        } catch (InvalidSourceException e) {
            LOG.log(Level.WARNING, "Start-up import: {0} skipped, its sources have {1} problem(s); run"
                    + " course-packager validate on it", slug, e.problems().size());
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "Start-up import: {0} skipped: {1}", slug, e.getMessage());
        }
        return -1;
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 600)")) {
            ps.setString(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("another node held the start-up import lock for 10 minutes");
                }
            }
        }
    }
}
