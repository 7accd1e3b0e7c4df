package se.digikomp.packager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.digikomp.packager.bundle.DeterministicZip;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.PackageBuilder;
import se.digikomp.packager.bundle.PackageFiles;
import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Unit;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.InvalidSourceException;
import se.digikomp.packager.source.Problem;

/** {@code build <course-dir>... --format ... --output <dir>}: one zip per course, format and language set. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds each course into one zip per format (and per language unless the course is bilingual). "
                + "All courses are validated first; if any is invalid nothing is written.")
public final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<course-dir>", description = "course folders (with course.yaml)")
    List<Path> courses;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "<format>", defaultValue = "all",
            description = "scorm12, scorm2004, xapi, cmi5, web or all (comma-separated or repeated; default: all)")
    List<String> formats;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", defaultValue = "out",
            description = "where the zips are written (default: out)")
    Path output;

    @Option(names = "--unit", paramLabel = "lesson|course", defaultValue = "lesson",
            description = "SCORM SCOs and cmi5 AUs: one per lesson (default) or one for the whole course")
    String unit;

    @Override
    public Integer call() throws IOException {
        Set<Format> chosen = formats(formats);
        Unit u = unit(unit);
        List<Course> read = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path dir : courses) {
            try {
                read.add(CourseReader.read(dir.normalize()));
            } catch (InvalidSourceException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        var out = spec.commandLine().getOut();
        for (Course course : read) {
            long started = System.nanoTime();
            List<String> written = new ArrayList<>();
            for (Format format : chosen) {
                for (List<String> languages : PackageBuilder.languageSets(course)) {
                    PackagePlan plan = PackagePlan.of(course, format, u, languages);
                    PackageFiles files = PackageBuilder.build(plan);
                    Path target = output.resolve(PackageBuilder.fileName(plan));
                    DeterministicZip.write(files, target);
                    written.add(target.getFileName().toString());
                }
            }
            out.printf("%s: %d package(s) in %d ms -> %s%n", course.slug(), written.size(),
                    (System.nanoTime() - started) / 1_000_000, output.resolve("").toString());
            for (String name : written) {
                out.println("  " + name);
            }
        }
        return ExitCode.OK;
    }

    static Set<Format> formats(List<String> words) {
        Set<Format> result = new LinkedHashSet<>();
        for (String word : words) {
            if (word.equals("all")) {
                result.addAll(List.of(Format.values()));
                continue;
            }
            result.add(Format.of(word).orElseThrow(() -> new Main.UsageException("unknown format: " + word
                    + " (scorm12, scorm2004, xapi, cmi5, web, all)")));
        }
        return result;
    }

    static Unit unit(String word) {
        return switch (word) {
            case "lesson" -> Unit.LESSON;
            case "course" -> Unit.COURSE;
            default -> throw new Main.UsageException("--unit must be lesson or course: " + word);
        };
    }
}
