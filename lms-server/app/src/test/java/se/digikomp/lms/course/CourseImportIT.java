package se.digikomp.lms.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.lms.course.control.CourseCatalogue;
import se.digikomp.lms.course.control.CourseImporter;
import se.digikomp.lms.course.control.CourseSeeder;
import se.digikomp.lms.course.control.Hashes;
import se.digikomp.lms.course.entity.CourseSummary;
import se.digikomp.lms.course.entity.CourseVersionDetails;
import se.digikomp.lms.course.entity.ImportLimits;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.lms.course.entity.PackageRefusedException;
import se.digikomp.lms.platform.Migrations;
import se.digikomp.lms.testing.TestDatabase;
import se.digikomp.packager.bundle.DeterministicZip;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.PackageBuilder;
import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Unit;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;

/**
 * The import pipeline against the real database (its own schema): every hardening refusal with its reason naming
 * the file and nothing stored (rows and chunks counted before and after), the real third-party packages, packages
 * built from courses/ with the packager library, versions and content stored once, and the start-up import.
 */
@ExtendWith(TestDatabase.class)
class CourseImportIT {

    static final Path FIXTURES = Path.of("../../../shared/fixtures/content");
    static final Path COURSES = Path.of("../../courses");
    static final ImportLimits DEFAULTS = new ImportLimits(524288000L, 10000, 209715200L, 1073741824L, 100);
    private static final List<String> TABLES = List.of("course", "course_version", "course_unit", "course_file",
            "content_blob", "content_chunk");

    private static MysqlDataSource dataSource;
    private static CourseImporter importer;
    private static CourseCatalogue catalogue;
    private static long organisation;

    @TempDir
    Path temp;

