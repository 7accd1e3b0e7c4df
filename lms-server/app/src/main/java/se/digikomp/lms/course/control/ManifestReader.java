package se.digikomp.lms.course.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import se.digikomp.lms.course.entity.Competence;
import se.digikomp.lms.course.entity.CourseManifest;
import se.digikomp.lms.course.entity.LaunchUnit;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.lms.course.entity.PackageRefusedException;

/**
 * Finds a package's format from the manifest at its root (imsmanifest.xml, cmi5.xml, tincan.xml, or our web
 * format's index.html with player/player.js), reads it, and checks that every launch file is in the package.
 * A package made by course-packager also carries its course IRI, version and DigComp levels in its player pages;
 * those complete what the manifest says (SCORM manifests have no place for them).
 */
public final class ManifestReader {

    static final String SCORM = "imsmanifest.xml";
    static final String CMI5 = "cmi5.xml";
    static final String TINCAN = "tincan.xml";
    static final String WEB_INDEX = "index.html";
    static final String WEB_PLAYER = "player/player.js";
    private static final String COMPETENCE_PREFIX = "https://digikomp.se/competences/";
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern WEB_PAGE = Pattern.compile("[A-Za-z-]+/index\\.html");

    private ManifestReader() {
    }

    /** The format the package's root says, if any. */
    public static Optional<PackageFormat> detect(PackageContents contents) {
        if (contents.has(SCORM)) {
            return Optional.of(PackageFormat.SCORM12); // or 2004: told apart by the manifest's namespace
        }
        if (contents.has(CMI5)) {
            return Optional.of(PackageFormat.CMI5);
        }
        if (contents.has(TINCAN)) {
            return Optional.of(PackageFormat.XAPI);
        }
        if (contents.has(WEB_INDEX) && contents.has(WEB_PLAYER)) {
            return Optional.of(PackageFormat.WEB);
        }
        return Optional.empty();
    }

    /** Reads the manifest; {@code declared} is the client's X-Package-Format, which must match it when given. */
    public static CourseManifest read(PackageContents contents, Optional<PackageFormat> declared) {
        PackageFormat found = detect(contents).orElseThrow(() -> new PackageRefusedException(
                PackageRefusedException.PACKAGE, "no manifest: neither imsmanifest.xml, cmi5.xml, tincan.xml nor a"
                + " web package's index.html with player/player.js at the root of the zip"));
        CourseManifest manifest = switch (found) {
            case SCORM12, SCORM2004 -> ScormManifest.read(root(contents, SCORM), contents);
            case CMI5 -> Cmi5CourseStructure.read(root(contents, CMI5), contents);
            case XAPI -> TincanXml.read(root(contents, TINCAN), contents);
            case WEB -> web(contents);
        };
        if (declared.isPresent() && declared.get() != manifest.format()) {
            throw new PackageRefusedException(manifestFile(manifest.format()), "X-Package-Format says "
                    + declared.get().word + " but the package is " + manifest.format().word);
        }
        Optional<PlayerCourseData> ours = PlayerCourseData.in(contents, manifest.units().get(0).launch());
        return ours.map(data -> withPlayerData(manifest, data)).orElse(manifest);
    }

    static String manifestFile(PackageFormat format) {
        return switch (format) {
            case SCORM12, SCORM2004 -> SCORM;
            case CMI5 -> CMI5;
            case XAPI -> TINCAN;
            case WEB -> WEB_INDEX;
        };
    }

    private static Element root(PackageContents contents, String file) {
        return SafeXml.parse(file, contents.bytes(file).orElseThrow()).getDocumentElement();
    }

    private static CourseManifest web(PackageContents contents) {
        String index = new String(contents.bytes(WEB_INDEX).orElseThrow(), StandardCharsets.UTF_8);
        Matcher title = TITLE.matcher(index);
        List<LaunchUnit> pages = new ArrayList<>();
        for (String path : contents.files().keySet()) {
            if (WEB_PAGE.matcher(path).matches()) {
                pages.add(LaunchUnit.of(path, path, path, "launch"));
            }
        }
        Optional<PlayerCourseData> data = pages.stream().map(p -> PlayerCourseData.in(contents, p.launch()))
                .flatMap(Optional::stream).findFirst();
        if (data.isEmpty()) {
            throw new PackageRefusedException(WEB_INDEX, "a web package must be made by course-packager, and no"
                    + " <language>/index.html of this one carries its course data");
        }
        String name = title.find() ? title.group(1).strip() : data.get().courseId();
        List<String> languages = pages.stream().map(p -> p.launch().substring(0, p.launch().indexOf('/'))).toList();
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(data.get().language() == null ? "" : data.get().language(), name);
        List<LaunchUnit> units = new ArrayList<>();
        units.add(LaunchUnit.of(data.get().courseId(), name, WEB_INDEX, "launch"));
        return new CourseManifest(PackageFormat.WEB, null, data.get().courseId(), data.get().version(), titles,
                Map.of(), languages, null, data.get().competences(), List.of(), units);
    }

    private static CourseManifest withPlayerData(CourseManifest m, PlayerCourseData data) {
        List<String> languages = new ArrayList<>(m.languages());
        if (data.language() != null && !languages.contains(data.language())) {
            languages.add(0, data.language());
        }
        Map<String, String> titles = m.titles();
        if (titles.containsKey("") && data.language() != null) {
            titles = new LinkedHashMap<>();
            titles.put(data.language(), m.titles().get(""));
        }
        List<Competence> competences = data.competences().isEmpty() ? m.competences() : data.competences();
        return new CourseManifest(m.format(), m.edition(), data.courseId(),
                data.version() != null ? data.version() : m.versionLabel(), titles, m.descriptions(),
                List.copyOf(languages), m.duration(), competences, m.objectives(), m.units());
    }

    /** Our competence IRIs among a manifest's objectives, as DigComp alignments (levels unknown). */
    static List<Competence> digComp(List<CourseManifest.Objective> objectives) {
        List<Competence> found = new ArrayList<>();
        for (CourseManifest.Objective o : objectives) {
            if (o.id().startsWith(COMPETENCE_PREFIX)) {
                String[] parts = o.id().substring(COMPETENCE_PREFIX.length()).split("/", 2);
                if (parts.length == 2) {
                    found.add(new Competence(o.id(), parts[0], parts[1], null));
                }
            }
        }
        return List.copyOf(found);
    }

    /** A launch reference without its query and fragment. */
    static String pathOf(String launch) {
        int cut = launch.length();
        for (char c : new char[] {'?', '#'}) {
            int i = launch.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return launch.substring(0, cut);
    }

    /** The launch file must be in the package (as written, or percent-decoded). */
    static void requireFile(PackageContents contents, String manifest, String launch, String what) {
        String path = pathOf(launch);
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = path;
        }
        if (path.isEmpty() || !(contents.has(path) || contents.has(decoded))) {
            throw new PackageRefusedException(manifest, "the launch file '" + launch + "' of " + what
                    + " is not in the package");
        }
    }
}
