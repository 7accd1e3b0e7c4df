package se.digikomp.lms.course.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.course.entity.Competence;
import se.digikomp.lms.course.entity.CourseManifest;
import se.digikomp.lms.course.entity.ImportLimits;
import se.digikomp.lms.course.entity.LaunchUnit;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.lms.course.entity.PackageRefusedException;
import se.digikomp.lms.platform.Database;

/**
 * Imports one package: inspects the zip ({@link ZipInspector}) and reads its manifest ({@link ManifestReader})
 * before anything is written, then writes the course (when new), the new version, its units, its files and their
 * content in ONE database transaction, so a package refused at any step leaves nothing behind. The same course
 * identifier within the same owner makes a new version; nothing earlier is changed.
 */
@ApplicationScoped
public class CourseImporter {

    /** What an import made. */
    public record Imported(long courseId, long versionId, int versionNumber, CourseManifest manifest) {
    }

    /** Who the import is for: an organisation (null: shared with every organisation) and the account (or null). */
    public record Owner(Long organisationId, Long accountId) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public CourseImporter() {
    }

    /** For tests and tools that run outside the container. */
    public CourseImporter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Imported importPackage(Path zip, byte[] packageSha256, long packageBytes, Optional<PackageFormat> declared,
                                  Owner owner, ImportLimits limits, Optional<String> durationHint) {
        try (PackageContents contents = ZipInspector.inspect(zip, limits)) {
            CourseManifest manifest = ManifestReader.read(contents, declared);
            if (manifest.duration() == null && durationHint.isPresent()) {
                manifest = manifest.withDuration(durationHint.get());
            }
            if (manifest.identifier().length() > 1000) {
                throw new PackageRefusedException(ManifestReader.manifestFile(manifest.format()),
                        "the course identifier is longer than 1000 characters");
            }
            return store(contents, manifest, packageSha256, packageBytes, owner);
        } catch (IOException e) {
            throw new IllegalStateException("cannot close the package", e);
        }
    }

    private Imported store(PackageContents contents, CourseManifest manifest, byte[] packageSha256, long packageBytes,
                           Owner owner) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long courseId = course(c, owner.organisationId(), manifest.identifier());
                int number = nextVersion(c, courseId);
                long versionId = version(c, courseId, number, manifest, packageSha256, packageBytes, owner.accountId());
                units(c, versionId, manifest);
                files(c, versionId, contents);
                c.commit();
                return new Imported(courseId, versionId, number, manifest);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the import could not be stored (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static long course(Connection c, Long organisationId, String identifier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO course (organisation_id, identifier,"
                + " identifier_sha256) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
                Statement.RETURN_GENERATED_KEYS)) {
            if (organisationId == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, organisationId);
            }
            ps.setString(2, identifier);
            ps.setBytes(3, Hashes.sha256(identifier.getBytes(StandardCharsets.UTF_8)));
            ps.executeUpdate();
            try (ResultSet key = ps.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static int nextVersion(Connection c, long courseId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM course WHERE id = ? FOR UPDATE");
             PreparedStatement max = c.prepareStatement(
                     "SELECT COALESCE(MAX(version_number), 0) + 1 FROM course_version WHERE course_id = ?")) {
            lock.setLong(1, courseId);
            lock.executeQuery().close();
            max.setLong(1, courseId);
            try (ResultSet row = max.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static long version(Connection c, long courseId, int number, CourseManifest m, byte[] packageSha256,
                                long packageBytes, Long accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO course_version (course_id, version_number,"
                + " version_label, format, edition, title, metadata, package_sha256, package_bytes, imported_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, courseId);
            ps.setInt(2, number);
            ps.setString(3, clip(m.versionLabel(), 100));
            ps.setString(4, m.format().word);
            ps.setString(5, m.edition());
            ps.setString(6, clip(m.title(), 500));
            ps.setString(7, metadata(m));
            ps.setBytes(8, packageSha256);
            ps.setLong(9, packageBytes);
            if (accountId == null) {
                ps.setNull(10, Types.BIGINT);
            } else {
                ps.setLong(10, accountId);
            }
            ps.executeUpdate();
            try (ResultSet key = ps.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static void units(Connection c, long versionId, CourseManifest m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO course_unit (version_id, position, identifier,"
                + " title, launch, kind, block_path, move_on, mastery_score, launch_method, parameters)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (LaunchUnit u : m.units()) {
                ps.setLong(1, versionId);
                ps.setInt(2, position++);
                ps.setString(3, clip(u.identifier(), 1000));
                ps.setString(4, clip(u.title(), 500));
                ps.setString(5, clip(u.launch(), 2000));
                ps.setString(6, clip(u.kind(), 16));
                ps.setString(7, clip(u.blockPath(), 2000));
                ps.setString(8, clip(u.moveOn(), 32));
                if (u.masteryScore() == null) {
                    ps.setNull(9, Types.DECIMAL);
                } else {
                    ps.setBigDecimal(9, java.math.BigDecimal.valueOf(u.masteryScore()));
                }
                ps.setString(10, clip(u.launchMethod(), 16));
                ps.setString(11, u.parameters());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void files(Connection c, long versionId, PackageContents contents) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO course_file (version_id, path_sha256, path,"
                + " content_sha256, size) VALUES (?, ?, ?, ?, ?)")) {
            for (PackageContents.FileEntry file : contents.files().values()) {
                if (file.path().length() > 1000) {
                    throw new PackageRefusedException(file.path().substring(0, 80) + "...",
                            "the path is longer than 1000 characters");
                }
                try (InputStream in = contents.open(file.path())) {
                    ContentStore.store(c, file.sha256(), file.size(), in);
                }
                ps.setLong(1, versionId);
                ps.setBytes(2, Hashes.sha256(file.path().getBytes(StandardCharsets.UTF_8)));
                ps.setString(3, file.path());
                ps.setBytes(4, file.sha256());
                ps.setLong(5, file.size());
                ps.executeUpdate();
            }
        }
    }

    static String metadata(CourseManifest m) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("titles", strings(m.titles()))
                .add("descriptions", strings(m.descriptions()));
        JsonArrayBuilder languages = Json.createArrayBuilder();
        m.languages().forEach(languages::add);
        json.add("languages", languages);
        if (m.duration() != null) {
            json.add("duration", m.duration());
        }
        JsonArrayBuilder competences = Json.createArrayBuilder();
        for (Competence competence : m.competences()) {
            JsonObjectBuilder one = Json.createObjectBuilder().add("iri", competence.iri());
            if (competence.framework() != null) {
                one.add("framework", competence.framework());
            }
            if (competence.id() != null) {
                one.add("id", competence.id());
            }
            if (competence.level() != null) {
                one.add("level", competence.level());
            }
            competences.add(one);
        }
        json.add("competences", competences);
        JsonArrayBuilder objectives = Json.createArrayBuilder();
        m.objectives().forEach(o -> objectives.add(Json.createObjectBuilder().add("id", o.id()).add("title", o.title())));
        json.add("objectives", objectives);
        return json.build().toString();
    }

    private static JsonObjectBuilder strings(Map<String, String> values) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach(json::add);
        return json;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