    @BeforeAll
    static void schema() throws Exception {
        TestDatabase.Instance db = TestDatabase.shared();
        String schema = db.newSchema("lms_course");
        dataSource = new MysqlDataSource();
        dataSource.setURL(db.jdbcUrl(schema));
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        Migrations.apply(dataSource, CourseImportIT.class.getClassLoader());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO organisation (slug, name) VALUES ('course-it', 'Kursorganisationen')",
                    Statement.RETURN_GENERATED_KEYS);
            try (ResultSet key = s.getGeneratedKeys()) {
                key.next();
                organisation = key.getLong(1);
            }
        }
        importer = new CourseImporter(dataSource);
        catalogue = new CourseCatalogue(dataSource);
    }

    // ---- hardening: each refused with its reason, nothing stored ----

    static String scorm2004(String schemaVersion, String href) {
        return "<?xml version=\"1.0\"?>\n<manifest identifier=\"test-course\" version=\"1\""
                + " xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\">"
                + "<metadata><schema>ADL SCORM</schema><schemaversion>" + schemaVersion + "</schemaversion></metadata>"
                + "<organizations default=\"o\"><organization identifier=\"o\"><title>Test</title>"
                + "<item identifier=\"i1\" identifierref=\"r1\"><title>One</title></item></organization></organizations>"
                + "<resources><resource identifier=\"r1\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"" + href
                + "\"><file href=\"" + href + "\"/></resource></resources></manifest>";
    }

    static RawZip validScorm() {
        return new RawZip().add("imsmanifest.xml", scorm2004("2004 4th Edition", "index.html"))
                .add("index.html", "<!doctype html><title>One</title>");
    }

    @Test
    void aValidMinimalPackageIsImported() throws Exception {
        CourseImporter.Imported imported = importZip(validScorm().add("extra.txt", "minimal " + System.nanoTime()),
                Optional.empty());
        assertEquals(PackageFormat.SCORM2004, imported.manifest().format());
    }

    @Test
    void refusesZipSlip() throws Exception {
        refused(validScorm().add("../evil.html", "x"), DEFAULTS, "../evil.html", "zip slip");
        refused(validScorm().add("assets/../../evil.html", "x"), DEFAULTS, "assets/../../evil.html", "zip slip");
    }

    @Test
    void refusesAbsolutePaths() throws Exception {
        refused(validScorm().add("/etc/evil.html", "x"), DEFAULTS, "/etc/evil.html", "absolute path");
        refused(validScorm().add("C:/evil.html", "x"), DEFAULTS, "C:/evil.html", "absolute path");
        refused(validScorm().add("assets\\evil.html", "x"), DEFAULTS, "assets\\evil.html", "backslash");
    }

    @Test
    void refusesSymlinks() throws Exception {
        refused(validScorm().symlink("assets/passwd", "/etc/passwd"), DEFAULTS, "assets/passwd", "symbolic link");
    }

    @Test
    void refusesDuplicateEntries() throws Exception {
        refused(validScorm().add("index.html", "<!doctype html><title>Other</title>"), DEFAULTS, "index.html",
                "duplicate entry");
    }

    @Test
    void refusesMoreEntriesThanTheCap() throws Exception {
        RawZip zip = validScorm();
        for (int i = 0; i < 9; i++) {
            zip.add("assets/f" + i + ".txt", "file " + i);
        }
        refused(zip, limits(10, 1 << 20, 1 << 22, 100), PackageRefusedException.PACKAGE, "11 entries");
    }

    @Test
    void refusesAFileOverThePerFileCap() throws Exception {
        refused(validScorm().add("assets/big.bin", random(5000)), limits(100, 4000, 1 << 22, 100), "assets/big.bin",
                "per-file cap");
    }

    @Test
    void refusesAPackageOverTheTotalCap() throws Exception {
        RawZip zip = validScorm().add("a.bin", random(3000)).add("b.bin", random(3000)).add("c.bin", random(3000));
        refused(zip, limits(100, 4000, 8000, 100), "c.bin", "total cap");
    }

    @Test
    void refusesAZipBomb() throws Exception {
        refused(validScorm().add("assets/zeros.bin", new byte[10 * 1024 * 1024]), DEFAULTS, "assets/zeros.bin",
                "zip bomb");
    }

    @Test
    void refusesXmlWithADtdOrExternalEntity() throws Exception {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE manifest [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + scorm2004("2004 4th Edition", "index.html").substring("<?xml version=\"1.0\"?>\n".length())
                .replace("<title>Test</title>", "<title>&xxe;</title>");
        refused(new RawZip().add("imsmanifest.xml", xxe).add("index.html", "x"), DEFAULTS, "imsmanifest.xml", "DTD");
        String billion = "<?xml version=\"1.0\"?><!DOCTYPE courseStructure [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><courseStructure"
                + " xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">&b;</courseStructure>";
        refused(new RawZip().add("cmi5.xml", billion), DEFAULTS, "cmi5.xml", "DTD");
    }

    @Test
    void refusesAMissingOrInvalidManifest() throws Exception {
        refused(new RawZip().add("lesson.html", "x"), DEFAULTS, PackageRefusedException.PACKAGE, "no manifest");
        refused(new RawZip().add("imsmanifest.xml", "<manifest><unclosed></manifest>").add("index.html", "x"),
                DEFAULTS, "imsmanifest.xml", "not well-formed");
        refused(new RawZip().add("cmi5.xml", "<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/"
                + "CourseStructure.xsd\"><course><title><langstring lang=\"en\">T</langstring></title></course>"
                + "</courseStructure>"), DEFAULTS, "cmi5.xml", "no id");
        refused(new RawZip().add("tincan.xml", "<tincan xmlns=\"http://projecttincan.com/tincan.xsd\"><activities/>"
                + "</tincan>"), DEFAULTS, "tincan.xml", "no activity with a launch");
        refused(new RawZip().add("index.html", "<title>x</title>").add("player/player.js", "//"), DEFAULTS,
                "index.html", "course-packager");
        refused(new RawZip().add("notes.txt", "no manifest here"), DEFAULTS, PackageRefusedException.PACKAGE,
                "no manifest");
    }

    @Test
    void refusesALaunchFileThatIsNotInTheZip() throws Exception {
        refused(new RawZip().add("imsmanifest.xml", scorm2004("2004 4th Edition", "missing/start.html")), DEFAULTS,
                "imsmanifest.xml", "'missing/start.html' of item i1 is not in the package");
        String cmi5 = Files.readString(FIXTURES.resolve("cmi5-spec-examples/examples/simple-cmi5.xml"))
                .replaceAll("<url>[^<]*</url>", "<url>au/start.html?x=1</url>");
        refused(new RawZip().add("cmi5.xml", cmi5), DEFAULTS, "cmi5.xml", "'au/start.html?x=1'");
        refused(new RawZip().add("tincan.xml", Files.readString(FIXTURES.resolve("xapi-tincan-golf/tincan.xml"))),
                DEFAULTS, "tincan.xml", "'index.html'");
    }

    @Test
    void refusesUnsupportedVersions() throws Exception {
        refused(new RawZip().add("imsmanifest.xml", scorm2004("2004 5th Edition", "index.html"))
                .add("index.html", "x"), DEFAULTS, "imsmanifest.xml", "'2004 5th Edition' is not supported");
        refused(new RawZip().add("imsmanifest.xml", scorm2004("1.1", "index.html")
                        .replace("http://www.imsglobal.org/xsd/imscp_v1p1", "http://www.imsproject.org/xsd/imscp_rootv1p1p2"))
                .add("index.html", "x"), DEFAULTS, "imsmanifest.xml", "'1.1' is not supported");
        refused(new RawZip().add("imsmanifest.xml", scorm2004("CAM 1.3", "index.html")
                        .replace("http://www.imsglobal.org/xsd/imscp_v1p1", "http://www.imsglobal.org/xsd/imscp_v2"))
                .add("index.html", "x"), DEFAULTS, "imsmanifest.xml", "is not a SCORM 1.2 or SCORM 2004 manifest");
        refused(new RawZip().add("cmi5.xml", Files.readString(FIXTURES.resolve(
                        "cmi5-spec-examples/examples/simple-cmi5.xml")).replace("/cmi5/v1/", "/cmi5/v2/")),
                DEFAULTS, "cmi5.xml", "is not a cmi5 course structure");
    }

    @Test
    void refusesAFormatThatDiffersFromTheDeclaredOne() throws Exception {
        long[] before = counts();
        PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> importZip(validScorm(),
                Optional.of(PackageFormat.CMI5)));
        assertEquals("imsmanifest.xml", e.file());
        assertTrue(e.getMessage().contains("X-Package-Format says cmi5 but the package is scorm2004"), e.getMessage());
        assertArrayEquals(before, counts());
    }

    @Test
    void refusesSomethingThatIsNotAZip() throws Exception {
        Path file = Files.writeString(temp.resolve("not.zip"), "this is not a zip file at all, just text");
        long[] before = counts();
        PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> importer.importPackage(file,
                Hashes.sha256(file), Files.size(file), Optional.empty(), owner(), DEFAULTS, Optional.empty()));
        assertTrue(e.getMessage().contains("not a zip file"), e.getMessage());
        assertArrayEquals(before, counts());
    }

    // ---- real packages ----

    @Test
    void importsTheGolfScorm12Package() throws Exception {
        CourseImporter.Imported imported = importZip(new RawZip().addTree(FIXTURES.resolve(
                "scorm12-golf-runtime-basic")), Optional.of(PackageFormat.SCORM12));
        assertEquals("1.2", imported.manifest().edition());
        assertEquals("com.scorm.golfsamples.runtime.basicruntime.12", imported.manifest().identifier());
        assertEquals("shared/launchpage.html", imported.manifest().units().get(0).launch());
        CourseVersionDetails details = catalogue.version(organisation, imported.versionId()).orElseThrow();
        assertEquals("scorm12", details.format());
        assertTrue(details.files() > 10, "files stored: " + details.files());
    }

    @Test
    void importsTheGolfScorm2004FourthEditionPackage() throws Exception {
        CourseImporter.Imported imported = importZip(new RawZip().addTree(FIXTURES.resolve(
                "scorm2004-4th-golf-sequencing-posttest")), Optional.empty());
        assertEquals(PackageFormat.SCORM2004, imported.manifest().format());
        assertEquals("2004 4th Edition", imported.manifest().edition());
        assertTrue(imported.manifest().units().size() >= 5, "SCOs: " + imported.manifest().units());
        assertTrue(imported.manifest().units().stream().allMatch(u -> u.kind().equals("sco")));
    }

    @Test
    void importsScorm2004SecondAndThirdEditions() throws Exception {
        for (String edition : List.of("CAM 1.3", "2004 3rd Edition")) {
            CourseImporter.Imported imported = importZip(new RawZip()
                    .add("imsmanifest.xml", scorm2004(edition, "index.html").replace("test-course", "ed-" + edition.length()))
                    .add("index.html", "x"), Optional.of(PackageFormat.SCORM2004));
            assertEquals(edition, imported.manifest().edition());
        }
    }

    @Test
    void importsTheTinCanGolfPackage() throws Exception {
        CourseImporter.Imported imported = importZip(new RawZip().addTree(FIXTURES.resolve("xapi-tincan-golf")),
                Optional.empty());
        assertEquals(PackageFormat.XAPI, imported.manifest().format());
        assertEquals("http://id.tincanapi.com/activity/tincan-prototypes/golf-example", imported.manifest().identifier());
        assertEquals("Tin Can Golf Example", imported.manifest().title());
        assertEquals("An overview of the sport of golf.", imported.manifest().descriptions().get("en-US"));
        assertEquals("index.html", imported.manifest().units().get(0).launch());
    }

    @Test
    void importsTheCmi5SpecExamplesWithBlocksAndSeveralAus() throws Exception {
        for (String example : List.of("simple-cmi5.xml", "complex-cmi5.xml", "extended-cmi5.xml")) {
            String xml = Files.readString(FIXTURES.resolve("cmi5-spec-examples/examples/" + example));
            CourseImporter.Imported imported = importZip(new RawZip().add("cmi5.xml", xml), Optional.of(PackageFormat.CMI5));
            assertEquals(PackageFormat.CMI5, imported.manifest().format(), example);
            if (example.equals("complex-cmi5.xml")) {
                assertEquals("Geology", imported.manifest().titles().get("en-US"));
                assertTrue(imported.manifest().units().size() > 3, "AUs: " + imported.manifest().units().size());
                assertTrue(imported.manifest().units().stream().anyMatch(u -> u.blockPath() != null
                        && u.blockPath().contains(" ")), "an AU inside nested blocks");
                assertTrue(imported.manifest().objectives().size() >= 2);
            }
        }
        // the same structure with AUs inside the package: each relative launch file must be there
        String xml = Files.readString(FIXTURES.resolve("cmi5-spec-examples/examples/complex-cmi5.xml"));
        Map<String, String> files = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<url>http://[^/]+/([^<]*)</url>").matcher(xml);
        while (m.find()) {
            files.put(m.group(1) + ".html", "<!doctype html><title>AU</title>");
        }
        String relative = xml.replaceAll("<url>http://[^/]+/([^<]*)</url>", "<url>$1.html</url>")
                .replace("http://courses.example.edu/identifiers/courses/d07e186b\"", "urn:test:geology-local\"");
        RawZip zip = new RawZip().add("cmi5.xml", relative);
        files.forEach(zip::add);
        CourseImporter.Imported local = importZip(zip, Optional.empty());
        List<String> inside = local.manifest().units().stream().map(u -> u.launch())
                .filter(l -> !l.matches("(?s)\\s*http.*")).toList();
        assertTrue(inside.size() >= files.size() && inside.stream().allMatch(l -> l.endsWith(".html")), "" + inside);
    }

    @Test
    void importsPackagesBuiltFromCoursesWithThePackagerLibrary() throws Exception {
        Course course = CourseReader.read(COURSES.resolve("open-data"));
        for (Format format : Format.values()) {
            Path zip = temp.resolve("open-data-" + format.word + ".zip");
            try (OutputStream out = Files.newOutputStream(zip)) {
                DeterministicZip.write(PackageBuilder.build(PackagePlan.of(course, format, Unit.LESSON,
                        List.of("sv"))), out);
            }
            CourseImporter.Imported imported = importer.importPackage(zip, Hashes.sha256(zip), Files.size(zip),
                    Optional.of(PackageFormat.of(format.word).orElseThrow()), owner(), DEFAULTS, Optional.empty());
            assertEquals("https://digikomp.se/courses/open-data", imported.manifest().identifier(), format.word);
            assertEquals(course.version(), imported.manifest().versionLabel(), format.word);
            assertEquals(course.title().get("sv"), imported.manifest().title(), format.word);
            assertEquals(course.competences().size(), imported.manifest().competences().size(), format.word);
            assertEquals(course.competences().get(0).level(), imported.manifest().competences().get(0).level(),
                    format.word);
            assertTrue(imported.manifest().languages().contains("sv"), format.word);
        }
    }

    // ---- versions and content addressing ----

    @Test
    void importingTheSameCourseAgainMakesANewVersionAndStoresSharedFilesOnce() throws Exception {
        RawZip first = new RawZip().add("imsmanifest.xml", scorm2004("2004 4th Edition", "index.html")
                .replace("test-course", "versioned-course")).add("index.html", "v1 " + System.nanoTime())
                .add("assets/big.bin", random(3 * 1024 * 1024));
        CourseImporter.Imported v1 = importZip(first, Optional.empty());
        long[] before = counts();
        CourseImporter.Imported v2 = importZip(first, Optional.empty());
        long[] after = counts();
        assertEquals(v1.courseId(), v2.courseId());
        assertEquals(v1.versionNumber() + 1, v2.versionNumber());
        assertEquals(before[0], after[0], "no new course");
        assertEquals(before[1] + 1, after[1], "one new version");
        assertEquals(before[3] + 3, after[3], "three file rows");
        assertEquals(before[4], after[4], "no new blob: the same files are stored once");
        assertEquals(before[5], after[5], "no new chunk");
        assertEquals(v2.versionNumber(), course("versioned-course").version());
    }

    @Test
    void theBigFileIsStoredInChunks() throws Exception {
        byte[] data = random(ContentChunks.CHUNK * 2 + 10);
        importZip(validScorm().add("assets/chunked.bin", data).add("x.txt", "" + System.nanoTime()), Optional.empty());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(data)) FROM content_chunk WHERE sha256 = UNHEX('"
                     + java.util.HexFormat.of().formatHex(Hashes.sha256(data)) + "')")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals(data.length, rs.getLong(2));
        }
    }

    // ---- the start-up import ----

    @Test
    void theStartUpImportBuildsEveryCourseOnceAndThenOnlyWhatIsNew() throws Exception {
        CourseSeeder seeder = new CourseSeeder(dataSource, importer, catalogue, DEFAULTS);
        long begin = System.nanoTime();
        CourseSeeder.Result first = seeder.seed(COURSES);
        long firstMs = (System.nanoTime() - begin) / 1_000_000;
        long courseDirs;
        try (var dirs = Files.list(COURSES)) {
            courseDirs = dirs.filter(d -> Files.isRegularFile(d.resolve("course.yaml"))).count();
        }
        assertEquals(new CourseSeeder.Result((int) courseDirs, 0, 0), first);
        begin = System.nanoTime();
        CourseSeeder.Result again = seeder.seed(COURSES);
        long againMs = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(new CourseSeeder.Result(0, (int) courseDirs, 0), again);
        System.out.println("start-up import of " + courseDirs + " courses: first start " + firstMs + " ms, later starts "
                + againMs + " ms");
        List<CourseSummary> shared = catalogue.courses(organisation).stream().filter(CourseSummary::shared).toList();
        assertEquals(courseDirs, shared.size());
        CourseSummary openData = shared.stream().filter(c -> c.id().equals("https://digikomp.se/courses/open-data"))
                .findFirst().orElseThrow();
        assertEquals("cmi5", openData.format());
        assertEquals(List.of("sv", "en"), openData.languages());
        assertEquals("PT1H45M", openData.duration());
        assertNotNull(openData.descriptions().get("en"));
        assertEquals(4, openData.competences().get(0).level());
    }

    // ---- helpers ----

    private CourseImporter.Imported importZip(RawZip zip, Optional<PackageFormat> declared) throws IOException {
        return importZip(zip, declared, DEFAULTS);
    }

    private CourseImporter.Imported importZip(RawZip zip, Optional<PackageFormat> declared, ImportLimits limits)
            throws IOException {
        Path file = zip.write(Files.createTempFile(temp, "package", ".zip"));
        return importer.importPackage(file, Hashes.sha256(file), Files.size(file), declared, owner(), limits,
                Optional.empty());
    }

    private void refused(RawZip zip, ImportLimits limits, String file, String reason) throws Exception {
        long[] before = counts();
        PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> importZip(zip, Optional.empty(),
                limits));
        assertEquals(file, e.file(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "reason should say '" + reason + "': " + e.getMessage());
        assertArrayEquals(before, counts());
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual),
                "rows in " + TABLES + " changed by a refused import");
    }

    static long[] counts() throws Exception {
        long[] counts = new long[TABLES.size()];
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < counts.length; i++) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLES.get(i))) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
        }
        return counts;
    }

    private static CourseSummary course(String identifier) {
        return catalogue.courses(organisation).stream().filter(c -> c.id().equals(identifier)).findFirst()
                .orElseThrow();
    }

    private static CourseImporter.Owner owner() {
        return new CourseImporter.Owner(organisation, null);
    }

    private static ImportLimits limits(int entries, long fileBytes, long totalBytes, int ratio) {
        return new ImportLimits(1 << 30, entries, fileBytes, totalBytes, ratio);
    }

    static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    /** The chunk size of the content store, as the docs state it. */
    private static final class ContentChunks {
        static final int CHUNK = 1024 * 1024;
    }
}
