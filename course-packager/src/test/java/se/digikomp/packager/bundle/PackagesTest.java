package se.digikomp.packager.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.Problems;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.SharedSchemas;
import se.digikomp.packager.testing.TestCourses;
import se.digikomp.packager.testing.Zips;

class PackagesTest {
    @TempDir
    Path temp;

    private List<Path> build(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("build", TestCourses.testCourse().toString(), "-o", out.toString()));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(new String[0]));
        assertEquals(0, cli.exitCode(), cli.err());
        try (var files = Files.list(out)) {
            return files.sorted().toList();
        }
    }

    @Test
    void sameSourcesGiveByteIdenticalZips() throws IOException {
        List<Path> first = build(temp.resolve("a"));
        List<Path> second = build(temp.resolve("b"));
        assertEquals(10, first.size(), "5 formats x 2 languages");
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)),
                    first.get(i).getFileName() + " differs between two builds");
        }
        try (ZipFile zip = new ZipFile(first.get(0).toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertEquals(names.stream().sorted().toList(), names, "entries are sorted");
            zip.stream().forEach(e -> assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), e.getTimeLocal()));
        }
    }

    @Test
    void scormManifestsAreValidAgainstTheOfficialXsdsInBothUnits() throws IOException {
        for (String unit : List.of("lesson", "course")) {
            Path out = temp.resolve(unit);
            build(out, "--unit", unit, "-f", "scorm12,scorm2004,cmi5");
            for (String lang : List.of("sv", "en")) {
                Map<String, byte[]> s12 = Zips.read(out.resolve("test-course-1.2.3-scorm12-" + lang + ".zip"));
                assertEquals(List.of(), SharedSchemas.scorm12().validate(s12.get("imsmanifest.xml")), unit);
                Map<String, byte[]> s2004 = Zips.read(out.resolve("test-course-1.2.3-scorm2004-" + lang + ".zip"));
                assertEquals(List.of(), SharedSchemas.scorm2004().validate(s2004.get("imsmanifest.xml")), unit);
                Map<String, byte[]> cmi5 = Zips.read(out.resolve("test-course-1.2.3-cmi5-" + lang + ".zip"));
                assertEquals(List.of(), SharedSchemas.cmi5().validate(cmi5.get("cmi5.xml")), unit);
                for (String xsd : ControlDocuments.SCORM12) {
                    assertNotNull(s12.get(xsd), "control document at the root: " + xsd);
                }
                for (String xsd : ControlDocuments.SCORM2004) {
                    assertNotNull(s2004.get(xsd), "control document at the root: " + xsd);
                }
            }
        }
    }

    @Test
    void orderedCourseGetsSequencingRulesAndPrerequisites() throws IOException {
        Path out = temp.resolve("o");
        build(out, "-f", "scorm12,scorm2004,cmi5");
        String m2004 = new String(Zips.read(out.resolve("test-course-1.2.3-scorm2004-sv.zip")).get("imsmanifest.xml"),
                StandardCharsets.UTF_8);
        assertTrue(m2004.contains("<imsss:ruleAction action=\"disabled\"/>"));
        assertTrue(m2004.contains("<imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>"));
        assertEquals(2, m2004.split("preConditionRule>").length / 2, "lessons 2 and 3 wait for their predecessor");
        String m12 = new String(Zips.read(out.resolve("test-course-1.2.3-scorm12-sv.zip")).get("imsmanifest.xml"),
                StandardCharsets.UTF_8);
        assertTrue(m12.contains("<adlcp:prerequisites type=\"aicc_script\">item-checks</adlcp:prerequisites>"));
        assertTrue(m12.contains("<adlcp:masteryscore>80</adlcp:masteryscore>"));
        String cmi5 = new String(Zips.read(out.resolve("test-course-1.2.3-cmi5-sv.zip")).get("cmi5.xml"),
                StandardCharsets.UTF_8);
        assertTrue(cmi5.contains("moveOn=\"CompletedAndPassed\" masteryScore=\"0.8\""));
        assertTrue(cmi5.contains("id=\"https://digikomp.se/courses/test-course/lessons/basics\" moveOn=\"Completed\""));
        assertTrue(cmi5.contains("<objective id=\"https://digikomp.se/competences/digcomp-2.2/4.1\">"));
    }

    @Test
    void runtimeIsSmallAndNoEndpointOrCredentialIsWritten() throws IOException {
        Course course = CourseReader.read(TestCourses.testCourse());
        for (Format format : Format.values()) {
            PackageFiles files = PackageBuilder.build(PackagePlan.of(course, format, Unit.LESSON, List.of("sv")));
            long runtime = files.totalBytes(PlayerPages.PLAYER_DIR);
            assertTrue(runtime < 100_000, "player runtime is " + runtime + " bytes");
            for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
                if (file.getKey().endsWith(".html") || file.getKey().endsWith(".xml")) {
                    String text = new String(file.getValue(), StandardCharsets.UTF_8);
                    assertFalse(text.matches("(?s).*(endpoint=|auth=|Basic [A-Za-z0-9+/=]{8}|127\\.0\\.0\\.1).*"),
                            file.getKey() + " carries an endpoint or a credential");
                }
            }
        }
    }

    @Test
    void bilingualPackagesCarryBothLanguagesInOneZip() throws IOException {
        Path dir = TestCourses.copy(temp);
        Path yaml = dir.resolve("course.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("packaging: per-language", "packaging: bilingual"));
        Path out = temp.resolve("bi");
        Cli cli = Cli.run("build", dir.toString(), "-o", out.toString(), "-f", "scorm2004,xapi");
        assertEquals(0, cli.exitCode(), cli.err());
        Map<String, byte[]> zip = Zips.read(out.resolve("test-course-1.2.3-scorm2004.zip"));
        assertNotNull(zip.get("sv/final.html"));
        assertNotNull(zip.get("en/final.html"));
        String page = new String(zip.get("sv/final.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("href=\"../en/final.html\" lang=\"en\""), "language switch");
        assertEquals(List.of(), SharedSchemas.scorm2004().validate(zip.get("imsmanifest.xml")));
        String tincan = new String(Zips.read(out.resolve("test-course-1.2.3-xapi.zip")).get("tincan.xml"),
                StandardCharsets.UTF_8);
        assertTrue(tincan.contains("<launch lang=\"en\">en/index.html</launch>"));
    }

    @Test
    void validateAcceptsTheThirdPartyFixturesAndOurPackages() throws IOException {
        for (String fixture : List.of("scorm12-golf-runtime-basic", "scorm2004-4th-golf-sequencing-posttest",
                "xapi-tincan-golf")) {
            Path zip = Zips.zip(SharedSchemas.fixture(fixture), temp.resolve(fixture + ".zip"));
            Problems problems = new Problems();
            PackageValidator.validate(zip, problems);
            assertEquals(List.of(), problems.sorted(), fixture);
        }
        List<Path> ours = build(temp.resolve("ours"));
        Cli cli = Cli.run(ours.stream().map(Path::toString).toList().toArray(new String[0]));
        List<String> args = new ArrayList<>(List.of("validate"));
        ours.forEach(p -> args.add(p.toString()));
        cli = Cli.run(args.toArray(new String[0]));
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(10, cli.out().lines().filter(l -> l.contains(": valid ")).count(), cli.out());
    }

    @Test
    void validateAcceptsTheCmi5SpecExamplesAndRejectsDuplicateAuIds() throws IOException {
        Path examples = SharedSchemas.fixture("cmi5-spec-examples").resolve("examples");
        for (String example : List.of("simple-cmi5.xml", "complex-cmi5.xml", "extended-cmi5.xml")) {
            PackageFiles files = new PackageFiles();
            files.put("cmi5.xml", Files.readAllBytes(examples.resolve(example)));
            Path zip = temp.resolve(example + ".zip");
            DeterministicZip.write(files, zip);
            Problems problems = new Problems();
            assertEquals(Format.CMI5, PackageValidator.validate(zip, problems));
            assertEquals(List.of(), problems.sorted(), example);
        }
        String simple = Files.readString(examples.resolve("simple-cmi5.xml"));
        String au = simple.substring(simple.indexOf("<au "), simple.indexOf("</au>") + 5);
        PackageFiles twice = new PackageFiles();
        twice.put("cmi5.xml", simple.replace(au, au + au));
        Path zip = temp.resolve("twice.zip");
        DeterministicZip.write(twice, zip);
        Problems problems = new Problems();
        PackageValidator.validate(zip, problems);
        assertTrue(problems.sorted().toString().contains("id used twice"), problems.sorted().toString());
    }

    @Test
    void validateReportsAManifestThatFailsItsXsdAndMissingFiles() throws IOException {
        Path zip = build(temp.resolve("x"), "-f", "scorm2004").get(0);
        Map<String, byte[]> entries = Zips.read(zip);
        String manifest = new String(entries.get("imsmanifest.xml"), StandardCharsets.UTF_8);
        entries.put("imsmanifest.xml", manifest.replace("<title>", "<titel>").replace("</title>", "</titel>")
                .getBytes(StandardCharsets.UTF_8));
        entries.remove("imsss_v1p0.xsd");
        entries.remove("player/player.js");
        Path broken = temp.resolve("broken.zip");
        PackageFiles files = new PackageFiles();
        entries.forEach(files::put);
        DeterministicZip.write(files, broken);
        Cli cli = Cli.run("validate", broken.toString());
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().contains(broken + "!/imsmanifest.xml:"), cli.err());
        assertTrue(cli.err().contains("not valid against the SCORM 2004 4th Edition XSDs"), cli.err());
        assertTrue(cli.err().contains("control document missing at the package root: imsss_v1p0.xsd"), cli.err());
        assertTrue(cli.err().contains("names a file the package does not contain: player/player.js"), cli.err());
    }
}
