package se.digikomp.lms.course.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.course.entity.Competence;
import se.digikomp.lms.course.entity.CourseSummary;
import se.digikomp.lms.course.entity.CourseVersionDetails;
import se.digikomp.lms.course.entity.LaunchUnit;
import se.digikomp.lms.platform.Database;

/**
 * The courses an organisation may take: its own imports and the shared ones (organisation_id NULL), bounded in
 * every query. Withdrawing a version is a flag; the version, its files and whatever points at it stay.
 */
@ApplicationScoped
public class CourseCatalogue {

    /** What a withdrawal found. */
    public enum Withdrawal { WITHDRAWN, SHARED, NOT_FOUND }

    private static final String VISIBLE = "(c.organisation_id = ? OR c.organisation_id IS NULL)";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public CourseCatalogue() {
    }

    public CourseCatalogue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Each visible course with its newest version that is not withdrawn, by title. */
    public List<CourseSummary> courses(long organisationId) {
        String sql = "SELECT c.identifier, c.organisation_id, v.id, v.version_number, v.version_label, v.format,"
                + " v.edition, v.title, v.metadata FROM course c JOIN course_version v ON v.course_id = c.id"
                + " WHERE " + VISIBLE + " AND v.withdrawn_at IS NULL AND v.version_number = (SELECT"
                + " MAX(n.version_number) FROM course_version n WHERE n.course_id = c.id AND n.withdrawn_at IS NULL)"
                + " ORDER BY v.title, c.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, organisationId);
            List<CourseSummary> courses = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject m = Json.createReader(new StringReader(rs.getString(9))).readObject();
                    Map<String, String> descriptions = strings(m.getJsonObject("descriptions"));
                    courses.add(new CourseSummary(rs.getString(1), rs.getLong(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8),
                            descriptions.values().stream().findFirst().orElse(null), strings(m.getJsonObject("titles")),
                            descriptions, m.getJsonArray("languages").getValuesAs(jakarta.json.JsonString.class)
                                    .stream().map(jakarta.json.JsonString::getString).toList(),
                            m.getString("duration", null), competences(m), rs.getObject(2) == null));
                }
            }
            return courses;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the courses", e);
        }
    }

    public Optional<CourseVersionDetails> version(long organisationId, long versionId) {
        String sql = "SELECT c.identifier, c.organisation_id, v.version_number, v.version_label, v.format, v.edition,"
                + " v.title, v.imported_at, v.withdrawn_at, (SELECT COUNT(*) FROM course_file f WHERE f.version_id"
                + " = v.id), (SELECT COALESCE(SUM(f.size), 0) FROM course_file f WHERE f.version_id = v.id)"
                + " FROM course c JOIN course_version v ON v.course_id = c.id WHERE v.id = ? AND " + VISIBLE;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, versionId);
            ps.setLong(2, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp withdrawn = rs.getTimestamp(9);
                return Optional.of(new CourseVersionDetails(versionId, rs.getString(1), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        withdrawn == null ? null : withdrawn.toInstant(), rs.getObject(2) == null, rs.getInt(10),
                        rs.getLong(11), units(c, versionId)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the course version", e);
        }
    }

    /** Withdraws a version of one of the organisation's own courses (again: no change). */
    public Withdrawal withdraw(long organisationId, long versionId, long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE course_version v JOIN course c ON c.id = v.course_id SET v.withdrawn_by ="
                        + " COALESCE(v.withdrawn_by, IF(v.withdrawn_at IS NULL, ?, NULL)), v.withdrawn_at ="
                        + " COALESCE(v.withdrawn_at, CURRENT_TIMESTAMP(3)) WHERE v.id = ? AND c.organisation_id = ?")) {
            ps.setLong(1, accountId);
            ps.setLong(2, versionId);
            ps.setLong(3, organisationId);
            if (ps.executeUpdate() > 0) {
                return Withdrawal.WITHDRAWN;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot withdraw the course version", e);
        }
        return version(organisationId, versionId).isPresent() ? Withdrawal.SHARED : Withdrawal.NOT_FOUND;
    }

    /** Whether a shared course with this identifier already has a version with this label (start-up import). */
    public boolean sharedVersionExists(String identifier, String versionLabel) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM course c JOIN course_version v ON v.course_id = c.id WHERE c.organisation_id IS NULL"
                        + " AND c.identifier_sha256 = ? AND v.version_label <=> ?")) {
            ps.setBytes(1, Hashes.sha256(identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ps.setString(2, versionLabel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the courses", e);
        }
    }

    private static List<LaunchUnit> units(Connection c, long versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT identifier, title, launch, kind, block_path, move_on,"
                + " mastery_score, launch_method, parameters FROM course_unit WHERE version_id = ? ORDER BY position")) {
            ps.setLong(1, versionId);
            List<LaunchUnit> units = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal mastery = rs.getBigDecimal(7);
                    units.add(new LaunchUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), mastery == null ? null : mastery.doubleValue(),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return units;
        }
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> values = new LinkedHashMap<>();
        if (o != null) {
            o.forEach((k, v) -> values.put(k, ((jakarta.json.JsonString) v).getString()));
        }
        return values;
    }

    private static List<Competence> competences(JsonObject m) {
        List<Competence> list = new ArrayList<>();
        for (JsonValue v : m.getJsonArray("competences")) {
            JsonObject c = v.asJsonObject();
            list.add(new Competence(c.getString("iri"), c.getString("framework", null), c.getString("id", null),
                    c.containsKey("level") ? c.getInt("level") : null));
        }
        return list;
    }
}
