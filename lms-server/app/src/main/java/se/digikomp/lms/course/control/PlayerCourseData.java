package se.digikomp.lms.course.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.digikomp.lms.course.entity.Competence;

/**
 * The course data course-packager writes into every player page ({@code <script type="application/json"
 * id="dk-config">}): the course IRI, its version and its DigComp alignment with target levels, which no SCORM
 * manifest has a place for. Absent from third-party packages.
 */
record PlayerCourseData(String courseId, String version, String language, List<Competence> competences) {

    private static final Pattern CONFIG = Pattern.compile(
            "<script type=\"application/json\" id=\"dk-config\">(.*?)</script>", Pattern.DOTALL);

    static Optional<PlayerCourseData> in(PackageContents contents, String launch) {
        String path = ManifestReader.pathOf(launch);
        if (!path.endsWith(".html") || !contents.has(path)) {
            return Optional.empty();
        }
        Matcher m = CONFIG.matcher(new String(contents.bytes(path).orElseThrow(), StandardCharsets.UTF_8));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            JsonObject config = Json.createReader(new StringReader(m.group(1))).readObject();
            JsonObject course = config.getJsonObject("course");
            if (course == null || course.getString("id", null) == null) {
                return Optional.empty();
            }
            List<Competence> competences = new ArrayList<>();
            for (JsonValue value : course.getJsonArray("competences") == null ? List.<JsonValue>of()
                    : course.getJsonArray("competences")) {
                JsonObject c = value.asJsonObject();
                competences.add(new Competence(c.getString("iri", null), c.getString("framework", null),
                        c.getString("id", null), c.containsKey("level") ? c.getInt("level") : null));
            }
            return Optional.of(new PlayerCourseData(course.getString("id"), course.getString("version", null),
                    config.getString("lang", null), List.copyOf(competences)));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
